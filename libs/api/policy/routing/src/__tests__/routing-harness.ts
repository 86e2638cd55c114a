import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Test, TestingModule } from '@nestjs/testing';
import { Channel, HotelRole, MessageContentType, MessageDirection } from '@baton/shared/contracts';
import {
  CoreModule,
  DurableTimers,
  loadConfig,
  RequestContext,
  TenantTransactions,
  TimerRunner,
} from '@baton/api/core';
import { CaseIntakeService, CaseWorkflowService, InboundCaseMessage } from '@baton/api/domain/cases';
import { RaciService } from '@baton/api/domain/raci';
import { TicketsService } from '@baton/api/domain/tickets';
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
import { RaciDigests } from '../digest/raci-digests';
import { RoutingModule } from '../routing.module';

/**
 * Medium tier: the routing module with the real cases, tickets, RACI and notifications modules and durable timers,
 * in this process, on a database of its own (app role, forced RLS). Hotel A gets a second agent, so R has two people.
 */
export class RoutingHarness {
  db: TestDatabase;
  world: World;
  agentA2: TestUser;
  module: TestingModule;
  transactions: TenantTransactions;
  intake: CaseIntakeService;
  workflow: CaseWorkflowService;
  tickets: TicketsService;
  raci: RaciService;
  digests: RaciDigests;
  timers: DurableTimers;
  runner: TimerRunner;

  async start(): Promise<void> {
    this.db = await createTestDatabase();
    this.world = await createWorld(this.db);
    this.agentA2 = await withClient(this.db.ownerUrl, async (c) => {
      const user = await createUser(c, { displayName: 'agent-a2' });
      await addHotelRole(c, this.world.hotelA.id, user.id, HotelRole.Agent);
      return user;
    });
    const config = loadConfig({
      DATABASE_URL: this.db.ownerUrl,
      DATABASE_APP_PASSWORD: this.db.appPassword,
      JWT_SECRET: TEST_JWT_SECRET,
      BATON_SECRETS_KEY: TEST_SECRETS_KEY,
      LOG_LEVEL: 'silent',
      BATON_ROLE: 'api',
    });
    this.module = await Test.createTestingModule({ imports: [CoreModule.forRoot(config), RoutingModule] }).compile();
    this.module.useLogger(false);
    await this.module.init();
    const get = <T>(type: new (...args: never[]) => T): T => this.module.get(type, { strict: false });
    this.transactions = get(TenantTransactions);
    this.intake = get(CaseIntakeService);
    this.workflow = get(CaseWorkflowService);
    this.tickets = get(TicketsService);
    this.raci = get(RaciService);
    this.digests = get(RaciDigests);
    this.timers = get(DurableTimers);
    this.runner = get(TimerRunner);
  }

  async stop(): Promise<void> {
    await this.module?.close();
    await this.db?.drop();
  }

  run<T>(hotelId: string, work: (ctx: RequestContext) => Promise<T>): Promise<T> {
    return this.transactions.runAsSystem('routing-test', hotelId, work);
  }

  async owner<T>(sql: string, params: unknown[], hotelId: string): Promise<T[]> {
    return withClient(this.db.ownerUrl, async (c) => {
      await c.query(`SELECT set_config('app.tenant_ids', $1, false)`, [hotelId]);
      return (await c.query(sql, params)).rows as T[];
    });
  }

  /** A new guest writes on `channel`: returns the case id. */
  async newCase(hotelId: string, overrides: Partial<InboundCaseMessage> = {}): Promise<string> {
    const guestId = randomUUID();
    await this.owner(`INSERT INTO guest (tenant_id, id) VALUES ($1, $2)`, [hotelId, guestId], hotelId);
    const message: InboundCaseMessage = {
      guestId,
      guestMemberIds: [guestId],
      channel: Channel.WhatsApp,
      source: 'whatsapp',
      providerMessageId: `wamid.${randomUUID()}`,
      occurredAt: new Date(),
      contentType: MessageContentType.Text,
      body: 'Merhaba, oda müsait mi?',
      guestName: 'Ayşe Yılmaz',
      contact: '+905321112233',
      requestText: 'Oda müsait mi?',
      direction: MessageDirection.Inbound,
      ...overrides,
    };
    return (await this.run(hotelId, (ctx) => this.intake.recordInbound(ctx, hotelId, message))).caseId;
  }

  async caseRow(hotelId: string, caseId: string) {
    const [row] = await this.owner<{ owner_id: string | null; team: string | null; status: string }>(
      `SELECT owner_id, team, status FROM guest_case WHERE tenant_id = $1 AND id = $2`,
      [hotelId, caseId],
      hotelId,
    );
    return row;
  }

  /** In-app notifications of a kind: who got them and what they say. */
  notifications(hotelId: string, kind: string) {
    return this.owner<{
      user_id: string;
      title: string;
      body: string;
      case_id: string | null;
      ticket_id: string | null;
    }>(
      `SELECT user_id, title, body, case_id, ticket_id FROM notification
        WHERE tenant_id = $1 AND kind = $2 ORDER BY created_at, user_id`,
      [hotelId, kind],
      hotelId,
    );
  }
}
