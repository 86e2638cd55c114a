import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { TenantEvent, tenantChannel } from '@baton/shared/contracts';
import { Envelope, Metrics, PubSubPort, LocalFeed } from '@baton/api/core';
import { TicketEventObject } from '../objects/ticket-event.object';
import { TicketEventPayload } from './ticket-events';
import { reviveTicketRecord, toTicketObject } from './ticket-record';

interface Topic {
  hotelId: string;
  upstream: AsyncIterableIterator<Envelope<TicketEventPayload>>;
  feeds: Set<LocalFeed<TicketEventObject>>;
}

function toEventObject(payload: TicketEventPayload): TicketEventObject {
  return {
    hotelId: payload.hotelId,
    kind: payload.kind,
    ticketId: payload.ticketId,
    ticketNumber: payload.ticketNumber,
    at: new Date(payload.at),
    ticket: toTicketObject(reviveTicketRecord(payload.ticket)),
  };
}

/**
 * One pub/sub subscription per hotel and process for `ticketEvents`, fanned out to local subscribers: each event is
 * mapped once into an object shared by every subscriber (tickets carry no field masked per reader). The topic
 * closes with its last subscriber.
 */
@Injectable()
export class TicketEventsHub implements OnModuleDestroy {
  private readonly logger = new Logger(TicketEventsHub.name);
  private readonly topics = new Map<string, Topic>();

  constructor(
    private readonly pubsub: PubSubPort,
    private readonly metrics: Metrics,
  ) {}

  /** Call only after authorising the subscriber for the hotel. */
  subscribe(hotelId: string): LocalFeed<TicketEventObject> {
    const topic = this.topics.get(hotelId) ?? this.open(hotelId);
    const feed: LocalFeed<TicketEventObject> = new LocalFeed(() => this.leave(topic, feed));
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
      upstream: this.pubsub.subscribe<TicketEventPayload>(tenantChannel(hotelId, TenantEvent.Tickets)),
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
        if (topic.feeds.size > 0) {
          const event = toEventObject(result.value.data);
          topic.feeds.forEach((feed) => feed.push(event));
        }
      }
    } catch (error) {
      this.logger.error({ err: error }, 'ticket events topic failed');
      if (this.topics.get(topic.hotelId) === topic) {
        this.topics.delete(topic.hotelId);
      }
      [...topic.feeds].forEach((feed) => feed.close());
    }
  }

  private leave(topic: Topic, feed: LocalFeed<TicketEventObject>): void {
    topic.feeds.delete(feed);
    if (topic.feeds.size === 0 && this.topics.get(topic.hotelId) === topic) {
      this.topics.delete(topic.hotelId);
      Promise.resolve(topic.upstream.return?.()).catch((error: unknown) =>
        this.logger.error({ err: error }, 'closing a ticket events subscription failed'),
      );
    }
  }
}
