import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  AuditLogEntity,
  AuditWriter,
  BatonError,
  MemoryPubSub,
  RequestContext,
  TenantTransactions,
  WorkSignals,
} from '@baton/api/core';
import { createHotel, createTestDatabase, TestDatabase, TestHotel, withClient } from '@baton/api/testing';
import { Channel, MessageContentType, TenantEvent, tenantChannel } from '@baton/shared/contracts';
import { CASES_ENTITIES } from '../entities';
import { CaseIntakeService } from '../services/case-intake.service';
import { CaseNumbers } from '../services/case-numbers';
import { CaseOutbox } from '../services/case-outbox.service';
import { CaseQueriesService } from '../services/case-queries.service';
import { Dictionaries } from '../services/dictionaries.service';
import { InboundCaseMessage } from '../services/inbound-case-message';

/**
 * Medium tier: the cases services on real Postgres as the app role (forced RLS), through TenantTransactions with the
 * in-memory pub/sub. Guests are inserted as the owner (the guests domain is not involved).
 */
export class CaseHarness {
  db: TestDatabase;
  dataSource: DataSource;
  pubsub = new MemoryPubSub();
  transactions: TenantTransactions;
  hotelA: TestHotel;
  hotelB: TestHotel;
  readonly audit = new AuditWriter();
  readonly numbers = new CaseNumbers();
  readonly dictionaries = new Dictionaries(this.audit);
  readonly intake = new CaseIntakeService(this.numbers, this.dictionaries, this.audit);
  readonly workSignals = new WorkSignals();
  readonly outbox = new CaseOutbox(this.audit, this.workSignals);
  readonly queries = new CaseQueriesService();

  private ownsDb = false;

  /** On a database of its own, or (e2e) next to a spawned API on its database and world. */
  async start(existing?: { db: TestDatabase; hotelA: TestHotel; hotelB: TestHotel }): Promise<void> {
    if (existing) {
      ({ db: this.db, hotelA: this.hotelA, hotelB: this.hotelB } = existing);
    } else {
      this.ownsDb = true;
      this.db = await createTestDatabase();
      ({ hotelA: this.hotelA, hotelB: this.hotelB } = await withClient(this.db.ownerUrl, async (c) => ({
        hotelA: await createHotel(c, { code: 'BLK', name: 'Hotel Alpha', timeZone: 'Europe/Istanbul' }),
        hotelB: await createHotel(c, { code: 'BTA', name: 'Hotel Beta', timeZone: 'America/New_York' }),
      })));
    }
    this.dataSource = new DataSource({
      type: 'postgres',
      url: this.db.appUrl,
      entities: [...CASES_ENTITIES, AuditLogEntity],
      synchronize: false,
      extra: { max: 20 },
    });
    await this.dataSource.initialize();
    this.transactions = new TenantTransactions(this.dataSource, this.pubsub);
  }

  async stop(): Promise<void> {
    await this.dataSource?.destroy();
    if (this.ownsDb) {
      await this.db?.drop();
    }
  }

  run<T>(hotelId: string, work: (ctx: RequestContext) => Promise<T>): Promise<T> {
    return this.transactions.runAsSystem('cases-test', hotelId, work);
  }

  async owner<T>(sql: string, params: unknown[] = [], hotelId = this.hotelA.id): Promise<T[]> {
    return withClient(this.db.ownerUrl, async (c) => {
      await c.query(`SELECT set_config('app.tenant_ids', $1, false)`, [hotelId]);
      return (await c.query(sql, params)).rows as T[];
    });
  }

  async guest(hotelId = this.hotelA.id, displayName: string | null = null): Promise<string> {
    const id = randomUUID();
    await this.owner(
      `INSERT INTO guest (tenant_id, id, display_name) VALUES ($1, $2, $3)`,
      [hotelId, id, displayName],
      hotelId,
    );
    return id;
  }

  message(guestId: string, overrides: Partial<InboundCaseMessage> = {}): InboundCaseMessage {
    return {
      guestId,
      guestMemberIds: [guestId],
      channel: Channel.WhatsApp,
      source: 'whatsapp',
      providerMessageId: `wamid.${randomUUID()}`,
      occurredAt: new Date(),
      contentType: MessageContentType.Text,
      body: 'Merhaba',
      ...overrides,
    };
  }

  record(hotelId: string, input: InboundCaseMessage) {
    return this.run(hotelId, (ctx) => this.intake.recordInbound(ctx, hotelId, input));
  }

  /** Events published on a hotel's channel from now on. */
  listen<T>(hotelId: string, event: TenantEvent): { events: T[]; stop: () => void } {
    const iterator = this.pubsub.subscribe<T>(tenantChannel(hotelId, event));
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

export const tick = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));
