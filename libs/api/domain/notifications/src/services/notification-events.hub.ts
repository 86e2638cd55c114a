import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { TenantEvent, tenantChannel } from '@baton/shared/contracts';
import { Envelope, Metrics, PubSubPort, LocalFeed } from '@baton/api/core';
import { NotificationEventPayload } from '../events/notification.events';
import { NotificationEventObject } from '../objects/notification.object';
import { reviveNotification } from './notification-views';

interface Topic {
  hotelId: string;
  upstream: AsyncIterableIterator<Envelope<NotificationEventPayload>>;
  /** Local subscriptions by user id: an event reaches its recipient's feeds only. */
  feeds: Map<string, Set<LocalFeed<NotificationEventObject>>>;
}

function toEventObject(payload: NotificationEventPayload): NotificationEventObject {
  switch (payload.kind) {
    case 'created':
      return {
        kind: payload.kind,
        hotelId: payload.hotelId,
        notification: reviveNotification(payload.notification),
        readIds: [],
        allRead: false,
      };
    case 'read':
      return {
        kind: payload.kind,
        hotelId: payload.hotelId,
        notification: null,
        readIds: payload.ids,
        allRead: payload.all,
      };
  }
}

/**
 * One pub/sub subscription per hotel and process for `notificationEvents`, fanned out to the local subscriptions of
 * the event's recipient only. The object is built once per event. The topic closes with its last subscriber.
 */
@Injectable()
export class NotificationEventsHub implements OnModuleDestroy {
  private readonly logger = new Logger(NotificationEventsHub.name);
  private readonly topics = new Map<string, Topic>();

  constructor(
    private readonly pubsub: PubSubPort,
    private readonly metrics: Metrics,
  ) {}

  /** Call only after authorising `userId` for the hotel. */
  subscribe(hotelId: string, userId: string): LocalFeed<NotificationEventObject> {
    const topic = this.topics.get(hotelId) ?? this.open(hotelId);
    const group = topic.feeds.get(userId) ?? new Set<LocalFeed<NotificationEventObject>>();
    topic.feeds.set(userId, group);
    const feed: LocalFeed<NotificationEventObject> = new LocalFeed(() => this.leave(topic, userId, feed));
    group.add(feed);
    return feed;
  }

  onModuleDestroy(): void {
    for (const topic of [...this.topics.values()]) {
      [...topic.feeds.values()].forEach((group) => [...group].forEach((feed) => feed.close()));
    }
  }

  private open(hotelId: string): Topic {
    const topic: Topic = {
      hotelId,
      upstream: this.pubsub.subscribe<NotificationEventPayload>(tenantChannel(hotelId, TenantEvent.Notifications)),
      feeds: new Map(),
    };
    this.topics.set(hotelId, topic);
    void this.pump(topic);
    return topic;
  }

  private async pump(topic: Topic): Promise<void> {
    const lag = this.metrics.pubsubLag.labels(this.pubsub.kind);
    try {
      for (;;) {
        const result = await topic.upstream.next();
        if (result.done) {
          return;
        }
        lag.observe((Date.now() - result.value.publishedAt) / 1000);
        const payload = result.value.data;
        const group = topic.feeds.get(payload.userId);
        // The channel is the hotel's: an event naming another hotel is not for this topic.
        if (group && group.size > 0 && payload.hotelId === topic.hotelId) {
          const event = toEventObject(payload);
          group.forEach((feed) => feed.push(event));
        }
      }
    } catch (error) {
      this.logger.error({ err: error }, 'notification events topic failed');
      if (this.topics.get(topic.hotelId) === topic) {
        this.topics.delete(topic.hotelId);
      }
      [...topic.feeds.values()].forEach((group) => [...group].forEach((feed) => feed.close()));
    }
  }

  private leave(topic: Topic, userId: string, feed: LocalFeed<NotificationEventObject>): void {
    const group = topic.feeds.get(userId);
    group?.delete(feed);
    if (group && group.size === 0) {
      topic.feeds.delete(userId);
    }
    if (topic.feeds.size === 0 && this.topics.get(topic.hotelId) === topic) {
      this.topics.delete(topic.hotelId);
      Promise.resolve(topic.upstream.return?.()).catch((error: unknown) =>
        this.logger.error({ err: error }, 'closing a notification events subscription failed'),
      );
    }
  }
}
