import type { ActivityEvent } from './types';

/** The feed never holds more than this many events. */
export const MAX_FEED_EVENTS = 100;

function timeOf(event: ActivityEvent): number {
  const ms = Date.parse(event.occurredAt);
  return Number.isNaN(ms) ? 0 : ms;
}

/** Newest first; ties broken by id so the order is stable. */
export function compareNewestFirst(a: ActivityEvent, b: ActivityEvent): number {
  const byTime = timeOf(b) - timeOf(a);
  if (byTime !== 0) {
    return byTime;
  }
  if (a.id === b.id) {
    return 0;
  }
  return a.id < b.id ? 1 : -1;
}

/**
 * Merges incoming events (a page of `recentActivity` or one live event) into the current list: deduplicated by id
 * (the incoming copy wins), newest first, at most `max` events. Pure; returns a new array.
 */
export function mergeActivity(
  current: readonly ActivityEvent[],
  incoming: readonly ActivityEvent[],
  max: number = MAX_FEED_EVENTS,
): ActivityEvent[] {
  const byId = new Map<string, ActivityEvent>();
  for (const event of current) {
    byId.set(event.id, event);
  }
  for (const event of incoming) {
    byId.set(event.id, event);
  }
  return [...byId.values()].sort(compareNewestFirst).slice(0, Math.max(0, max));
}
