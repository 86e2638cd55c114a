import { Injectable } from '@nestjs/common';
import { Permission } from '@baton/shared/contracts';
import { BatonError, RequestContext, TenantTransactions } from '@baton/api/core';
import {
  CaseHandoffObject,
  CaseMessageObject,
  CaseNoteObject,
  CaseTransitionObject,
} from '../objects/case-parts.objects';
import { handoffsOf, messagesOf, notesOf, transitionsOf } from './case-parts';

export interface CasePartTypes {
  messages: CaseMessageObject;
  transitions: CaseTransitionObject;
  handoffs: CaseHandoffObject;
  notes: CaseNoteObject;
}
export type CasePart = keyof CasePartTypes;

const READERS: {
  [K in CasePart]: (
    ctx: RequestContext,
    hotelId: string,
    caseIds: string[],
  ) => Promise<Map<string, CasePartTypes[K][]>>;
} = { messages: messagesOf, transitions: transitionsOf, handoffs: handoffsOf, notes: notesOf };

interface Pending {
  hotelId: string;
  part: CasePart;
  caseId: string;
  resolve: (rows: unknown[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Loads the timeline parts of the cases of one GraphQL operation in batches: every `messages` (etc.) field requested
 * in the same tick becomes one query per part and hotel, in one read transaction per hotel. Resolve-fields run after
 * their root field's transaction has committed, so they open their own, scoped to the case's hotel and only for a
 * caller who may read cases there (the same rule as the root field).
 */
@Injectable()
export class CasePartsLoader {
  private readonly batches = new WeakMap<RequestContext, Pending[]>();

  constructor(private readonly transactions: TenantTransactions) {}

  load<K extends CasePart>(ctx: RequestContext, hotelId: string, caseId: string, part: K): Promise<CasePartTypes[K][]> {
    if (!ctx.can(Permission.CasesRead, hotelId)) {
      return Promise.reject(BatonError.notFound('Case', caseId));
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
      batch.push({ hotelId, part, caseId, resolve: resolve as (rows: unknown[]) => void, reject });
    });
  }

  private async dispatch(ctx: RequestContext, batch: Pending[]): Promise<void> {
    const byHotel = new Map<string, Pending[]>();
    for (const item of batch) {
      byHotel.set(item.hotelId, [...(byHotel.get(item.hotelId) ?? []), item]);
    }
    await Promise.all(
      [...byHotel].map(async ([hotelId, items]) => {
        try {
          const results = await this.transactions.run(ctx, [hotelId], async (tx) => {
            const out = new Map<CasePart, Map<string, unknown[]>>();
            for (const part of new Set(items.map((item) => item.part))) {
              const caseIds = [...new Set(items.filter((item) => item.part === part).map((item) => item.caseId))];
              out.set(part, await READERS[part](tx, hotelId, caseIds));
            }
            return out;
          });
          items.forEach((item) => item.resolve(results.get(item.part)?.get(item.caseId) ?? []));
        } catch (error) {
          items.forEach((item) => item.reject(error));
        }
      }),
    );
  }
}
