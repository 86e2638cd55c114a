import { ActorKind, Permission } from '@baton/shared/contracts';
import type { DomainEventInput, RequestContext } from '@baton/api/core';

export interface Chain {
  /** Depth of the event the rule reacts to; what its actions cause is one deeper. */
  depth: number;
  rootId: string;
  ruleId: string;
}

export interface ChainedContext {
  ctx: RequestContext;
  /** Hands what the actions queued to the real context: their events, live publishes and after-commit nudges. */
  flush(): void;
}

type Buffered =
  | { kind: 'emit'; event: DomainEventInput }
  | { kind: 'publish'; channel: string; payload: unknown }
  | { kind: 'afterCommit'; callback: () => void };

/**
 * The context a rule's actions run with: the same transaction, acting as the system actor `Automation: <rule>` with
 * every permission on the hotel (the rule was written by a manager of it), and with everything the actions queue
 * held back until the rule's savepoint is released. Events they emit are stamped depth + 1 and the chain's root,
 * which is what loop protection reads; a rule rolled back to its savepoint leaves no event behind.
 *
 * Built with Object.create so every method of RequestContext (tx, inScope, assertInScope ...) works unchanged on the
 * parent's transaction; only the actor and the three queueing methods are overridden.
 */
export function chainedContext(
  parent: RequestContext,
  chain: Chain,
  actorName: string,
  hotelId: string,
): ChainedContext {
  const buffered: Buffered[] = [];
  const ctx = Object.create(parent) as RequestContext;
  const all = new Set(Object.values(Permission));
  Object.defineProperty(ctx, 'principal', { value: { kind: ActorKind.System, name: actorName } });
  Object.defineProperty(ctx, 'grants', { value: new Map([[hotelId, all]]) });
  Object.defineProperty(ctx, 'emit', {
    value: (event: DomainEventInput) =>
      buffered.push({
        kind: 'emit',
        event: { ...event, depth: chain.depth + 1, automationRoot: chain.rootId, automationRule: chain.ruleId },
      }),
  });
  Object.defineProperty(ctx, 'publishAfterCommit', {
    value: (channel: string, payload: unknown) => buffered.push({ kind: 'publish', channel, payload }),
  });
  Object.defineProperty(ctx, 'afterCommit', {
    value: (callback: () => void) => buffered.push({ kind: 'afterCommit', callback }),
  });
  return {
    ctx,
    flush() {
      for (const item of buffered.splice(0)) {
        switch (item.kind) {
          case 'emit':
            parent.emit(item.event);
            break;
          case 'publish':
            parent.publishAfterCommit(item.channel, item.payload);
            break;
          case 'afterCommit':
            parent.afterCommit(item.callback);
            break;
        }
      }
    },
  };
}
