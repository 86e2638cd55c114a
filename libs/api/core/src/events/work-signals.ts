import { Injectable, Logger } from '@nestjs/common';

/** Kinds of durable work a process can be nudged about; the rows in Postgres stay the source of truth. */
export enum WorkKind {
  /** inbound_event rows were stored and wait to become guests, messages and cases. */
  Inbound = 'inbound',
  /** outbound case_message rows wait to be sent to a provider. */
  Outbound = 'outbound',
}

type Handler = (hotelId: string) => void;

/**
 * An in-process nudge, so work stored by a request is picked up at once instead of at the next sweep. Losing a nudge
 * (crash, other instance) only delays the work until the worker's sweep claims the row; a nudge carries no data.
 */
@Injectable()
export class WorkSignals {
  private readonly logger = new Logger(WorkSignals.name);
  private readonly handlers = new Map<WorkKind, Handler[]>();

  on(kind: WorkKind, handler: Handler): void {
    this.handlers.set(kind, [...(this.handlers.get(kind) ?? []), handler]);
  }

  notify(kind: WorkKind, hotelId: string): void {
    for (const handler of this.handlers.get(kind) ?? []) {
      try {
        handler(hotelId);
      } catch (error) {
        this.logger.error({ err: error, kind }, 'work signal handler failed');
      }
    }
  }
}
