import { Injectable } from '@nestjs/common';

/** Webhook requests in flight at which this process's intake counts as busy (a few per second never get there). */
const BUSY_IN_FLIGHT = 8;

/**
 * How busy this process's webhook intake is: the provider webhooks it is answering right now. In an `all` process
 * (HTTP and the inbound worker on one event loop) the worker reads it to let acknowledgements go first: every round
 * trip of a batch waits for the event loop behind the requests anyway, so under a burst it yields instead of
 * stretching its transaction (see InboundProcessor).
 */
@Injectable()
export class IntakePressure {
  private inFlight = 0;

  /** Counts a request from now until `res` closes (answered or aborted). */
  track(res: { once(event: 'close', listener: () => void): unknown }): void {
    this.inFlight += 1;
    res.once('close', () => {
      this.inFlight -= 1;
    });
  }

  get busy(): boolean {
    return this.inFlight >= BUSY_IN_FLIGHT;
  }
}
