import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ChannelProvider } from '@baton/shared/contracts';
import { WorkKind, WorkSignals } from '@baton/api/core';
import type { InboundItem } from '../intake.types';
import { IntakeMetrics } from './intake-metrics';

export interface StoreResult {
  stored: number;
  duplicates: number;
}

/** One webhook request waiting for its items to be stored. */
interface Waiter {
  items: readonly InboundItem[];
  /** Items in the request before de-duplication (a payload may repeat an id). */
  received: number;
  resolve: (result: StoreResult) => void;
  reject: (error: unknown) => void;
}

interface Lane {
  hotelId: string;
  accountId: string;
  provider: ChannelProvider;
  queue: Waiter[];
}

/** A burst coalesces into INSERTs of at most this many requests: keeps one statement's payload bounded. */
const MAX_REQUESTS_PER_INSERT = 200;

/** jsonb cannot hold U+0000; a NUL inside a guest's text is dropped rather than failing the whole webhook. */
function toJson(value: unknown): string {
  const json = JSON.stringify(value);
  return json.includes('\\u0000') ? json.replace(/(?<!\\)\\u0000/g, '') : json;
}

function uniqueById(items: readonly InboundItem[]): InboundItem[] {
  return [...new Map(items.map((item) => [item.externalId, item])).values()];
}

/**
 * Stores webhook items. The acknowledgement is the hot path of intake (Meta expects a 200 within seconds and retries
 * otherwise), so it is built for throughput:
 * - One round trip per INSERT: `baton_store_inbound` sets the tenant scope transaction-locally and inserts in the
 *   implicit transaction of a single statement (RLS still checks every row), instead of BEGIN/set_config/INSERT/COMMIT.
 * - Group commit per account: while an INSERT for an account is in flight, later requests for it queue and go
 *   together in the next multi-row INSERT, so a burst costs a few commits instead of one each. An idle account
 *   waits for nothing: the first request is inserted at once.
 * ON CONFLICT (tenant_id, provider, external_id) DO NOTHING keeps a redelivered item (Meta retries, a double-clicked
 * form) stored once however many copies race; a request is answered only after its rows are committed.
 */
@Injectable()
export class InboundEventStore {
  private readonly logger = new Logger(InboundEventStore.name);
  private readonly lanes = new Map<string, Lane>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly signals: WorkSignals,
    private readonly metrics: IntakeMetrics,
  ) {}

  async store(
    hotelId: string,
    accountId: string,
    provider: ChannelProvider,
    items: readonly InboundItem[],
  ): Promise<StoreResult> {
    const unique = uniqueById(items);
    if (unique.length === 0) {
      return { stored: 0, duplicates: 0 };
    }
    const result = await new Promise<StoreResult>((resolve, reject) => {
      const key = `${hotelId}:${accountId}:${provider}`;
      const waiter: Waiter = { items: unique, received: items.length, resolve, reject };
      const lane = this.lanes.get(key);
      if (lane) {
        lane.queue.push(waiter);
        return;
      }
      const fresh: Lane = { hotelId, accountId, provider, queue: [waiter] };
      this.lanes.set(key, fresh);
      void this.drain(key, fresh);
    });
    this.metrics.count(provider, 'stored', result.stored);
    this.metrics.count(provider, 'duplicate', result.duplicates);
    return result;
  }

  /** Inserts the lane's queue batch after batch until it is empty; requests arriving meanwhile join the next batch. */
  private async drain(key: string, lane: Lane): Promise<void> {
    try {
      while (lane.queue.length > 0) {
        const batch = lane.queue.splice(0, MAX_REQUESTS_PER_INSERT);
        await this.insertBatch(lane, batch);
      }
    } finally {
      this.lanes.delete(key);
    }
  }

  private async insertBatch(lane: Lane, batch: Waiter[]): Promise<void> {
    try {
      const inserted = await this.insert(
        lane,
        batch.flatMap((waiter) => waiter.items),
      );
      this.settle(batch, inserted);
      if (inserted.size > 0) {
        this.signals.notify(WorkKind.Inbound, lane.hotelId);
      }
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      // One request must not fail its neighbours: retry each on its own so only the bad one gets the error.
      this.logger.warn({ err: error, requests: batch.length }, 'coalesced inbound insert failed; retrying one by one');
      for (const waiter of batch) {
        await this.insertBatch(lane, [waiter]);
      }
    }
  }

  /** The external ids that were new (committed); the others already existed. */
  private async insert(lane: Lane, items: readonly InboundItem[]): Promise<Set<string>> {
    const rows = uniqueById(items).map((item) => ({
      external_id: item.externalId,
      kind: item.kind,
      occurred_at: item.occurredAt.toISOString(),
      payload: item.payload,
    }));
    const result = await this.dataSource.query<{ external_id: string }[]>(
      `SELECT baton_store_inbound AS external_id FROM baton_store_inbound($1, $2, $3, $4::jsonb)`,
      [lane.hotelId, lane.provider, lane.accountId, toJson(rows)],
    );
    return new Set(result.map((row) => row.external_id));
  }

  /** An id new in this batch counts as stored for the first request that carried it, as a duplicate for the rest. */
  private settle(batch: readonly Waiter[], inserted: Set<string>): void {
    const claimed = new Set<string>();
    for (const waiter of batch) {
      let stored = 0;
      for (const item of waiter.items) {
        if (inserted.has(item.externalId) && !claimed.has(item.externalId)) {
          claimed.add(item.externalId);
          stored += 1;
        }
      }
      waiter.resolve({ stored, duplicates: waiter.received - stored });
    }
  }
}
