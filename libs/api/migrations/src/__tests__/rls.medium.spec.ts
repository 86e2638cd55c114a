import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createTestDatabase, createWorld, TestDatabase, withClient, World } from '@baton/api/testing';
import { APP_ROLE } from '../roles';

/** The database itself enforces tenancy: these tests talk to Postgres as the app role, with no API in between. */
describe('row-level security (real Postgres, app role)', () => {
  let db: TestDatabase;
  let world: World;

  beforeAll(async () => {
    db = await createTestDatabase();
    world = await createWorld(db);
    await withClient(db.ownerUrl, async (c) => {
      await c.query(`SELECT set_config('app.tenant_ids', $1, false)`, [`${world.hotelA.id},${world.hotelB.id}`]);
      for (const hotel of [world.hotelA, world.hotelB]) {
        await c.query(
          `INSERT INTO audit_log (tenant_id, actor_kind, action, entity_type, entity_id) VALUES ($1, 'system', 'hotel.created', 'hotel', $2)`,
          [hotel.id, hotel.id],
        );
      }
    });
  });

  afterAll(() => db.drop());

  it('forces RLS on every table with tenant_id and on every table the app role can read', async () => {
    const rows = await withClient(db.ownerUrl, (c) =>
      c.query<{
        relname: string;
        relrowsecurity: boolean;
        relforcerowsecurity: boolean;
        has_tenant: boolean;
        app_reads: boolean;
      }>(
        `SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
                EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped) AS has_tenant,
                has_table_privilege($1, c.oid, 'SELECT') AS app_reads
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind = 'r'`,
        [APP_ROLE],
      ),
    );
    const tenantTables = rows.rows.filter((r) => r.has_tenant);
    expect(tenantTables.map((r) => r.relname).sort()).toEqual(expect.arrayContaining(['audit_log', 'wallboard_token']));
    for (const table of tenantTables) {
      expect({ table: table.relname, enabled: table.relrowsecurity, forced: table.relforcerowsecurity }).toEqual({
        table: table.relname,
        enabled: true,
        forced: true,
      });
    }
    // Identity tables without personal scope (agency, app_user) are the documented exceptions.
    const unprotected = rows.rows.filter((r) => r.app_reads && !r.relforcerowsecurity).map((r) => r.relname);
    expect(unprotected.sort()).toEqual(['agency', 'app_user']);
    // tenant_id leads every primary key and index of tenant tables (Citus can distribute by it).
    const indexes = await withClient(db.ownerUrl, (c) =>
      c.query<{ table: string; index: string; first: string }>(
        `SELECT t.relname AS table, i.relname AS index, a.attname AS first
           FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
           JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]
          WHERE t.relname = ANY($1)`,
        [tenantTables.map((t) => t.relname)],
      ),
    );
    expect(indexes.rows.length).toBeGreaterThan(0);
    indexes.rows.forEach((row) => expect(row).toEqual({ ...row, first: 'tenant_id' }));
  });

  it('the app role owns nothing, is not superuser and cannot bypass RLS', async () => {
    const role = await withClient(db.ownerUrl, (c) =>
      c.query(`SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = $1`, [APP_ROLE]),
    );
    expect(role.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false });
    const owned = await withClient(db.ownerUrl, (c) =>
      c.query(`SELECT c.relname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = $1`, [
        APP_ROLE,
      ]),
    );
    expect(owned.rows).toEqual([]);
  });

  it('fails closed: without a tenant scope reads return nothing and writes are refused', async () => {
    await withClient(db.appUrl, async (c) => {
      expect((await c.query('SELECT * FROM audit_log')).rows).toEqual([]);
      expect((await c.query('SELECT * FROM hotel')).rows).toEqual([]);
      expect((await c.query('SELECT * FROM hotel_membership')).rows).toEqual([]);
      expect((await c.query('SELECT * FROM api_key')).rows).toEqual([]);
      await expect(
        c.query(`INSERT INTO audit_log (tenant_id, actor_kind, action, entity_type) VALUES ($1, 'system', 'x', 'y')`, [
          world.hotelA.id,
        ]),
      ).rejects.toThrow(/row-level security/);
      // An emptied setting (what SET LOCAL leaves behind on a pooled connection) is still "no tenant".
      await c.query('BEGIN');
      await c.query(`SELECT set_config('app.tenant_ids', $1, true)`, [world.hotelA.id]);
      expect((await c.query('SELECT * FROM audit_log')).rows).toHaveLength(1);
      await c.query('COMMIT');
      expect((await c.query('SELECT * FROM audit_log')).rows).toEqual([]);
    });
  });

  it('a scope of hotel A cannot read or write hotel B, even by naming it', async () => {
    await withClient(db.appUrl, async (c) => {
      await c.query('BEGIN');
      await c.query(`SELECT set_config('app.tenant_ids', $1, true)`, [world.hotelA.id]);
      expect((await c.query('SELECT tenant_id FROM audit_log WHERE tenant_id = $1', [world.hotelB.id])).rows).toEqual(
        [],
      );
      await expect(
        c.query(`INSERT INTO audit_log (tenant_id, actor_kind, action, entity_type) VALUES ($1, 'system', 'x', 'y')`, [
          world.hotelB.id,
        ]),
      ).rejects.toThrow(/row-level security/);
      await c.query('ROLLBACK');
      await c.query('BEGIN');
      await c.query(`SELECT set_config('app.tenant_ids', $1, true)`, [world.hotelA.id]);
      const moved = await c.query(`UPDATE hotel SET name = 'hijacked' WHERE id = $1`, [world.hotelB.id]);
      expect(moved.rowCount).toBe(0);
      await c.query('ROLLBACK');
    });
  });

  it('keeps the audit log append-only for the app role', async () => {
    await withClient(db.appUrl, async (c) => {
      await c.query('BEGIN');
      await c.query(`SELECT set_config('app.tenant_ids', $1, true)`, [world.hotelA.id]);
      await expect(c.query(`UPDATE audit_log SET action = 'forged'`)).rejects.toThrow(/permission denied/);
      await c.query('ROLLBACK');
      await c.query('BEGIN');
      await c.query(`SELECT set_config('app.tenant_ids', $1, true)`, [world.hotelA.id]);
      await expect(c.query(`DELETE FROM audit_log`)).rejects.toThrow(/permission denied/);
      await c.query('ROLLBACK');
    });
  });

  it('never leaks a scope across pooled requests (pool of one connection, interleaved tenants)', async () => {
    const pool = new Pool({ connectionString: db.appUrl, max: 1 });
    try {
      const request = async (tenantId: string) => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          await client.query(`SELECT set_config('app.tenant_ids', $1, true)`, [tenantId]);
          const rows = (await client.query<{ tenant_id: string }>('SELECT tenant_id FROM audit_log')).rows;
          await client.query('COMMIT');
          return rows.map((r) => r.tenant_id);
        } finally {
          client.release();
        }
      };
      const unscoped = async () => (await pool.query('SELECT tenant_id FROM audit_log')).rows;
      const runs = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          i % 3 === 2 ? unscoped() : request(i % 2 ? world.hotelA.id : world.hotelB.id),
        ),
      );
      runs.forEach((rows, i) => {
        if (i % 3 === 2) {
          expect(rows).toEqual([]);
        } else {
          expect(rows).toEqual([i % 2 ? world.hotelA.id : world.hotelB.id]);
        }
      });
      expect(pool.totalCount).toBe(1);
    } finally {
      await pool.end();
    }
  });

  it('ignores a malformed scope instead of widening it', async () => {
    await withClient(db.appUrl, async (c) => {
      await c.query('BEGIN');
      await expect(
        c.query(`SELECT set_config('app.tenant_ids', $1, true)`, [`${randomUUID()}' OR true --`]),
      ).resolves.toBeDefined();
      await expect(c.query('SELECT * FROM audit_log')).rejects.toThrow(/invalid input syntax for type uuid/);
      await c.query('ROLLBACK');
    });
  });
});
