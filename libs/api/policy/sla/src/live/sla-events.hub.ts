import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { TenantEvent, tenantChannel } from '@baton/shared/contracts';
import { Envelope, Metrics, PubSubPort, LocalFeed } from '@baton/api/core';
import { SlaEventPayload } from '../clocks/sla-events';
import { SlaEventObject } from '../objects/sla-event.object';

interface Topic {
  hotelId: string;
  upstream: AsyncIterableIterator<Envelope<SlaEventPayload>>;
  feeds: Set<LocalFeed<SlaEventObject>>;
}

function toEventObject(payload: SlaEventPayload): SlaEventObject {
  return { ...payload, dueAt: new Date(payload.dueAt), at: new Date(payload.at) };
}

/**
 * One pub/sub subscription per hotel and process for `slaEvents`, fanned out to local subscribers. An SLA event
 * carries no personal data, so each event becomes one object shared by every subscriber. The topic closes with its
 * last subscriber.
 */
@Injectable()
export class SlaEventsHub implements OnModuleDestroy {
  private readonly logger = new Logger(SlaEventsHub.name);
  private readonly topics = new Map<string, Topic>();

  constructor(
    private readonly pubsub: PubSubPort,
    private readonly metrics: Metrics,
  ) {}

  /** Call only after authorising the subscriber for the hotel. */
  subscribe(hotelId: string): LocalFeed<SlaEventObject> {
    const topic = this.topics.get(hotelId) ?? this.open(hotelId);
    const feed: LocalFeed<SlaEventObject> = new LocalFeed(() => this.leave(topic, feed));
    topic.feeds.add(feed);
    return feed;
  }

  onModuleDestroy(): void {
    for (const topic of [...this.topics.values()]) {
      [...topic.feeds].forEach((feed) => feed.close());
    }
  }

  private open(hotelId: string): Topic {
    const topic: Topic = {
      hotelId,
      upstream: this.pubsub.subscribe<SlaEventPayload>(tenantChannel(hotelId, TenantEvent.Sla)),
      feeds: new Set(),
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
        const event = toEventObject(result.value.data);
        topic.feeds.forEach((feed) => feed.push(event));
      }
    } catch (error) {
      this.logger.error({ err: error }, 'sla events topic failed');
      if (this.topics.get(topic.hotelId) === topic) {
        this.topics.delete(topic.hotelId);
      }
      [...topic.feeds].forEach((feed) => feed.close());
    }
  }

  private leave(topic: Topic, feed: LocalFeed<SlaEventObject>): void {
    topic.feeds.delete(feed);
    if (topic.feeds.size === 0 && this.topics.get(topic.hotelId) === topic) {
      this.topics.delete(topic.hotelId);
      Promise.resolve(topic.upstream.return?.()).catch((error: unknown) =>
        this.logger.error({ err: error }, 'closing an sla events subscription failed'),
      );
    }
  }
}
