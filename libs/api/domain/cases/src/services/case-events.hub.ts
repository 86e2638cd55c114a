import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { TenantEvent, tenantChannel } from '@baton/shared/contracts';
import { Envelope, Metrics, PubSubPort, LocalFeed } from '@baton/api/core';
import { CaseEventObject } from '../objects/case-event.object';
import { CaseEventPayload } from './case-events';
import { reviveCaseRecord, toCaseObject } from './case-record';

interface Topic {
  hotelId: string;
  upstream: AsyncIterableIterator<Envelope<CaseEventPayload>>;
  /** Subscribers who see contacts in full (cases.write or pii.reveal), and those who see them masked. */
  full: Set<LocalFeed<CaseEventObject>>;
  masked: Set<LocalFeed<CaseEventObject>>;
}

function toEventObject(payload: CaseEventPayload, revealContact: boolean): CaseEventObject {
  return {
    hotelId: payload.hotelId,
    kind: payload.kind,
    caseId: payload.caseId,
    caseNumber: payload.caseNumber,
    messageId: payload.messageId,
    at: new Date(payload.at),
    case: toCaseObject(reviveCaseRecord(payload.case), revealContact),
  };
}

/**
 * One pub/sub subscription per hotel and process for `caseEvents`, fanned out to local subscribers. Each event is
 * turned into at most two objects (contact in full, contact masked) shared by every subscriber of that variant, instead
 * of being mapped per subscriber. The topic closes with its last subscriber.
 */
@Injectable()
export class CaseEventsHub implements OnModuleDestroy {
  private readonly logger = new Logger(CaseEventsHub.name);
  private readonly topics = new Map<string, Topic>();

  constructor(
    private readonly pubsub: PubSubPort,
    private readonly metrics: Metrics,
  ) {}

  /** Call only after authorising the subscriber for the hotel. */
  subscribe(hotelId: string, revealContact: boolean): LocalFeed<CaseEventObject> {
    const topic = this.topics.get(hotelId) ?? this.open(hotelId);
    const group = revealContact ? topic.full : topic.masked;
    const feed: LocalFeed<CaseEventObject> = new LocalFeed(() => this.leave(hotelId, topic, group, feed));
    group.add(feed);
    return feed;
  }

  onModuleDestroy(): void {
    for (const topic of [...this.topics.values()]) {
      [...topic.full, ...topic.masked].forEach((feed) => feed.close());
    }
  }

  private open(hotelId: string): Topic {
    const topic: Topic = {
      hotelId,
      upstream: this.pubsub.subscribe<CaseEventPayload>(tenantChannel(hotelId, TenantEvent.Cases)),
      full: new Set(),
      masked: new Set(),
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
        for (const [group, reveal] of [
          [topic.full, true],
          [topic.masked, false],
        ] as const) {
          if (group.size > 0) {
            const event = toEventObject(result.value.data, reveal);
            group.forEach((feed) => feed.push(event));
          }
        }
      }
    } catch (error) {
      this.logger.error({ err: error }, 'case events topic failed');
      if (this.topics.get(topic.hotelId) === topic) {
        this.topics.delete(topic.hotelId);
      }
      [...topic.full, ...topic.masked].forEach((feed) => feed.close());
    }
  }

  private leave(
    hotelId: string,
    topic: Topic,
    group: Set<LocalFeed<CaseEventObject>>,
    feed: LocalFeed<CaseEventObject>,
  ): void {
    group.delete(feed);
    if (topic.full.size === 0 && topic.masked.size === 0 && this.topics.get(hotelId) === topic) {
      this.topics.delete(hotelId);
      Promise.resolve(topic.upstream.return?.()).catch((error: unknown) =>
        this.logger.error({ err: error }, 'closing a case events subscription failed'),
      );
    }
  }
}
