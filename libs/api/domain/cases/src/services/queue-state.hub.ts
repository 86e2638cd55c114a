import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { TenantEvent, tenantChannel } from '@baton/shared/contracts';
import { Envelope, PubSubPort, TenantTransactions, LocalFeed } from '@baton/api/core';
import { QueueStateObject } from '../objects/queue-state.object';
import { QueueNudge } from './case-events';
import { QueueStateService } from './queue-state.service';

/** At most this often per hotel and process: ≤ 4 computations (and pushes) per second. */
export const QUEUE_STATE_MIN_INTERVAL_MS = 250;

interface Topic {
  hotelId: string;
  upstream: AsyncIterableIterator<Envelope<QueueNudge>>;
  feeds: Set<LocalFeed<QueueStateObject>>;
  latest: QueueStateObject | null;
  timer: NodeJS.Timeout | null;
  computing: boolean;
  dirty: boolean;
  lastRun: number;
}

/** The same counts as of now: `at` and the oldest wait's age move on even when nothing else changed. */
function restamp(state: QueueStateObject): QueueStateObject {
  const at = new Date();
  const oldest = state.oldestWaitingSince;
  return {
    ...state,
    at,
    oldestWaitingSeconds: oldest ? Math.max(0, Math.floor((at.getTime() - oldest.getTime()) / 1000)) : null,
  };
}

/**
 * `queueState(hotelId)` subscriptions, shared per hotel and process: one pub/sub subscription to the hotel's queue
 * nudges, one computation per tick (not per subscriber), throttled to QUEUE_STATE_MIN_INTERVAL_MS, and the same result
 * object pushed to every subscriber. A new subscriber gets the latest state at once (or the first computation).
 * Subscribers that fall behind only ever receive the newest state (conflated feeds).
 */
@Injectable()
export class QueueStateHub implements OnModuleDestroy {
  private readonly logger = new Logger(QueueStateHub.name);
  private readonly topics = new Map<string, Topic>();

  constructor(
    private readonly pubsub: PubSubPort,
    private readonly transactions: TenantTransactions,
    private readonly queueState: QueueStateService,
  ) {}

  /** Call only after authorising the subscriber for the hotel. */
  subscribe(hotelId: string): LocalFeed<QueueStateObject> {
    const topic = this.topics.get(hotelId) ?? this.open(hotelId);
    const feed: LocalFeed<QueueStateObject> = new LocalFeed(() => this.leave(topic, feed), { conflate: true });
    topic.feeds.add(feed);
    if (topic.latest) {
      feed.push(restamp(topic.latest));
    }
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
      upstream: this.pubsub.subscribe<QueueNudge>(tenantChannel(hotelId, TenantEvent.Queue)),
      feeds: new Set(),
      latest: null,
      timer: null,
      computing: false,
      dirty: true,
      lastRun: 0,
    };
    this.topics.set(hotelId, topic);
    void this.pump(topic);
    this.schedule(topic);
    return topic;
  }

  private async pump(topic: Topic): Promise<void> {
    try {
      for (;;) {
        const result = await topic.upstream.next();
        if (result.done) {
          return;
        }
        topic.dirty = true;
        this.schedule(topic);
      }
    } catch (error) {
      this.logger.error({ err: error }, 'queue state topic failed');
      if (this.topics.get(topic.hotelId) === topic) {
        this.topics.delete(topic.hotelId);
      }
      [...topic.feeds].forEach((feed) => feed.close());
    }
  }

  private schedule(topic: Topic): void {
    if (topic.timer || topic.computing || this.topics.get(topic.hotelId) !== topic) {
      return;
    }
    const delay = Math.max(0, topic.lastRun + QUEUE_STATE_MIN_INTERVAL_MS - Date.now());
    topic.timer = setTimeout(() => void this.run(topic), delay);
  }

  private async run(topic: Topic): Promise<void> {
    topic.timer = null;
    topic.dirty = false;
    topic.computing = true;
    topic.lastRun = Date.now();
    try {
      const state = await this.transactions.runAsSystem('queue-state', topic.hotelId, (ctx) =>
        this.queueState.compute(ctx, topic.hotelId),
      );
      topic.latest = state;
      topic.feeds.forEach((feed) => feed.push(state));
    } catch (error) {
      this.logger.error({ err: error, hotelId: topic.hotelId }, 'queue state computation failed');
    } finally {
      topic.computing = false;
    }
    if (topic.dirty) {
      this.schedule(topic);
    }
  }

  private leave(topic: Topic, feed: LocalFeed<QueueStateObject>): void {
    topic.feeds.delete(feed);
    if (topic.feeds.size > 0 || this.topics.get(topic.hotelId) !== topic) {
      return;
    }
    this.topics.delete(topic.hotelId);
    if (topic.timer) {
      clearTimeout(topic.timer);
      topic.timer = null;
    }
    Promise.resolve(topic.upstream.return?.()).catch((error: unknown) =>
      this.logger.error({ err: error }, 'closing a queue state subscription failed'),
    );
  }
}
