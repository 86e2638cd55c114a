import { Injectable, Logger } from '@nestjs/common';

/**
 * An in-process nudge: a delivery committed in this process starts at once when this process also runs the worker
 * (roles `all` and `worker`: timers and automations enqueue there). Elsewhere nobody listens and the worker's poll
 * (DELIVERY_POLL_MS, ≤ 1 s) picks the row up. A nudge carries no data; the row in Postgres is the truth.
 */
@Injectable()
export class DeliveryKicks {
  private readonly logger = new Logger(DeliveryKicks.name);
  private listener: ((hotelId: string) => void) | null = null;

  listen(listener: (hotelId: string) => void): void {
    this.listener = listener;
  }

  kick(hotelId: string): void {
    try {
      this.listener?.(hotelId);
    } catch (error) {
      this.logger.error({ err: error, hotelId }, 'delivery kick failed; the poll will pick the work up');
    }
  }
}
