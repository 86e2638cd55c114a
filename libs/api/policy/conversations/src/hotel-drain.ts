import { Logger } from '@nestjs/common';

export type StepOutcome = 'empty' | 'done' | 'failed';

/**
 * Drains one kind of durable work per hotel with a few parallel lanes. Each lane runs `step` over and over: a step
 * claims its rows (one, or a batch) in its own transaction (`FOR UPDATE SKIP LOCKED`), so lanes, and other processes,
 * never take the same row; a kick while a drain runs is remembered and drains again, so a row committed just after a
 * lane saw "empty" is not left for the sweep.
 */
export class HotelDrain {
  private readonly logger: Logger;
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private stopped = false;
  private sweepTimer: NodeJS.Timeout | null = null;

  constructor(
    name: string,
    private readonly lanes: number,
    private readonly step: (hotelId: string) => Promise<StepOutcome>,
  ) {
    this.logger = new Logger(name);
  }

  kick(hotelId: string): void {
    if (this.stopped) {
      return;
    }
    if (this.running.has(hotelId)) {
      this.again.add(hotelId);
      return;
    }
    const run = this.drain(hotelId)
      .catch((error: unknown) => this.logger.error({ err: error, hotelId }, 'drain failed'))
      .finally(() => {
        this.running.delete(hotelId);
        if (this.again.delete(hotelId)) {
          this.kick(hotelId);
        }
      });
    this.running.set(hotelId, run);
  }

  /**
   * Every `intervalMs`, asks `findDue` which hotels have work that no nudge reached (crash, restart, a retry time
   * that passed) and drains them. Workers only: durable state lives in Postgres, the sweep is what makes it so.
   */
  startSweep(intervalMs: number, findDue: () => Promise<string[]>): void {
    this.sweepTimer = setInterval(() => {
      findDue()
        .then((hotelIds) => hotelIds.forEach((hotelId) => this.kick(hotelId)))
        .catch((error: unknown) => this.logger.error({ err: error }, 'sweep failed'));
    }, intervalMs);
    this.sweepTimer.unref();
  }

  /** Stops taking new work and waits for the rows in flight (their transactions commit or roll back). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.sweepTimer) {
      clearInterval(this.sweepTimer);
    }
    await Promise.allSettled([...this.running.values()]);
  }

  private async drain(hotelId: string): Promise<void> {
    await Promise.all(Array.from({ length: this.lanes }, () => this.lane(hotelId)));
  }

  private async lane(hotelId: string): Promise<void> {
    while (!this.stopped) {
      if ((await this.step(hotelId)) === 'empty') {
        return;
      }
    }
  }
}

/** Exponential backoff with a cap: 2 s, 4 s, 8 s … up to 10 min. */
export function backoffMs(attempts: number): number {
  return Math.min(2 ** Math.max(1, attempts) * 1000, 10 * 60 * 1000);
}
