import { Injectable } from '@nestjs/common';
import { ChannelProvider } from '@baton/shared/contracts';
import { TenantTransactions, WorkKind, WorkSignals } from '@baton/api/core';
import type { InboundItem } from '../intake.types';
import { IntakeMetrics } from './intake-metrics';

export interface StoreResult {
  stored: number;
  duplicates: number;
}

/** jsonb cannot hold U+0000; a NUL inside a guest's text is dropped rather than failing the whole webhook. */
function toJson(value: unknown): string {
  const json = JSON.stringify(value);
  return json.includes('\\u0000') ? json.replace(/(?<!\\)\\u0000/g, '') : json;
}

/**
 * Stores webhook items for one hotel and account: one transaction, one multi-row INSERT … ON CONFLICT DO NOTHING on
 * (tenant_id, provider, external_id), so a redelivered item (Meta retries, a double-clicked form) is stored once
 * however many copies race. The worker is nudged after commit.
 */
@Injectable()
export class InboundEventStore {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly signals: WorkSignals,
    private readonly metrics: IntakeMetrics,
  ) {}

  async store(
    hotelId: string,
    accountId: string,
    provider: ChannelProvider,
    items: readonly InboundItem[],
  ): Promise<StoreResult> {
    const unique = [...new Map(items.map((item) => [item.externalId, item])).values()];
    if (unique.length === 0) {
      return { stored: 0, duplicates: 0 };
    }
    const rows = unique.map((item) => ({
      external_id: item.externalId,
      kind: item.kind,
      occurred_at: item.occurredAt.toISOString(),
      payload: item.payload,
    }));
    const stored = await this.transactions.runAsSystem('intake', hotelId, async (ctx) => {
      const inserted = await ctx.tx.query<unknown[]>(
        `INSERT INTO inbound_event (tenant_id, provider, external_id, account_id, kind, payload, occurred_at)
         SELECT $1, $2, r.external_id, $3, r.kind, r.payload, r.occurred_at
           FROM jsonb_to_recordset($4::jsonb) AS r(external_id text, kind text, payload jsonb, occurred_at timestamptz)
         ON CONFLICT (tenant_id, provider, external_id) DO NOTHING
         RETURNING id`,
        [hotelId, provider, accountId, toJson(rows)],
      );
      if (inserted.length > 0) {
        ctx.afterCommit(() => this.signals.notify(WorkKind.Inbound, hotelId));
      }
      return inserted.length;
    });
    const result = { stored, duplicates: items.length - stored };
    this.metrics.count(provider, 'stored', result.stored);
    this.metrics.count(provider, 'duplicate', result.duplicates);
    return result;
  }
}
