import { Injectable, Logger } from '@nestjs/common';

type Listener = (dueAt: Date) => void;

/**
 * An in-process nudge: a timer committed in this process with a deadline before the worker's next poll wakes the
 * local runner at that deadline. Carries no state; losing one (crash, a timer written by another process) only means
 * the timer is found by the next poll.
 */
@Injectable()
export class TimerWakeups {
  private readonly logger = new Logger(TimerWakeups.name);
  private readonly listeners: Listener[] = [];

  listen(listener: Listener): () => void {
    this.listeners.push(listener);
    return () => {
      const at = this.listeners.indexOf(listener);
      if (at >= 0) {
        this.listeners.splice(at, 1);
      }
    };
  }

  wakeAt(dueAt: Date): void {
    for (const listener of this.listeners) {
      try {
        listener(dueAt);
      } catch (error) {
        this.logger.error({ err: error }, 'timer wake-up listener failed');
      }
    }
  }
}
