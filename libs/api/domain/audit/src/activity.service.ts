import { Injectable } from '@nestjs/common';
import { Permission, TenantEvent, tenantChannel } from '@baton/shared/contracts';
import {
  ActivityEventPayload,
  AuditLogEntity,
  BatonError,
  Metrics,
  PubSubPort,
  RequestContext,
  toActivityEvent,
} from '@baton/api/core';
import { ActivityEventObject } from './activity-event.object';

export const MAX_RECENT_ACTIVITY = 200;

function toObject(event: ActivityEventPayload): ActivityEventObject {
  return { ...event, occurredAt: new Date(event.occurredAt) };
}

/** The hotel activity feed: recent audit entries, and live ones through the tenant-keyed channel. */
@Injectable()
export class ActivityService {
  constructor(
    private readonly pubsub: PubSubPort,
    private readonly metrics: Metrics,
  ) {}

  async recent(ctx: RequestContext, hotelId: string, first: number): Promise<ActivityEventObject[]> {
    ctx.assertInScope(hotelId);
    if (!Number.isInteger(first) || first < 1 || first > MAX_RECENT_ACTIVITY) {
      throw BatonError.badInput(`first must be between 1 and ${MAX_RECENT_ACTIVITY}`, { field: 'first' });
    }
    const rows = await ctx.tx.getRepository(AuditLogEntity).find({
      where: { tenantId: hotelId },
      order: { occurredAt: 'DESC', id: 'DESC' },
      take: first,
    });
    return rows.map((row) => toObject(toActivityEvent(row)));
  }

  /**
   * Authorised once, at subscribe time: the channel is the hotel's own, so no event of another tenant can reach it.
   * A hotel the caller cannot read is refused exactly like one that does not exist.
   */
  subscribe(ctx: RequestContext, hotelId: string): AsyncIterableIterator<{ hotelActivity: ActivityEventObject }> {
    if (!ctx.can(Permission.AuditRead, hotelId)) {
      throw BatonError.notFound('Hotel', hotelId);
    }
    const source = this.pubsub.subscribe<ActivityEventPayload>(tenantChannel(hotelId, TenantEvent.Activity));
    const lag = this.metrics.pubsubLag.labels(this.pubsub.kind);
    const iterator: AsyncIterableIterator<{ hotelActivity: ActivityEventObject }> = {
      async next() {
        const result = await source.next();
        if (result.done) {
          return { done: true, value: undefined };
        }
        lag.observe((Date.now() - result.value.publishedAt) / 1000);
        return { done: false, value: { hotelActivity: toObject(result.value.data) } };
      },
      async return() {
        await source.return?.();
        return { done: true, value: undefined };
      },
      async throw(error: unknown) {
        await source.return?.();
        throw error;
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }
}
