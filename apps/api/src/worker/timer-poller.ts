import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { BatonConfig, TimerRunner } from '@baton/api/core';

const INTERVAL = 'durable-timers';

/**
 * Drives the durable timer runner from the @nestjs/schedule registry: a poll every TIMER_POLL_MS (the runner skips a
 * tick while a drain runs and drains again after it). The scheduler clears the interval on shutdown; the runner then
 * lets its batches in flight commit before the database pool closes.
 */
@Injectable()
export class TimerPoller implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly config: BatonConfig,
    private readonly scheduler: SchedulerRegistry,
    private readonly runner: TimerRunner,
  ) {}

  onApplicationBootstrap(): void {
    this.runner.start();
    this.scheduler.addInterval(
      INTERVAL,
      setInterval(() => this.runner.poll(), this.config.TIMER_POLL_MS),
    );
    this.runner.poll();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.scheduler.doesExist('interval', INTERVAL)) {
      this.scheduler.deleteInterval(INTERVAL);
    }
    await this.runner.stop();
  }
}
