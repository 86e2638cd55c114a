import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { BatonConfig, PubSubPort, WorkKind, WorkSignals } from '@baton/api/core';

/** System channel carrying only "hotel X has work of kind K"; no tenant data travels on it. */
export const WORK_CHANNEL = 'system:work';

interface Nudge {
  kind: WorkKind;
  hotelId: string;
}

/**
 * Routes work nudges to whichever process drains the work. In a worker (or `all`) process the in-process signal
 * reaches the drain directly; an API-only process forwards it over pub/sub (Redis) so a worker starts at once instead
 * of at its next sweep. A lost nudge only delays work until the sweep.
 */
@Injectable()
export class WorkNudges implements OnApplicationShutdown {
  private readonly logger = new Logger(WorkNudges.name);
  private remote: AsyncIterableIterator<unknown> | null = null;

  constructor(
    private readonly config: BatonConfig,
    private readonly signals: WorkSignals,
    private readonly pubsub: PubSubPort,
  ) {}

  /** Registers `handler` for `kind` in worker processes; in API-only processes forwards local signals instead. */
  route(kind: WorkKind, handler: (hotelId: string) => void): void {
    if (!this.config.runsWorker) {
      this.signals.on(kind, (hotelId) => {
        this.pubsub.publish(WORK_CHANNEL, { kind, hotelId } satisfies Nudge).catch((error: unknown) => {
          this.logger.warn({ err: error }, 'work nudge not forwarded; the worker sweep will pick the work up');
        });
      });
      return;
    }
    this.signals.on(kind, handler);
    if (this.pubsub.kind === 'redis' && !this.remote) {
      this.listen();
    }
  }

  private listen(): void {
    const iterator = this.pubsub.subscribe<Nudge>(WORK_CHANNEL);
    this.remote = iterator;
    void (async () => {
      for await (const envelope of iterator) {
        this.signals.notify(envelope.data.kind, envelope.data.hotelId);
      }
    })().catch((error: unknown) => this.logger.error({ err: error }, 'work nudge listener stopped'));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.remote?.return?.();
  }
}
