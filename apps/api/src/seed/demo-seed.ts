import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { hashPassword, randomSecret, sha256 } from '@baton/api/core';
import { AuditAction } from '@baton/shared/contracts';
import { DEMO_AGENCY, DEMO_AGENCY_USER, DEMO_HOTELS, DEMO_PASSWORD, demoEmail } from './demo-data';
import { seedTraffic, TrafficHotel } from './traffic-seed';
import { seedWorkflows } from './workflow-seed';

const DAY = 86_400_000;

interface AuditRow {
  tenantId: string;
  at: Date;
  actor: { id: string; name: string } | null;
  action: AuditAction;
  entityType: string;
  entityId: string;
  before?: object;
  after?: object;
}

/** Office-hours timestamp `daysAgo` days back, at `hour`:`minute` Istanbul time (UTC+3, no DST). */
function at(now: number, daysAgo: number, hour: number, minute: number): Date {
  const d = new Date(now - daysAgo * DAY);
  d.setUTCHours(hour - 3, minute, 0, 0);
  return d;
}

/**
 * Seeds the demo when the database has no hotel yet (idempotent across restarts). Runs as the owner, inside one
 * transaction that sets the same RLS scope the app uses, so it also works when the owner is not a superuser.
 * The 30-day history is the audit trail of the hotels being set up: staff joining, settings, wallboards, API keys, and
 * the guest traffic of those 30 days (traffic-seed.ts). `secretsKey` (BATON_SECRETS_KEY) seals the demo channel secrets.
 */
export async function seedDemo(ownerUrl: string, now = Date.now(), secretsKey?: string): Promise<boolean> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const hotelIds = DEMO_HOTELS.map(() => randomUUID());
    await client.query(`SELECT set_config('app.tenant_ids', $1, true)`, [hotelIds.join(',')]);
    // app_user has no row-level security, so this sees every account whatever the owner's privileges.
    const existing = await client.query('SELECT 1 FROM app_user LIMIT 1');
    if (existing.rowCount) {
      await client.query('ROLLBACK');
      return false;
    }
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const agencyId = randomUUID();
    await client.query('INSERT INTO agency (id, name, slug) VALUES ($1, $2, $3)', [
      agencyId,
      DEMO_AGENCY.name,
      DEMO_AGENCY.slug,
    ]);
    const agencyUserId = randomUUID();
    await client.query(
      `INSERT INTO app_user (id, email, password_hash, display_name, locale) VALUES ($1, $2, $3, $4, 'tr')`,
      [agencyUserId, DEMO_AGENCY_USER.email, passwordHash, DEMO_AGENCY_USER.name],
    );
    await client.query(`SELECT set_config('app.identity_user_id', $1, true)`, [agencyUserId]);
    await client.query(`INSERT INTO agency_membership (agency_id, user_id, role) VALUES ($1, $2, 'agency_admin')`, [
      agencyId,
      agencyUserId,
    ]);
    const agencyActor = { id: agencyUserId, name: DEMO_AGENCY_USER.name };
    const audit: AuditRow[] = [];
    const trafficHotels: TrafficHotel[] = [];

    for (const [index, hotel] of DEMO_HOTELS.entries()) {
      const hotelId = hotelIds[index];
      await client.query(
        `INSERT INTO hotel (id, agency_id, name, slug, code, time_zone, locale, currency, created_at)
         VALUES ($1, $2, $3, $4, $5, 'Europe/Istanbul', 'tr', $6, $7)`,
        [hotelId, agencyId, hotel.name, hotel.slug, hotel.code, hotel.currency, at(now, 31, 9, 0)],
      );
      audit.push({
        tenantId: hotelId,
        at: at(now, 30, 9, 5),
        actor: agencyActor,
        action: AuditAction.HotelCreated,
        entityType: 'hotel',
        entityId: hotelId,
        after: { name: hotel.name, code: hotel.code },
      });
      const staff: Partial<TrafficHotel['staff']> = {};
      for (const [n, member] of hotel.staff.entries()) {
        const userId = randomUUID();
        staff[member.role] = { id: userId, name: member.name };
        await client.query(
          `INSERT INTO app_user (id, email, password_hash, display_name, locale) VALUES ($1, $2, $3, $4, 'tr')`,
          [userId, demoEmail(member.role, hotel.code), passwordHash, member.name],
        );
        await client.query(
          `INSERT INTO hotel_membership (hotel_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)`,
          [hotelId, userId, member.role, at(now, 30 - n, 10, 15 + n * 7)],
        );
        audit.push({
          tenantId: hotelId,
          at: at(now, 30 - n, 10, 15 + n * 7),
          actor: agencyActor,
          action: AuditAction.MembershipAdded,
          entityType: 'membership',
          entityId: userId,
          after: { email: demoEmail(member.role, hotel.code), role: member.role },
        });
      }
      trafficHotels.push({ ...hotel, id: hotelId, staff: staff as TrafficHotel['staff'] });
      audit.push({
        tenantId: hotelId,
        at: at(now, 26, 14, 40),
        actor: agencyActor,
        action: AuditAction.HotelSettingsUpdated,
        entityType: 'hotel',
        entityId: hotelId,
        before: { locale: 'en' },
        after: { locale: 'tr' },
      });
      const boardId = randomUUID();
      await client.query(
        `INSERT INTO wallboard_token (tenant_id, id, name, board, secret_hash, created_by, created_at) VALUES ($1, $2, $3, 'activity', $4, $5, $6)`,
        [hotelId, boardId, 'Çağrı merkezi TV', sha256(randomSecret()), agencyUserId, at(now, 21, 11, 30)],
      );
      audit.push({
        tenantId: hotelId,
        at: at(now, 21, 11, 30),
        actor: agencyActor,
        action: AuditAction.WallboardTokenCreated,
        entityType: 'wallboard_token',
        entityId: boardId,
        after: { name: 'Çağrı merkezi TV', board: 'activity' },
      });
      if (index === 0) {
        const keyId = randomUUID();
        await client.query(
          `INSERT INTO api_key (id, agency_id, hotel_ids, name, secret_hash, scopes, created_by, created_at) VALUES ($1, $2, $3, $4, $5, '{read}', $6, $7)`,
          [keyId, agencyId, [hotelId], 'PMS raporlama', sha256(randomSecret()), agencyUserId, at(now, 12, 16, 5)],
        );
        audit.push({
          tenantId: hotelId,
          at: at(now, 12, 16, 5),
          actor: agencyActor,
          action: AuditAction.ApiKeyCreated,
          entityType: 'api_key',
          entityId: keyId,
          after: { name: 'PMS raporlama', scopes: ['read'] },
        });
      }
      audit.push({
        tenantId: hotelId,
        at: at(now, 3, 9, 45),
        actor: agencyActor,
        action: AuditAction.HotelSettingsUpdated,
        entityType: 'hotel',
        entityId: hotelId,
        // The season's price list moved to the hotel's selling currency.
        before: { currency: hotel.currency === 'EUR' ? 'TRY' : 'EUR' },
        after: { currency: hotel.currency },
      });
    }

    for (const row of audit) {
      await client.query(
        `INSERT INTO audit_log (tenant_id, occurred_at, actor_kind, actor_id, actor_name, action, entity_type, entity_id, before, after, request_id)
         VALUES ($1, $2, 'user', $3, $4, $5, $6, $7, $8, $9, 'seed')`,
        [
          row.tenantId,
          row.at,
          row.actor?.id ?? null,
          row.actor?.name ?? null,
          row.action,
          row.entityType,
          row.entityId,
          row.before ?? null,
          row.after ?? null,
        ],
      );
    }
    await seedTraffic(client, trafficHotels, { now, secretsKey, setupBy: agencyActor });
    await seedWorkflows(
      client,
      trafficHotels.map((hotel) => ({ id: hotel.id, code: hotel.code, timeZone: 'Europe/Istanbul' })),
      now,
    );
    await client.query('COMMIT');
    return true;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
