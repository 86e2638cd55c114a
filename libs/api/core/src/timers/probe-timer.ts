import { Injectable, OnModuleInit } from '@nestjs/common';
import { TimerKind } from '@baton/shared/contracts';
import { TimerHandlers } from './durable-timers';

/** What a probe timer's payload may ask for (tests and benchmarks only). */
export interface ProbePayload {
  /** Wait this long (at most 5 s) before returning, e.g. to keep a batch in flight while a test kills the worker. */
  sleepMs?: number;
  /** Throw this message: a failing handler. */
  fail?: string;
}

/**
 * The built-in handler of `TimerKind.Probe`, for benchmarks and tests that run the real worker process: it has no
 * effect of its own, so what a run can count is the runner's own firing record (durable_timer_firing) per timer.
 */
@Injectable()
export class ProbeTimerHandler implements OnModuleInit {
  constructor(private readonly handlers: TimerHandlers) {}

  onModuleInit(): void {
    this.handlers.register(TimerKind.Probe, async (_ctx, timer) => {
      const probe = timer.payload as ProbePayload;
      if (typeof probe.sleepMs === 'number' && probe.sleepMs > 0) {
        await new Promise((resolve) => setTimeout(resolve, Math.min(probe.sleepMs ?? 0, 5000)));
      }
      if (typeof probe.fail === 'string') {
        throw new Error(probe.fail);
      }
    });
  }
}
