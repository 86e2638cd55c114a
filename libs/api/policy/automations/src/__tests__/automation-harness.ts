import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { Channel, MessageContentType, TimerKind } from '@baton/shared/contracts';
import {
  CoreModule,
  DurableTimers,
  FiredTimer,
  loadConfig,
  RequestContext,
  TenantTransactions,
  TimerHandlers,
} from '@baton/api/core';
import { CalendarsModule } from '@baton/api/domain/calendars';
import {
  CaseEditingService,
  CaseIntakeService,
  CaseOutbox,
  CasesModule,
  InboundCaseMessage,
} from '@baton/api/domain/cases';
import { NotificationsModule } from '@baton/api/domain/notifications';
import { RaciModule } from '@baton/api/domain/raci';
import { TicketsModule } from '@baton/api/domain/tickets';
import {
  createTestDatabase,
  createWorld,
  TEST_JWT_SECRET,
  TEST_SECRETS_KEY,
  TestDatabase,
  withClient,
  World,
} from '@baton/api/testing';
import { AutomationsModule } from '../automations.module';
import { SaveAutomationRuleInput } from '../graphql/dto/save-automation-rule.input';
import { AutomationRulesService } from '../services/automation-rules.service';

/**
 * Medium tier: the automations library inside a real Nest context (the cases, tickets, notifications, RACI and
 * calendars modules it reacts to and acts through) on real Postgres as the app role. Changes go through the domain
 * services in TenantTransactions, so the domain events, the rules and their runs happen exactly as in the API.
 */
export class AutomationHarness {
  db: TestDatabase;
  world: World;
  app: INestApplicationContext;

  async start(): Promise<void> {
    this.db = await createTestDatabase();
    this.world = await createWorld(this.db);
    const config = loadConfig({
      DATABASE_URL: this.db.ownerUrl,
      DATABASE_APP_PASSWORD: this.db.appPassword,
      JWT_SECRET: TEST_JWT_SECRET,
      BATON_SECRETS_KEY: TEST_SECRETS_KEY,
      LOG_LEVEL: 'silent',
      BATON_ROLE: 'api',
    });
    const moduleRef = await Test.createTestingModule({
      imports: [
        CoreModule.forRoot(config),
        CasesModule,
        TicketsModule,
        NotificationsModule,
        RaciModule,
        CalendarsModule,
        AutomationsModule,
      ],
    }).compile();
    this.app = await moduleRef.init();
  }

  async stop(): Promise<void> {
    await this.app?.close();
    await this.db?.drop();
  }

  get hotelId(): string {
    return this.world.hotelA.id;
  }

  run<T>(work: (ctx: RequestContext) => Promise<T>, hotelId = this.hotelId): Promise<T> {
    return this.app.get(TenantTransactions).runAsSystem('automations-test', hotelId, work);
  }

  /** As a hotel admin (a user actor): what a manager saving a rule in the dashboard does. */
  saveRule(input: Omit<SaveAutomationRuleInput, 'hotelId'>, hotelId = this.hotelId) {
    return this.run(
      (ctx) => this.app.get(AutomationRulesService).save(ctx, { ...input, hotelId } as SaveAutomationRuleInput),
      hotelId,
    );
  }

  async owner<T>(sql: string, params: unknown[] = [], hotelId = this.hotelId): Promise<T[]> {
    return withClient(this.db.ownerUrl, async (c) => {
      await c.query(`SELECT set_config('app.tenant_ids', $1, false)`, [hotelId]);
      return (await c.query(sql, params)).rows as T[];
    });
  }

  async guest(hotelId = this.hotelId, name = 'Ayşe Yılmaz'): Promise<string> {
    const id = randomUUID();
    await this.owner(
      `INSERT INTO guest (tenant_id, id, display_name) VALUES ($1, $2, $3)`,
      [hotelId, id, name],
      hotelId,
    );
    await this.owner(
      `INSERT INTO guest_identity (tenant_id, guest_id, kind, value, origin_guest_id) VALUES ($1, $2, 'whatsapp', $3, $2)`,
      [hotelId, id, `+90532${Math.floor(Math.random() * 1e7)}`],
      hotelId,
    );
    return id;
  }

  /** A WhatsApp message from the guest, through the real intake (opens or continues the guest's case). */
  inbound(guestId: string, body: string, overrides: Partial<InboundCaseMessage> = {}, hotelId = this.hotelId) {
    const input: InboundCaseMessage = {
      guestId,
      guestMemberIds: [guestId],
      channel: Channel.WhatsApp,
      source: 'whatsapp',
      providerMessageId: `wamid.${randomUUID()}`,
      occurredAt: new Date(),
      contentType: MessageContentType.Text,
      body,
      guestName: 'Ayşe Yılmaz',
      contact: '+905321112233',
      requestText: body,
      ...overrides,
    };
    return this.run((ctx) => this.app.get(CaseIntakeService).recordInbound(ctx, hotelId, input), hotelId);
  }

  reply(caseId: string, body = 'Merhaba, yardımcı olalım') {
    return this.run((ctx) => this.app.get(CaseOutbox).reply(ctx, { hotelId: this.hotelId, caseId, body }));
  }

  updateCase(caseId: string, changes: { priority?: string; labels?: string[] }) {
    return this.run((ctx) =>
      this.app.get(CaseEditingService).update(ctx, { hotelId: this.hotelId, id: caseId, ...changes }),
    );
  }

  runs(ruleId?: string) {
    return this.owner<{
      rule_id: string;
      outcome: string;
      depth: number;
      event_type: string;
      actions: Array<{ type: string; status: string; detail: string | null }>;
      matched_keywords: string[];
      error: string | null;
    }>(
      `SELECT rule_id, outcome, depth, event_type, actions, matched_keywords, error FROM automation_run
        WHERE tenant_id = $1 AND ($2::uuid IS NULL OR rule_id = $2) ORDER BY occurred_at, id`,
      [this.hotelId, ruleId ?? null],
    );
  }

  timers(targetId: string) {
    return this.run((ctx) => this.app.get(DurableTimers).list(ctx, this.hotelId, targetId));
  }

  /** Fires a timer the way the worker does: its handler inside a tenant transaction as a system actor. */
  async fire(timer: { id: string; kind: string; targetId: string; key: string; dueAt: Date; version: number }) {
    const handler = this.app.get(TimerHandlers).get(timer.kind as TimerKind);
    if (!handler) {
      throw new Error(`no handler for ${timer.kind}`);
    }
    const fired: FiredTimer = {
      hotelId: this.hotelId,
      ...timer,
      payload: {},
      idempotencyKey: `timer:${timer.id}:${timer.version}`,
    };
    await this.run((ctx) => handler(ctx, fired));
  }
}

/** Disables every seeded playbook rule of the hotel, so a test sees only the rules it creates. */
export async function disableDefaults(h: AutomationHarness, hotelId = h.hotelId): Promise<void> {
  await h.run(async (ctx) => {
    const service = h.app.get(AutomationRulesService);
    for (const rule of await service.list(ctx, hotelId)) {
      if (rule.defaultKey) {
        await service.setEnabled(ctx, { hotelId, id: rule.id, enabled: false, expectedVersion: rule.version });
      }
    }
  }, hotelId);
}
