import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { BatonConfig } from '../config/baton-config';
import { MemoryPubSub } from './memory.pubsub';
import { PubSubPort } from './pubsub.port';
import { RedisPubSub } from './redis.pubsub';

@Global()
@Module({
  providers: [
    {
      provide: PubSubPort,
      inject: [BatonConfig],
      useFactory: (config: BatonConfig): PubSubPort =>
        config.REDIS_URL ? new RedisPubSub(config.REDIS_URL) : new MemoryPubSub(),
    },
  ],
  exports: [PubSubPort],
})
export class PubSubModule implements OnApplicationShutdown {
  constructor(@Inject(PubSubPort) private readonly pubsub: PubSubPort) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pubsub.close();
  }
}
