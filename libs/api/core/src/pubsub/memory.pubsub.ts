import { PubSub } from 'graphql-subscriptions';
import { Envelope, PubSubPort } from './pubsub.port';

/** Single-process adapter, used when REDIS_URL is unset (npm start on one machine). */
export class MemoryPubSub extends PubSubPort {
  readonly kind = 'memory' as const;
  private readonly pubsub = new PubSub<Record<string, Envelope>>();

  async publish(channel: string, data: unknown): Promise<void> {
    await this.pubsub.publish(channel, { publishedAt: Date.now(), data });
  }

  subscribe<T>(channel: string): AsyncIterableIterator<Envelope<T>> {
    return this.pubsub.asyncIterableIterator(channel) as AsyncIterableIterator<Envelope<T>>;
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    // nothing to release
  }
}
