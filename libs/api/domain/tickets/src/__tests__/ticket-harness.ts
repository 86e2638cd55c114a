import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  AuditLogEntity,
  AuditWriter,
  BatonError,
  DomainEvent,
  DomainEvents,
  DurableTimers,
  FiredTimer,
  MemoryPubSub,
  RequestContext,
  TenantTransactions,
  TimerHandlers,
  TimerSpec,
} from '@baton/api/core';
import { createTestDatabase, createWorld, TestDatabase, withClient, World } from '@baton/api/testing';
import { ActorKind, HotelRole, Permission, ROLE_PERMISSIONS, TimerKind } from '@baton/shared/contracts';
import { TICKETS_ENTITIES } from '../entities';
import { TicketCategories } from '../services/ticket-categories.service';
import { TicketNumbers } from '../services/ticket-numbers';
import { TicketQueriesService } from '../services/ticket-queries.service';
import { TicketRecord } from '../services/ticket-record';
import { TicketReferences } from '../services/ticket-references';
import { TicketWorkflowService } from '../services/ticket-workflow.service';
import { CreateTicket, TicketsService } from '../services/tickets.service';

/** Records what the services ask of the timers (the timers library is exercised by its own tests and the e2e tier). */
export class RecordingTimers extends DurableTimers {
  readonly scheduled: TimerSpec[] = [];
  readonly cancelled: Array<{ hotelId: string; kind: string; targetId: string; key?: string }> = [];

  override async schedule(_ctx: RequestContext, spec: TimerSpec): Promise<void> {
    this.scheduled.push(spec);
  }

  override async cancel(_ctx: RequestContext, hotelId: string, kind: string, targetId: string, key?: string) {
    this.cancelled.push({ hotelId, kind, targetId, key });
    return 1;
  }

  reset(): void {
    this.scheduled.length = 0;
    this.cancelled.length = 0;
  }
}

/**
 * Medium tier: the tickets services on real Postgres as the app role (forced RLS), through TenantTransactions with the
 * in-memory pub/sub and an in-transaction domain-event recorder.
 */
export class TicketHarness {
  db: TestDatabase;
  world: World;
  dataSource: DataSource;
  transactions: TenantTransactions;
  readonly pubsub = new MemoryPubSub();
  readonly domainEvents = new DomainEvents();
  /** Every domain event of every committed (or rolled back) transaction, in order. */
  readonly emitted: DomainEvent[] = [];
  readonly timers = new RecordingTimers();
  readonly timerHandlers = new TimerHandlers();
  readonly audit = new AuditWriter();
  readonly categories = new TicketCategories();
  readonly references = new TicketReferences();
  readonly workflow = new TicketWorkflowService(this.audit, this.timers, this.timerHandlers);
  readonly tickets = new TicketsService(
    this.audit,
    new TicketNumbers(),
    this.categories,
    this.references,
    this.workflow,
  );
  readonly queries = new TicketQueriesService();

  async start(): Promise<void> {
    this.db = await createTestDatabase();
    this.world = await createWorld(this.db);
    this.dataSource = new DataSource({
      type: 'postgres',
      url: this.db.appUrl,
      entities: [...TICKETS_ENTITIES, AuditLogEntity],
      synchronize: false,
      extra: { max: 20 },
    });
    await this.dataSource.initialize();
    this.domainEvents.on('*', async (_ctx, event) => {
      this.emitted.push(event);
    });
    this.transactions = new TenantTransactions(this.dataSource, this.pubsub, this.domainEvents);
    this.workflow.onModuleInit();
  }

  async stop(): Promise<void> {
    await this.dataSource?.destroy();
    await this.db?.drop();
  }

  get hotelA(): string {
    return this.world.hotelA.id;
  }

  get hotelB(): string {
    return this.world.hotelB.id;
  }

  /** As the system actor (an automation, a worker job). */
  run<T>(hotelId: string, work: (ctx: RequestContext) => Promise<T>): Promise<T> {
    return this.transactions.runAsSystem('tickets-test', hotelId, work);
  }

  /** As hotel A's agent (a person: first responses, note authors). */
  asAgent<T>(work: (ctx: RequestContext) => Promise<T>, hotelId = this.hotelA): Promise<T> {
    const { agentA } = this.world.users;
    const ctx = RequestContext.for({
      principal: { kind: ActorKind.User, userId: agentA.id, email: agentA.email, displayName: agentA.displayName },
      grants: new Map([[this.hotelA, new Set<Permission>(ROLE_PERMISSIONS[HotelRole.Agent])]]),
    });
    return this.transactions.run(ctx, [hotelId], work);
  }

  create(overrides: Partial<CreateTicket> = {}, hotelId = this.hotelA): Promise<TicketRecord> {
    return this.run(hotelId, (ctx) =>
      this.tickets.create(ctx, { hotelId, title: 'Klima çalışmıyor', description: 'Oda 412', ...overrides }),
    );
  }

  move(hotelId: string, id: string, status: string, note?: string): Promise<TicketRecord> {
    return this.run(hotelId, (ctx) => this.tickets.changeStatus(ctx, { hotelId, id, status, note }));
  }

  /** What the timer runner would hand the handler for the ticket's current closure timer. */
  firedClosure(ticket: TicketRecord, dueAt = ticket.confirmationDueAt ?? new Date()): FiredTimer {
    return {
      hotelId: ticket.hotelId,
      id: randomUUID(),
      kind: TimerKind.TicketClosure,
      targetId: ticket.id,
      key: 'closure',
      dueAt,
      version: 1,
      payload: {},
      idempotencyKey: randomUUID(),
    };
  }

  /** The registered TicketClosure handler, run like the worker runs it: in a system transaction of the hotel. */
  fire(timer: FiredTimer): Promise<void> {
    const handler = this.timerHandlers.get(TimerKind.TicketClosure);
    if (!handler) {
      throw new Error('no TicketClosure handler registered');
    }
    return this.run(timer.hotelId, (ctx) => handler(ctx, timer));
  }

  async owner<T>(sql: string, params: unknown[] = [], hotelId = this.hotelA): Promise<T[]> {
    return withClient(this.db.ownerUrl, async (c) => {
      await c.query(`SELECT set_config('app.tenant_ids', $1, false)`, [hotelId]);
      return (await c.query(sql, params)).rows as T[];
    });
  }

  /** A case of the hotel, written as the owner (the cases domain is not involved). */
  async insertCase(hotelId = this.hotelA): Promise<string> {
    const [guest] = await this.owner<{ id: string }>(
      `INSERT INTO guest (tenant_id, display_name) VALUES ($1, 'Misafir') RETURNING id`,
      [hotelId],
      hotelId,
    );
    const [row] = await this.owner<{ id: string }>(
      `INSERT INTO guest_case (tenant_id, number, guest_id, source, channel)
       VALUES ($1, $2, $3, 'whatsapp', 'whatsapp') RETURNING id`,
      [hotelId, `C-${randomUUID().slice(0, 8)}`, guest.id],
      hotelId,
    );
    return row.id;
  }
}

export async function errorOf(promise: Promise<unknown>): Promise<BatonError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BatonError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a BatonError');
}

/** The client-visible part of an error: code, message and details. */
export const view = (error: BatonError) => ({ code: error.code, message: error.message, details: error.details });
