import { Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { Metrics } from '@baton/api/core';

/** Proves the scheduler loop runs (and stops on shutdown): `baton_worker_ticks_total` grows once a second. */
@Injectable()
export class WorkerHeartbeat {
  constructor(private readonly metrics: Metrics) {}

  @Interval(1000)
  tick(): void {
    this.metrics.workerTicks.inc();
  }
}
