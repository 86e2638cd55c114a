import { RedisPubSub as GraphqlRedisPubSub } from 'graphql-redis-subscriptions';
import Redis from 'ioredis';
import { Envelope, PubSubPort } from './pubsub.port';

/** Cross-instance adapter: graphql-redis-subscriptions over two ioredis connections (publisher, subscriber). */
export class RedisPubSub extends PubSubPort {
  readonly kind = 'redis' as const;
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly pubsub: GraphqlRedisPubSub;

  constructor(url: string) {
    super();
    const options = { maxRetriesPerRequest: 3, enableReadyCheck: true, lazyConnect: false };
    this.publisher = new Redis(url, { ...options, connectionName: 'baton-pub' });
    this.subscriber = new Redis(url, { ...options, connectionName: 'baton-sub' });
    this.pubsub = new GraphqlRedisPubSub({ publisher: this.publisher, subscriber: this.subscriber });
  }

  async publish(channel: string, data: unknown): Promise<void> {
    const envelope: Envelope = { publishedAt: Date.now(), data };
    await this.pubsub.publish(channel, envelope);
  }

  subscribe<T>(channel: string): AsyncIterableIterator<Envelope<T>> {
    return this.pubsub.asyncIterableIterator(channel) as AsyncIterableIterator<Envelope<T>>;
  }

  async ping(): Promise<boolean> {
    return (await this.publisher.ping()) === 'PONG';
  }

  async close(): Promise<void> {
    await this.pubsub.close();
  }
}
