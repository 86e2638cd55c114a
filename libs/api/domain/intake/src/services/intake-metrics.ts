import { Injectable } from '@nestjs/common';
import { Metrics } from '@baton/api/core';

export type IntakeOutcome = 'stored' | 'duplicate' | 'rejected';

/** Counts inbound items on core's `baton_intake_events_total{provider, outcome}` (scraped at /metrics). */
@Injectable()
export class IntakeMetrics {
  constructor(private readonly metrics: Metrics) {}

  count(provider: string, outcome: IntakeOutcome, n = 1): void {
    if (n > 0) {
      this.metrics.intakeEvents.inc({ provider, outcome }, n);
    }
  }
}
