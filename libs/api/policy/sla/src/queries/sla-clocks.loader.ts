import { Injectable } from '@nestjs/common';
import { Permission } from '@baton/shared/contracts';
import { BatonError, RequestContext, TenantTransactions } from '@baton/api/core';
import { SlaTargetType } from '../clocks/clock-store';
import { SlaClockObject } from '../objects/sla-clock.object';
import { SlaQueriesService } from './sla-queries.service';

interface Pending {
  hotelId: string;
  targetType: SlaTargetType;
  targetId: string;
  resolve: (rows: SlaClockObject[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Loads the `sla` field of every case (or ticket) of one GraphQL response in one query per hotel and target type.
 * Resolve-fields run after the root field's transaction committed, so the batch opens its own read transaction,
 * scoped to the hotel and only for a caller who may read cases there (the rule of the root field).
 */
@Injectable()
export class SlaClocksLoader {
  private readonly batches = new WeakMap<RequestContext, Pending[]>();

  constructor(
    private readonly transactions: TenantTransactions,
    private readonly queries: SlaQueriesService,
  ) {}

  load(ctx: RequestContext, hotelId: string, targetType: SlaTargetType, targetId: string): Promise<SlaClockObject[]> {
    if (!ctx.can(Permission.CasesRead, hotelId)) {
      return Promise.reject(BatonError.notFound(targetType === 'case' ? 'Case' : 'Ticket', targetId));
    }
    return new Promise((resolve, reject) => {
      let batch = this.batches.get(ctx);
      if (!batch) {
        const fresh: Pending[] = [];
        batch = fresh;
        this.batches.set(ctx, fresh);
        setImmediate(() => {
          this.batches.delete(ctx);
          void this.dispatch(ctx, fresh);
        });
      }
      batch.push({ hotelId, targetType, targetId, resolve, reject });
    });
  }

  private async dispatch(ctx: RequestContext, batch: Pending[]): Promise<void> {
    const groups = new Map<string, Pending[]>();
    for (const item of batch) {
      const key = `${item.hotelId}:${item.targetType}`;
      groups.set(key, [...(groups.get(key) ?? []), item]);
    }
    await Promise.all(
      [...groups.values()].map(async (items) => {
        const { hotelId, targetType } = items[0];
        try {
          const ids = [...new Set(items.map((item) => item.targetId))];
          const clocks = await this.transactions.run(ctx, [hotelId], (tx) =>
            this.queries.current(tx, hotelId, targetType, ids),
          );
          items.forEach((item) => item.resolve(clocks.get(item.targetId) ?? []));
        } catch (error) {
          items.forEach((item) => item.reject(error));
        }
      }),
    );
  }
}
