import { randomUUID } from 'node:crypto';
import { ErrorCode, RaciRole } from '@baton/shared/contracts';
import { withClient } from '@baton/api/testing';
import type { SaveRaciTemplateInput } from '../dto/save-raci-template.input';
import { errorOf, RaciHarness } from './raci-harness';

/** Agency templates on real Postgres as the app role: the row policy itself keeps writes to the agency's staff. */
describe('RACI agency templates (medium: real Postgres, app role)', () => {
  const t = new RaciHarness();
  let hotelA: string;
  let hotelB: string;

  const template = (version: number): SaveRaciTemplateInput => ({
    agencyId: t.world.agencyId,
    version,
    parties: [
      { key: 'smm_agency', name: 'SMM', team: 'smm_agency', userIds: [t.world.users.agencyAdmin.id] },
      { key: 'gm', name: 'GM', roles: ['gm'] },
    ],
    steps: [{ key: 'dm_intake', name: 'DM' }],
    cells: [
      { step: 'dm_intake', party: 'smm_agency', role: RaciRole.Responsible },
      { step: 'dm_intake', party: 'gm', role: RaciRole.Accountable },
    ],
  });

  beforeAll(async () => {
    await t.start();
    hotelA = t.world.hotelA.id;
    hotelB = t.world.hotelB.id;
  });
  afterAll(() => t.stop());

  it('refuses a template write by a non-member identity at the database, even past the service', async () => {
    const doc = JSON.stringify({ parties: [], steps: [], cells: [] });
    const insert = (identity: string) =>
      withClient(t.db.appUrl, async (c) => {
        await c.query('BEGIN');
        await c.query(`SELECT set_config('app.tenant_ids', $1, true), set_config('app.identity_user_id', $2, true)`, [
          hotelA,
          identity,
        ]);
        try {
          await c.query(`INSERT INTO raci_template (agency_id, document, version) VALUES ($1, $2, 1)`, [
            t.world.agencyId,
            doc,
          ]);
        } finally {
          await c.query('ROLLBACK');
        }
      });
    await expect(insert(t.world.users.adminA.id)).rejects.toThrow(/row-level security/);
    await expect(insert(t.world.users.agencyAdmin.id)).resolves.toBeUndefined();
  });

  it('saves as agency staff, is readable from an agency hotel only, and rejects stale versions', async () => {
    const saved = await t.asUser(t.world.users.agencyAdmin, [hotelA], (ctx) => t.templates.save(ctx, template(0)));
    expect(saved).toMatchObject({ agencyId: t.world.agencyId, version: 1 });
    expect(saved.parties[0].members).toEqual([{ userId: t.world.users.agencyAdmin.id, displayName: 'agency-admin' }]);
    const stale = await errorOf(
      t.asUser(t.world.users.agencyAdmin, [hotelA], (ctx) => t.templates.save(ctx, template(0))),
    );
    expect({ code: stale.code, details: stale.details }).toEqual({
      code: ErrorCode.StaleVersion,
      details: { currentVersion: 1 },
    });
    const notStaff = await errorOf(
      t.asUser(t.world.users.adminA, [hotelA], (ctx) => t.templates.save(ctx, template(1))),
    );
    expect(notStaff.code).toBe(ErrorCode.Forbidden);
    // Hotel B is not in the agency: its scope sees no such agency, like a random id.
    for (const agencyId of [t.world.agencyId, randomUUID()]) {
      const hidden = await errorOf(
        t.asUser(t.world.users.adminB, [hotelB], (ctx) => t.templates.template(ctx, agencyId)),
      );
      expect({ code: hidden.code, message: hidden.message }).toEqual({
        code: ErrorCode.NotFound,
        message: 'Agency not found',
      });
    }
    const rows = await t.system([hotelB], (ctx) => ctx.tx.query(`SELECT agency_id FROM raci_template`));
    expect(rows).toEqual([]);
  });

  it('a template with a user who does not exist is BAD_USER_INPUT; a broken one RACI_INVALID', async () => {
    const ghost = template(1);
    ghost.parties[1].userIds = [randomUUID()];
    const unknown = await errorOf(t.asUser(t.world.users.agencyAdmin, [hotelA], (ctx) => t.templates.save(ctx, ghost)));
    expect(unknown).toMatchObject({
      code: ErrorCode.BadUserInput,
      details: { reason: 'unknown_user', field: 'parties.1.userIds' },
    });
    const broken = { ...template(1), cells: [] };
    const invalid = await errorOf(
      t.asUser(t.world.users.agencyAdmin, [hotelA], (ctx) => t.templates.save(ctx, broken)),
    );
    expect(invalid.code).toBe(ErrorCode.RaciInvalid);
  });
});
