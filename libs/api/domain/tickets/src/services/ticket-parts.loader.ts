import { Injectable } from '@nestjs/common';
import { Permission } from '@baton/shared/contracts';
import { BatonError, RequestContext, TenantTransactions } from '@baton/api/core';
import { TicketNoteObject, TicketTransitionObject } from '../objects/ticket.object';
import { notesOf, transitionsOf } from './ticket-history';

export interface TicketPartTypes {
  notes: TicketNoteObject;
  transitions: TicketTransitionObject;
}
export type TicketPart = keyof TicketPartTypes;

const READERS: {
  [K in TicketPart]: (
    ctx: RequestContext,
    hotelId: string,
    ticketIds: string[],
  ) => Promise<Map<string, TicketPartTypes[K][]>>;
} = { notes: notesOf, transitions: transitionsOf };

interface Pending {
  hotelId: string;
  part: TicketPart;
  ticketId: string;
  resolve: (rows: unknown[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Loads notes and transitions of the tickets of one GraphQL operation in batches: every field requested in the same
 * tick becomes one query per part and hotel, in one read transaction per hotel. Resolve-fields run after their root
 * field's transaction has committed, so they open their own, scoped to the ticket's hotel and only for a caller who
 * may read tickets there (the same rule as the root field).
 */
@Injectable()
export class TicketPartsLoader {
  private readonly batches = new WeakMap<RequestContext, Pending[]>();

  constructor(private readonly transactions: TenantTransactions) {}

  load<K extends TicketPart>(
    ctx: RequestContext,
    hotelId: string,
    ticketId: string,
    part: K,
  ): Promise<TicketPartTypes[K][]> {
    if (!ctx.can(Permission.CasesRead, hotelId)) {
      return Promise.reject(BatonError.notFound('Ticket', ticketId));
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
      batch.push({ hotelId, part, ticketId, resolve: resolve as (rows: unknown[]) => void, reject });
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
            const out = new Map<TicketPart, Map<string, unknown[]>>();
            for (const part of new Set(items.map((item) => item.part))) {
              const ids = [...new Set(items.filter((item) => item.part === part).map((item) => item.ticketId))];
              out.set(part, await READERS[part](tx, hotelId, ids));
            }
            return out;
          });
          items.forEach((item) => item.resolve(results.get(item.part)?.get(item.ticketId) ?? []));
        } catch (error) {
          items.forEach((item) => item.reject(error));
        }
      }),
    );
  }
}
