import { Injectable, Logger } from '@nestjs/common';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';
import { BatonConfig } from '../config/baton-config';
import { applyDbScope } from '../db/tenant-scope';
import { Metrics } from '../observability/metrics';
import { TimerBatches } from './timer-batch';
import { readTimerDirectory, TimerDirectory } from './timer-store';
import { TimerWakeups } from './timer-wakeups';

/** The finest grain of the timer loop (the lag it may add to a timer due between two polls). */
const WAKE_GAP_MS = 100;

export interface DrainResult {
  fired: number;
  failed: number;
}

/**
 * The worker's timer loop (the worker's scheduler calls `poll`; state lives in Postgres only). A drain reads which
 * hotels have due timers (one cross-tenant read), then fires them hotel by hotel in batches on a few lanes, most
 * overdue hotel first and round-robin while a hotel has more; it repeats until nothing is due, then waits for the
 * next poll, or for the earliest future timer when that comes sooner (so timers fire on time, not on the poll grid).
 */
@Injectable()
export class TimerRunner {
  private readonly logger = new Logger(TimerRunner.name);
  /** Written into each firing record (fired_by). */
  readonly workerId = `${hostname()}:${process.pid}`;
  private active = false;
  private stopping = false;
  private draining: Promise<unknown> | null = null;
  private again = false;
  private wake: { at: number; timer: NodeJS.Timeout } | null = null;
  private unlisten: (() => void) | null = null;

  constructor(
    private readonly config: BatonConfig,
    private readonly dataSource: DataSource,
    private readonly batches: TimerBatches,
    private readonly wakeups: TimerWakeups,
    private readonly metrics: Metrics,
  ) {}

  /** Worker role only: from now on polls and in-process wake-ups fire timers. */
  start(): void {
    if (this.active) {
      return;
    }
    this.active = true;
    this.stopping = false;
    this.unlisten = this.wakeups.listen((dueAt) => this.wakeAt(dueAt.getTime()));
  }

  /** One tick: drains, or (a drain is running) drains once more right after it, so a tick is never lost. */
  poll(): void {
    if (!this.active) {
      return;
    }
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain()
      .catch((error: unknown) => this.logger.error({ err: error }, 'durable timer drain failed'))
      .finally(() => {
        this.draining = null;
        if (this.again) {
          this.again = false;
          this.poll();
        }
      });
  }

  /** Stops taking timers and waits for the batches in flight to commit or roll back. */
  async stop(): Promise<void> {
    this.active = false;
    this.stopping = true;
    this.unlisten?.();
    this.unlisten = null;
    if (this.wake) {
      clearTimeout(this.wake.timer);
      this.wake = null;
    }
    await this.draining;
  }

  /** Fires everything due now (tests call it directly instead of waiting for a poll). */
  async drain(): Promise<DrainResult> {
    const total: DrainResult = { fired: 0, failed: 0 };
    while (!this.stopping) {
      const directory = await this.directory();
      this.wakeForNext(directory);
      if (directory.due.length === 0) {
        break;
      }
      const round = await this.round(directory.due);
      total.fired += round.fired;
      total.failed += round.failed;
      if (round.claimed === 0) {
        break; // what is due is held by other workers right now
      }
    }
    return total;
  }

  private directory(): Promise<TimerDirectory> {
    return this.dataSource.transaction(async (em) => {
      await applyDbScope(em, { tenantIds: [], timerSweep: true });
      return readTimerDirectory(em);
    });
  }

  /** Each due hotel once (a lone hotel on every lane), round-robin while its batches come back full. */
  private async round(hotels: string[]): Promise<DrainResult & { claimed: number }> {
    const lanes = this.config.TIMER_LANES;
    const size = this.config.TIMER_BATCH_SIZE;
    const queue = Array.from({ length: Math.max(hotels.length, lanes) }, (_, i) => hotels[i % hotels.length]);
    const result = { fired: 0, failed: 0, claimed: 0 };
    const lane = async (): Promise<void> => {
      for (let hotelId = queue.shift(); hotelId && !this.stopping; hotelId = queue.shift()) {
        try {
          const outcome = await this.batches.fire(hotelId, size, this.workerId);
          result.fired += outcome.fired;
          result.failed += outcome.failed;
          result.claimed += outcome.claimed;
          if (outcome.claimed >= size) {
            queue.push(hotelId);
          }
        } catch (error) {
          // The transaction rolled back: its timers are due and unlocked again for the next drain.
          this.metrics.timerFailures.inc({ kind: 'batch', outcome: 'error' });
          this.logger.error({ err: error, hotelId }, 'durable timer batch failed');
        }
      }
    };
    await Promise.all(Array.from({ length: lanes }, lane));
    return result;
  }

  private wakeForNext(directory: TimerDirectory): void {
    if (directory.next) {
      this.wakeIn(directory.next.getTime() - directory.now.getTime());
    }
  }

  private wakeAt(dueAtMs: number): void {
    const delay = dueAtMs - Date.now();
    if (delay <= 0) {
      this.poll();
    } else {
      this.wakeIn(delay);
    }
  }

  /**
   * Arms a one-off wake-up when it comes before the next poll; keeps only the earliest one. Wake-ups are at least
   * WAKE_GAP_MS apart, so a steady trickle of timers is fired in small batches instead of one transaction each.
   */
  private wakeIn(delayMs: number): void {
    if (!this.active || delayMs >= this.config.TIMER_POLL_MS) {
      return;
    }
    const delay = Math.max(WAKE_GAP_MS, delayMs + 1);
    const at = Date.now() + delay;
    if (this.wake && this.wake.at <= at) {
      return;
    }
    if (this.wake) {
      clearTimeout(this.wake.timer);
    }
    const timer = setTimeout(() => {
      this.wake = null;
      this.poll();
    }, delay);
    timer.unref();
    this.wake = { at, timer };
  }
}
