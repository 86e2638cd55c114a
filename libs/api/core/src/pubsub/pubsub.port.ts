/**
 * The pub/sub port. Channels are tenant-keyed strings (see tenantChannel in @baton/shared/contracts); adapters carry
 * an envelope with the publish time so the delivering instance can measure lag.
 */
export interface Envelope<T = unknown> {
  publishedAt: number;
  data: T;
}

export abstract class PubSubPort {
  abstract publish(channel: string, data: unknown): Promise<void>;
  /** An iterator of envelopes on `channel`; `return()` unsubscribes. */
  abstract subscribe<T>(channel: string): AsyncIterableIterator<Envelope<T>>;
  abstract ping(): Promise<boolean>;
  abstract close(): Promise<void>;
  abstract readonly kind: 'memory' | 'redis';
}
