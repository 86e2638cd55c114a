import { DataSource } from 'typeorm';
import {
  AuditLogEntity,
  AuditWriter,
  BatonConfig,
  BatonError,
  Mailer,
  MemoryPubSub,
  PubSubPort,
  RedisPubSub,
  RequestContext,
  SecretBox,
  TenantTransactions,
} from '@baton/api/core';
import { createTestDatabase, createWorld, TEST_SECRETS_KEY, TestDatabase, withClient, World } from '@baton/api/testing';
import { TenantEvent, tenantChannel } from '@baton/shared/contracts';
import { NOTIFICATIONS_ENTITIES } from '../entities';
import { DeliveryWorker } from '../jobs/delivery.worker';
import { DEFAULT_DELIVERY_OPTIONS, DeliveryOptions } from '../notifications.options';
import { Deliveries } from '../services/deliveries.service';
import { DeliveryKicks } from '../services/delivery-kicks';
import { DeliveryOutbox } from '../services/delivery-outbox';
import { DeliverySender } from '../services/delivery-sender';
import { Notifications, NotifyInput } from '../services/notifications.service';
import { Recipients } from '../services/recipients';
import type { DeliveryRow } from '../services/delivery-views';

/**
 * Medium tier: the notifications services on real Postgres as the app role (forced RLS), through TenantTransactions.
 * With `redisUrl` it publishes on the same Redis as a spawned API, so e2e tests can drive `notify` (no GraphQL mutation
 * exists for it: SLA steps and automations call it) and watch the API's subscription deliver it.
 */
export class NotificationsHarness {
  db: TestDatabase;
  world: World;
  dataSource: DataSource;
  pubsub: PubSubPort;
  transactions: TenantTransactions;
  readonly options: DeliveryOptions;
  readonly secrets = new SecretBox({ BATON_SECRETS_KEY: TEST_SECRETS_KEY } as BatonConfig);
  readonly audit = new AuditWriter();
  readonly kicks = new DeliveryKicks();
  readonly recipients = new Recipients();
  readonly outbox = new DeliveryOutbox();
  deliveries: Deliveries;
  notifications: Notifications;
  private ownsDb = false;

  constructor(options: Partial<DeliveryOptions> = {}) {
    this.options = { ...DEFAULT_DELIVERY_OPTIONS, ...options };
    this.deliveries = new Deliveries(this.options, this.secrets, this.audit, this.kicks);
    this.notifications = new Notifications(this.options, this.recipients, this.deliveries);
  }

  async start(existing?: { db: TestDatabase; world: World; redisUrl?: string }): Promise<void> {
    if (existing) {
      ({ db: this.db, world: this.world } = existing);
    } else {
      this.ownsDb = true;
      this.db = await createTestDatabase();
      this.world = await createWorld(this.db);
    }
    this.pubsub = existing?.redisUrl ? new RedisPubSub(existing.redisUrl) : new MemoryPubSub();
    this.dataSource = new DataSource({
      type: 'postgres',
      url: this.db.appUrl,
      entities: [...NOTIFICATIONS_ENTITIES, AuditLogEntity],
      synchronize: false,
      extra: { max: 10 },
    });
    await this.dataSource.initialize();
    this.transactions = new TenantTransactions(this.dataSource, this.pubsub);
  }

  async stop(): Promise<void> {
    await this.dataSource?.destroy();
    await this.pubsub?.close();
    if (this.ownsDb) {
      await this.db?.drop();
    }
  }

  get hotelA(): string {
    return this.world.hotelA.id;
  }

  get hotelB(): string {
    return this.world.hotelB.id;
  }

  run<T>(hotelId: string, work: (ctx: RequestContext) => Promise<T>): Promise<T> {
    return this.transactions.runAsSystem('notifications-test', hotelId, work);
  }

  notify(input: Partial<NotifyInput> & Pick<NotifyInput, 'userIds' | 'idempotencyKey'>): Promise<void> {
    const hotelId = input.hotelId ?? this.hotelA;
    return this.run(hotelId, (ctx) =>
      this.notifications.notify(ctx, {
        hotelId,
        kind: 'test.notice',
        title: 'SLA reminder',
        body: '30 minutes left',
        channels: [],
        ...input,
      }),
    );
  }

  /** A worker of its own (as a worker process would run it), sending through `mailer`. */
  worker(mailer: Partial<Mailer> = { configured: false }): DeliveryWorker {
    const sender = new DeliverySender(this.options, mailer as Mailer, this.secrets);
    return new DeliveryWorker(this.options, this.transactions, this.outbox, sender, new DeliveryKicks());
  }

  async owner<T>(sql: string, params: unknown[] = [], hotelIds = [this.hotelA, this.hotelB]): Promise<T[]> {
    return withClient(this.db.ownerUrl, async (c) => {
      await c.query(`SELECT set_config('app.tenant_ids', $1, false)`, [hotelIds.join(',')]);
      return (await c.query(sql, params)).rows as T[];
    });
  }

  async delivery(id: string): Promise<DeliveryRow> {
    const [row] = await this.owner<DeliveryRow>(`SELECT * FROM delivery WHERE id = $1`, [id]);
    return row;
  }

  /** Events published on a hotel's notifications channel from now on. */
  listen<T>(hotelId: string): { events: T[]; stop: () => void } {
    const iterator = this.pubsub.subscribe<T>(tenantChannel(hotelId, TenantEvent.Notifications));
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

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns something other than undefined. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > until) {
      throw new Error(`condition not met within ${timeoutMs} ms`);
    }
    await sleep(50);
  }
}
