import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Test, TestingModule } from '@nestjs/testing';
import {
  Channel,
  HotelRole,
  MessageContentType,
  MessageDirection,
  TenantEvent,
  tenantChannel,
} from '@baton/shared/contracts';
import {
  CoreModule,
  DomainEvent,
  DomainEvents,
  DurableTimers,
  loadConfig,
  PubSubPort,
  RequestContext,
  TenantTransactions,
  TimerRunner,
} from '@baton/api/core';
import { CalendarsService } from '@baton/api/domain/calendars';
import {
  CaseEditingService,
  CaseIntakeService,
  CaseWorkflowService,
  InboundCaseMessage,
} from '@baton/api/domain/cases';
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
import { RaciService } from '@baton/api/domain/raci';
import { TicketsService } from '@baton/api/domain/tickets';
import { SlaLadder } from '../clocks/sla-ladder.service';
import { SlaPoliciesService } from '../policy/sla-policies.service';
import { SlaQueriesService } from '../queries/sla-queries.service';
import { SlaModule } from '../sla.module';

export const MINUTE = 60_000;

/** Mon–Fri 09:00–17:00 in Istanbul (UTC+3 all year): a 1-hour target on Friday 16:30 is due Monday 09:30. */
export const OFFICE_HOURS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));

/**
 * Medium tier: the SLA module with the real cases, calendars, RACI, tickets and notifications modules and the real
 * durable timers, in this process, on a database of its own (app role, forced RLS). Hotel A gets office hours, hotel B
 * none (24/7) and a supervisor. `opts.redisUrl` publishes over Redis, so a spawned API's subscribers hear this
 * process's events (the e2e tests).
 */
export class SlaHarness {
  db: TestDatabase;
  world: World;
  supervisorB: TestUser;
  module: TestingModule;
  transactions: TenantTransactions;
  intake: CaseIntakeService;
  workflow: CaseWorkflowService;
  editing: CaseEditingService;
  ladder: SlaLadder;
  policies: SlaPoliciesService;
  queries: SlaQueriesService;
  runner: TimerRunner;
  timers: DurableTimers;
  tickets: TicketsService;
  raci: RaciService;
  pubsub: PubSubPort;
  /** Every domain event drained in this process (sla.step and the cases' own). */
  readonly domainEvents: DomainEvent[] = [];
  private ownsDb = false;

  async start(opts: { db?: TestDatabase; world?: World; redisUrl?: string } = {}): Promise<void> {
    this.ownsDb = !opts.db;
    this.db = opts.db ?? (await createTestDatabase());
    this.world = opts.world ?? (await createWorld(this.db));
    this.supervisorB = await withClient(this.db.ownerUrl, async (c) => {
      const user = await createUser(c, { displayName: 'supervisor-b' });
      await addHotelRole(c, this.world.hotelB.id, user.id, HotelRole.Supervisor);
      return user;
    });
    const config = loadConfig({
      DATABASE_URL: this.db.ownerUrl,
      DATABASE_APP_PASSWORD: this.db.appPassword,
      JWT_SECRET: TEST_JWT_SECRET,
      BATON_SECRETS_KEY: TEST_SECRETS_KEY,
      LOG_LEVEL: 'silent',
      BATON_ROLE: 'api',
      ...(opts.redisUrl ? { REDIS_URL: opts.redisUrl } : {}),
    });
    this.module = await Test.createTestingModule({ imports: [CoreModule.forRoot(config), SlaModule] }).compile();
    this.module.useLogger(false);
    await this.module.init();
    const get = <T>(type: new (...args: never[]) => T): T => this.module.get(type, { strict: false });
    this.transactions = get(TenantTransactions);
    this.intake = get(CaseIntakeService);
    this.workflow = get(CaseWorkflowService);
    this.editing = get(CaseEditingService);
    this.ladder = get(SlaLadder);
    this.policies = get(SlaPoliciesService);
    this.queries = get(SlaQueriesService);
    this.runner = get(TimerRunner);
    this.timers = get(DurableTimers);
    this.tickets = get(TicketsService);
    this.raci = get(RaciService);
    this.pubsub = get(PubSubPort as never);
    get(DomainEvents).on('*', async (_ctx, event) => {
      this.domainEvents.push(event);
    });
    await this.run(this.world.hotelA.id, (ctx) =>
      get(CalendarsService).save(ctx, {
        hotelId: this.world.hotelA.id,
        name: 'Office',
        timeZone: 'Europe/Istanbul',
        weekly: OFFICE_HOURS,
        isDefault: true,
      }),
    );
  }

  async stop(): Promise<void> {
    await this.module?.close();
    if (this.ownsDb) {
      await this.db?.drop();
    }
  }

  run<T>(hotelId: string, work: (ctx: RequestContext) => Promise<T>): Promise<T> {
    return this.transactions.runAsSystem('sla-test', hotelId, work);
  }

  async owner<T>(sql: string, params: unknown[], hotelId: string): Promise<T[]> {
    return withClient(this.db.ownerUrl, async (c) => {
      await c.query(`SELECT set_config('app.tenant_ids', $1, false)`, [hotelId]);
      return (await c.query(sql, params)).rows as T[];
    });
  }

  /** A new guest writes (or the hotel writes first, with `direction: outbound`): returns the case id. */
  async newCase(hotelId: string, overrides: Partial<InboundCaseMessage> = {}): Promise<string> {
    const guestId = randomUUID();
    await this.owner(`INSERT INTO guest (tenant_id, id) VALUES ($1, $2)`, [hotelId, guestId], hotelId);
    const result = await this.run(hotelId, (ctx) =>
      this.intake.recordInbound(ctx, hotelId, this.message(guestId, overrides)),
    );
    return result.caseId;
  }

  /** A message of the guest (inbound by default). */
  message(guestId: string, overrides: Partial<InboundCaseMessage> = {}): InboundCaseMessage {
    return {
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
  }

  async guestOf(hotelId: string, caseId: string): Promise<string> {
    const [row] = await this.owner<{ guest_id: string }>(
      `SELECT guest_id FROM guest_case WHERE tenant_id = $1 AND id = $2`,
      [hotelId, caseId],
      hotelId,
    );
    return row.guest_id;
  }

  /** A further message on an existing case from its guest (or, with `direction: outbound`, from the hotel). */
  async write(hotelId: string, caseId: string, overrides: Partial<InboundCaseMessage> = {}): Promise<void> {
    const guestId = await this.guestOf(hotelId, caseId);
    await this.run(hotelId, (ctx) => this.intake.recordInbound(ctx, hotelId, this.message(guestId, overrides)));
  }

  clocks(hotelId: string, caseId: string, history = false) {
    return this.run(hotelId, (ctx) => this.queries.clocks(ctx, hotelId, 'case', caseId, history));
  }

  async clock(hotelId: string, caseId: string, metric: string) {
    const found = (await this.clocks(hotelId, caseId)).find((c) => c.metric === metric);
    if (!found) {
      throw new Error(`no ${metric} clock on case ${caseId}`);
    }
    return found;
  }

  /** Live `tenant:<hotel>:sla` payloads published from now on. */
  listen<T>(hotelId: string): { events: T[]; stop: () => void } {
    const iterator = this.pubsub.subscribe<T>(tenantChannel(hotelId, TenantEvent.Sla));
    const events: T[] = [];
    let stopped = false;
    void (async () => {
      while (!stopped) {
        const next = await iterator.next();
        if (next.done) {
          return;
        }
        events.push(next.value.data);
      }
    })();
    return {
      events,
      stop: () => {
        stopped = true;
        void iterator.return?.();
      },
    };
  }
}

export const settle = (ms = 100) => new Promise((resolve) => setTimeout(resolve, ms));
