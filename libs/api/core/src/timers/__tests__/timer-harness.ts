import { DataSource } from 'typeorm';
import { createHotel, createTestDatabase, TestDatabase, TestHotel, withClient } from '@baton/api/testing';
import { BatonConfig } from '../../config/baton-config';
import { RequestContext } from '../../context/request-context';
import { TenantTransactions } from '../../db/tenant-transactions';
import { DomainEvents } from '../../events/domain-events';
import { Metrics } from '../../observability/metrics';
import { MemoryPubSub } from '../../pubsub/memory.pubsub';
import { DurableTimers, TimerHandlers, TimerSpec } from '../durable-timers';
import { TimerBatches } from '../timer-batch';
import { TimerRunner } from '../timer-runner';
import { TimerWakeups } from '../timer-wakeups';

export interface TimerDbRow {
  id: string;
  tenant_id: string;
  kind: string;
  target_id: string;
  key: string;
  due_at: Date;
  run_at: Date;
  version: number;
  attempts: number;
  last_error: string | null;
  dead_at: Date | null;
}

export interface FiringRow {
  tenant_id: string;
  target_id: string;
  kind: string;
  key: string;
  timer_id: string;
  version: number;
  due_at: Date;
  fired_at: Date;
  attempts: number;
  fired_by: string;
}

/**
 * Medium tier: durable timers on real Postgres as the app role (forced RLS), wired by hand like Nest would: one
 * TenantTransactions, DomainEvents, TimerHandlers and Metrics shared by every runner built here.
 */
export class TimerHarness {
  db!: TestDatabase;
  dataSource!: DataSource;
  transactions!: TenantTransactions;
  hotelA!: TestHotel;
  hotelB!: TestHotel;
  readonly domainEvents = new DomainEvents();
  readonly handlers = new TimerHandlers();
  readonly wakeups = new TimerWakeups();
  readonly metrics = new Metrics();
  readonly timers = new DurableTimers(this.wakeups);

  async start(): Promise<void> {
    this.db = await createTestDatabase();
    ({ hotelA: this.hotelA, hotelB: this.hotelB } = await withClient(this.db.ownerUrl, async (c) => ({
      hotelA: await createHotel(c),
      hotelB: await createHotel(c),
    })));
    this.dataSource = new DataSource({ type: 'postgres', url: this.db.appUrl, extra: { max: 12 } });
    await this.dataSource.initialize();
    this.transactions = new TenantTransactions(this.dataSource, new MemoryPubSub(), this.domainEvents);
  }

  async stop(): Promise<void> {
    await this.dataSource?.destroy();
    await this.db?.drop();
  }

  config(overrides: Partial<BatonConfig> = {}): BatonConfig {
    return Object.assign(new BatonConfig(), { TIMER_BATCH_SIZE: 100, TIMER_LANES: 2, ...overrides });
  }

  runner(overrides: Partial<BatonConfig> = {}): TimerRunner {
    const config = this.config(overrides);
    const batches = new TimerBatches(config, this.transactions, this.handlers, this.domainEvents, this.metrics);
    return new TimerRunner(config, this.dataSource, batches, this.wakeups, this.metrics);
  }

  run<T>(hotelId: string, work: (ctx: RequestContext) => Promise<T>): Promise<T> {
    return this.transactions.runAsSystem('timers-test', hotelId, work);
  }

  schedule(spec: Omit<TimerSpec, 'key'> & { key?: string }): Promise<void> {
    return this.run(spec.hotelId, (ctx) => this.timers.schedule(ctx, { key: '', ...spec }));
  }

  /** Owner connection (bypasses RLS): to inspect rows or move time forward. */
  async owner<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return withClient(this.db.ownerUrl, async (c) => (await c.query(sql, params)).rows as T[]);
  }

  /** The timer's row while it is pending or dead (a fired version leaves durable_timer). */
  timer(hotelId: string, targetId: string, key = ''): Promise<TimerDbRow | undefined> {
    return this.owner<TimerDbRow>(`SELECT * FROM durable_timer WHERE tenant_id = $1 AND target_id = $2 AND key = $3`, [
      hotelId,
      targetId,
      key,
    ]).then((rows) => rows[0]);
  }

  /** Firing records, of one target when given. */
  firings(targetId?: string): Promise<FiringRow[]> {
    return this.owner<FiringRow>(
      `SELECT * FROM durable_timer_firing WHERE $1::text IS NULL OR target_id = $1 ORDER BY fired_at, key, version`,
      [targetId ?? null],
    );
  }

  /** Makes every pending timer (retry backoff included) due now. */
  async makeDue(): Promise<void> {
    await this.owner(`UPDATE durable_timer SET run_at = now() - interval '1 ms' WHERE dead_at IS NULL`);
  }

  /** Fires everything due now with a runner of its own (handlers registered on this harness). */
  drain(overrides: Partial<BatonConfig> = {}): Promise<{ fired: number; failed: number }> {
    return this.runner(overrides).drain();
  }

  async counter(name: 'timersFired' | 'timerFailures', labels: Record<string, string>): Promise<number> {
    const metric = await this.metrics[name].get();
    return metric.values
      .filter((v) => Object.entries(labels).every(([k, want]) => (v.labels as Record<string, unknown>)[k] === want))
      .reduce((sum, v) => sum + v.value, 0);
  }
}

export const past = (ms = 1000): Date => new Date(Date.now() - ms);
export const future = (ms = 3_600_000): Date => new Date(Date.now() + ms);
