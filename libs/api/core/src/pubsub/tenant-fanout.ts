import { Logger } from '@nestjs/common';
import { TenantEvent, tenantChannel } from '@baton/shared/contracts';
import type { Metrics } from '../observability/metrics';
import { LocalFeed } from './local-feed';
import type { Envelope, PubSubPort } from './pubsub.port';

interface Topic<P, O> {
  hotelId: string;
  upstream: AsyncIterableIterator<Envelope<P>>;
  feeds: Set<LocalFeed<O>>;
}

/**
 * One pub/sub subscription per hotel and process for a tenant channel (`tenant:<hotel>:<event>`), fanned out to the
 * local subscribers of that hotel: each event is mapped once into an object shared by every subscriber. For events
 * with nothing masked per reader (tickets, SLA steps); cases, which mask contacts per reader, have their own hub.
 * The topic closes with its last subscriber. Callers authorise the subscriber before `subscribe`.
 */
export class TenantFanout<P, O> {
  private readonly logger: Logger;
  private readonly topics = new Map<string, Topic<P, O>>();

  constructor(
    private readonly pubsub: PubSubPort,
    private readonly metrics: Metrics,
    private readonly event: TenantEvent,
    private readonly toObject: (payload: P) => O,
  ) {
    this.logger = new Logger(`TenantFanout:${event}`);
  }

  subscribe(hotelId: string): LocalFeed<O> {
    const topic = this.topics.get(hotelId) ?? this.open(hotelId);
    const feed: LocalFeed<O> = new LocalFeed(() => this.leave(topic, feed));
    topic.feeds.add(feed);
    return feed;
  }

  close(): void {
    for (const topic of [...this.topics.values()]) {
      [...topic.feeds].forEach((feed) => feed.close());
    }
  }

  private open(hotelId: string): Topic<P, O> {
    const topic: Topic<P, O> = {
      hotelId,
      upstream: this.pubsub.subscribe<P>(tenantChannel(hotelId, this.event)),
      feeds: new Set(),
    };
    this.topics.set(hotelId, topic);
    void this.pump(topic);
    return topic;
  }

  private async pump(topic: Topic<P, O>): Promise<void> {
    const lag = this.metrics.pubsubLag.labels(this.pubsub.kind);
    try {
      for (;;) {
        const result = await topic.upstream.next();
        if (result.done) {
          return;
        }
        lag.observe((Date.now() - result.value.publishedAt) / 1000);
        if (topic.feeds.size > 0) {
          const object = this.toObject(result.value.data);
          topic.feeds.forEach((feed) => feed.push(object));
        }
      }
    } catch (error) {
      this.logger.error({ err: error }, 'topic failed; its subscribers are closed');
      if (this.topics.get(topic.hotelId) === topic) {
        this.topics.delete(topic.hotelId);
      }
      [...topic.feeds].forEach((feed) => feed.close());
    }
  }

  private leave(topic: Topic<P, O>, feed: LocalFeed<O>): void {
    topic.feeds.delete(feed);
    if (topic.feeds.size === 0 && this.topics.get(topic.hotelId) === topic) {
      this.topics.delete(topic.hotelId);
      Promise.resolve(topic.upstream.return?.()).catch((error: unknown) =>
        this.logger.error({ err: error }, 'closing a subscription failed'),
      );
    }
  }
}
