/**
 * A push-fed async iterator for one subscriber of a shared, process-wide topic. `return()` (the client unsubscribed
 * or disconnected) detaches it from the topic. Bounded: a slow consumer loses the oldest items (`max`), or, with
 * `conflate`, only ever gets the latest one (right for state snapshots such as the queue counts).
 */
export class LocalFeed<T> implements AsyncIterableIterator<T> {
  private readonly queue: T[] = [];
  private readonly waiting: Array<(result: IteratorResult<T>) => void> = [];
  private closed = false;

  constructor(
    private readonly onClose: () => void,
    private readonly options: { max?: number; conflate?: boolean } = {},
  ) {}

  get isClosed(): boolean {
    return this.closed;
  }

  push(value: T): void {
    if (this.closed) {
      return;
    }
    const waiter = this.waiting.shift();
    if (waiter) {
      waiter({ done: false, value });
      return;
    }
    if (this.options.conflate) {
      this.queue.length = 0;
    }
    this.queue.push(value);
    if (this.queue.length > (this.options.max ?? 1000)) {
      this.queue.shift();
    }
  }

  next(): Promise<IteratorResult<T>> {
    if (this.queue.length > 0) {
      return Promise.resolve({ done: false, value: this.queue.shift() as T });
    }
    if (this.closed) {
      return Promise.resolve({ done: true, value: undefined });
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  return(): Promise<IteratorResult<T>> {
    this.close();
    return Promise.resolve({ done: true, value: undefined });
  }

  throw(error: unknown): Promise<IteratorResult<T>> {
    this.close();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  close(): void {
    if (this.closed) {
      return;
    }
    this.closed = true;
    this.queue.length = 0;
    for (const waiter of this.waiting.splice(0)) {
      waiter({ done: true, value: undefined });
    }
    this.onClose();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}
