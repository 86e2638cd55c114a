import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Test, TestingModule } from '@nestjs/testing';
import { Channel, HotelRole, MessageContentType, MessageDirection, SlaMetric } from '@baton/shared/contracts';
import { CoreModule, loadConfig, RequestContext, TenantTransactions } from '@baton/api/core';
import { CaseIntakeService } from '@baton/api/domain/cases';
import { RaciService } from '@baton/api/domain/raci';
import { RoutingModule } from '@baton/api/policy/routing';
import { SlaModule, SlaPoliciesService } from '@baton/api/policy/sla';
import {
  addHotelRole,
  createTestDatabase,
  createUser,
  createWorld,
  TEST_JWT_SECRET,
  TEST_SECRETS_KEY,
  TestDatabase,
  TestUser,
  withClient,
  World,
} from '@baton/api/testing';

/**
 * Routing and SLA together, as the app wires them: routing assigns a new case in the Shape phase, so the SLA's T0
 * notice (React phase, same transaction) goes to the one owner routing chose, not to every Responsible.
 */
describe('RACI routing before the SLA ladder (medium)', () => {
  let db: TestDatabase;
  let world: World;
  let second: TestUser;
  let module: TestingModule;
  let transactions: TenantTransactions;

  const run = <T>(hotelId: string, work: (ctx: RequestContext) => Promise<T>) =>
    transactions.runAsSystem('routing-sla-test', hotelId, work);
  const owner = <T>(sql: string, params: unknown[], hotelId: string) =>
    withClient(db.ownerUrl, async (c) => {
      await c.query(`SELECT set_config('app.tenant_ids', $1, false)`, [hotelId]);
      return (await c.query(sql, params)).rows as T[];
    });

  beforeAll(async () => {
    db = await createTestDatabase();
    world = await createWorld(db);
    second = await withClient(db.ownerUrl, async (c) => {
      const user = await createUser(c, { displayName: 'agent-a2' });
      await addHotelRole(c, world.hotelA.id, user.id, HotelRole.Agent);
      return user;
    });
    const config = loadConfig({
      DATABASE_URL: db.ownerUrl,
      DATABASE_APP_PASSWORD: db.appPassword,
      JWT_SECRET: TEST_JWT_SECRET,
      BATON_SECRETS_KEY: TEST_SECRETS_KEY,
      LOG_LEVEL: 'silent',
      BATON_ROLE: 'api',
    });
    module = await Test.createTestingModule({
      imports: [CoreModule.forRoot(config), SlaModule, RoutingModule],
    }).compile();
    module.useLogger(false);
    await module.init();
    transactions = module.get(TenantTransactions);
  }, 120_000);
  afterAll(async () => {
    await module?.close();
    await db?.drop();
  });

  it('sends the T0 notice of a new DM to the agent routing assigned it to, and to nobody else', async () => {
    const hotelId = world.hotelA.id;
    await run(hotelId, (ctx) =>
      module.get(RaciService).save(ctx, {
        hotelId,
        version: 0,
        parties: [
          { key: 'smm', name: 'SMM', team: 'smm_agency', userIds: [world.users.agentA.id, second.id] },
          { key: 'gm', name: 'GM', roles: [HotelRole.Admin] },
        ],
        steps: [{ key: 'dm_intake', name: 'DM karşılama' }],
        cells: [
          { step: 'dm_intake', party: 'smm', role: 'R' },
          { step: 'dm_intake', party: 'gm', role: 'A' },
        ],
      } as never),
    );
    await run(hotelId, (ctx) =>
      module.get(SlaPoliciesService).save(ctx, {
        hotelId,
        name: 'DM',
        targets: [{ metric: SlaMetric.FirstResponse, minutes: 60, basis: 'calendar' }],
      } as never),
    );
    const guestId = randomUUID();
    await owner(`INSERT INTO guest (tenant_id, id) VALUES ($1, $2)`, [hotelId, guestId], hotelId);
    const { caseId } = await run(hotelId, (ctx) =>
      module.get(CaseIntakeService).recordInbound(ctx, hotelId, {
        guestId,
        guestMemberIds: [guestId],
        channel: Channel.Instagram,
        source: 'instagram',
        providerMessageId: `ig.${randomUUID()}`,
        occurredAt: new Date(),
        contentType: MessageContentType.Text,
        body: 'Merhaba, balayı paketiniz var mı?',
        guestName: 'Elif Demir',
        contact: 'elif.demir',
        requestText: 'Balayı paketi',
        direction: MessageDirection.Inbound,
      }),
    );
    const [kase] = await owner<{ owner_id: string }>(
      `SELECT owner_id FROM guest_case WHERE tenant_id = $1 AND id = $2`,
      [hotelId, caseId],
      hotelId,
    );
    expect([world.users.agentA.id, second.id]).toContain(kase.owner_id);
    const started = await owner<{ user_id: string }>(
      `SELECT user_id FROM notification WHERE tenant_id = $1 AND kind = 'sla.started' AND case_id = $2`,
      [hotelId, caseId],
      hotelId,
    );
    // One notice per clock the policy starts (first response, resolution): all of them to the owner.
    expect(started.length).toBeGreaterThan(0);
    expect([...new Set(started.map((n) => n.user_id))]).toEqual([kase.owner_id]);
  });
});
