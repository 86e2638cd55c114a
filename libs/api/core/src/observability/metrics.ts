import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Prometheus metrics (prom-client), one registry per process so tests can start several apps side by side. */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'baton_http_request_duration_seconds',
    help: 'HTTP request latency',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly graphqlDuration = new Histogram({
    name: 'baton_graphql_operation_duration_seconds',
    help: 'GraphQL operation latency over HTTP',
    labelNames: ['operation_type', 'operation_name', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly wsConnections = new Gauge({
    name: 'baton_ws_connections',
    help: 'Open, acknowledged graphql-ws connections',
    registers: [this.registry],
  });

  readonly wsRefused = new Counter({
    name: 'baton_ws_connections_refused_total',
    help: 'graphql-ws connections refused in onConnect (4403)',
    registers: [this.registry],
  });

  readonly pubsubLag = new Histogram({
    name: 'baton_pubsub_lag_seconds',
    help: 'Time from publish (after commit) to delivery to a subscription on this instance',
    labelNames: ['adapter'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [this.registry],
  });

  readonly workerTicks = new Counter({
    name: 'baton_worker_ticks_total',
    help: 'Worker scheduler loop ticks',
    registers: [this.registry],
  });

  readonly intakeEvents = new Counter({
    name: 'baton_intake_events_total',
    help: 'Inbound items at the webhook edge by provider and outcome (stored, duplicate, rejected)',
    labelNames: ['provider', 'outcome'],
    registers: [this.registry],
  });

  readonly inboundProcessing = new Histogram({
    name: 'baton_inbound_processing_seconds',
    help: 'Time to turn one inbound event into guest, case and message (its savepoint in a batch transaction)',
    labelNames: ['kind', 'outcome'],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly inboundYield = new Counter({
    name: 'baton_inbound_intake_yield_seconds_total',
    help: 'Seconds the inbound worker of an API + worker process held a batch back while webhook intake was busy',
    registers: [this.registry],
  });

  readonly outboundMessages = new Counter({
    name: 'baton_outbound_messages_total',
    help: 'Outbound provider sends by channel and outcome (sent, retry, failed)',
    labelNames: ['channel', 'outcome'],
    registers: [this.registry],
  });

  readonly timersFired = new Counter({
    name: 'baton_timers_fired_total',
    help: 'Durable timers fired (handler ran and the firing committed) by kind',
    labelNames: ['kind'],
    registers: [this.registry],
  });

  readonly timerLag = new Histogram({
    name: 'baton_timer_lag_seconds',
    help: 'Firing lag of durable timers: firing time (recorded in the firing transaction) minus due time',
    labelNames: ['kind'],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers: [this.registry],
  });

  readonly timerFailures = new Counter({
    name: 'baton_timer_failures_total',
    help: 'Durable timer attempts that did not fire, by kind and outcome (retry, dead, unknown_kind, error)',
    labelNames: ['kind', 'outcome'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'baton_' });
  }
}
