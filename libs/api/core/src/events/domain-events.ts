import { Injectable, Logger } from '@nestjs/common';
import type { RequestContext } from '../context/request-context';

/**
 * A fact a domain library records inside its transaction ("case status changed", "ticket opened"). Policies (SLA,
 * automations) react to it in the same transaction, so a timer or an outbox row is written atomically with the
 * change that caused it: a rollback drops both, a commit keeps both. Live pub/sub events stay separate (after commit).
 */
export interface DomainEvent {
  /** Dotted name owned by the emitting domain, e.g. `case.status_changed`, `ticket.opened`, `sla.step`. */
  type: string;
  hotelId: string;
  /** ISO time of the change. */
  at: string;
  /** How many handler hops produced this event (0 = a person or a webhook); automations refuse to go deeper. */
  depth: number;
  /** The emitting domain's payload. Each domain exports a typed union for its events. */
  [key: string]: unknown;
}

/** What `ctx.emit` takes: a DomainEvent whose `at` and `depth` may be left out (now, 0). */
export interface DomainEventInput {
  type: string;
  hotelId: string;
  at?: string;
  depth?: number;
  [key: string]: unknown;
}

export type DomainEventHandler = (ctx: RequestContext, event: DomainEvent) => Promise<void>;

/**
 * When a handler runs among the handlers of one event: lower first, registration order within the same order.
 * Routing shapes the change (who owns a new case) and so runs before the policies that react to it (the SLA's T0
 * notice goes to the owner routing just chose).
 */
export enum DomainEventOrder {
  Shape = -10,
  React = 0,
}

interface Registered {
  handler: DomainEventHandler;
  order: number;
  seq: number;
}

/** A transaction that keeps emitting events is a bug (a rule re-triggering itself): stop it and roll back. */
export const MAX_DOMAIN_EVENTS_PER_TRANSACTION = 500;

/**
 * The in-transaction bus. Handlers subscribe by type (or `*`) at module init; TenantTransactions drains the events a
 * unit of work emitted just before COMMIT, including events the handlers emit in turn, in order.
 */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger(DomainEvents.name);
  private readonly handlers = new Map<string, Registered[]>();
  private registered = 0;

  on(type: string, handler: DomainEventHandler, order: number = DomainEventOrder.React): void {
    this.registered += 1;
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), { handler, order, seq: this.registered }]);
  }

  /** The handlers of `type`, then those of `*`, each by order; registration order within the same order. */
  private handlersOf(type: string): DomainEventHandler[] {
    const byOrder = (a: Registered, b: Registered) => a.order - b.order || a.seq - b.seq;
    const specific = [...(this.handlers.get(type) ?? [])].sort(byOrder);
    const wildcard = [...(this.handlers.get('*') ?? [])].sort(byOrder);
    return [...specific, ...wildcard].map((r) => r.handler);
  }

  /** Runs every handler of every queued event (and of the events they emit) inside the caller's transaction. */
  async drain(ctx: RequestContext, queue: DomainEvent[]): Promise<void> {
    let handled = 0;
    while (queue.length > 0) {
      const event = queue.shift() as DomainEvent;
      handled += 1;
      if (handled > MAX_DOMAIN_EVENTS_PER_TRANSACTION) {
        this.logger.error({ type: event.type, hotelId: event.hotelId }, 'domain event storm: transaction rolled back');
        throw new Error(`More than ${MAX_DOMAIN_EVENTS_PER_TRANSACTION} domain events in one transaction`);
      }
      for (const handler of this.handlersOf(event.type)) {
        await handler(ctx, event);
      }
    }
  }
}
