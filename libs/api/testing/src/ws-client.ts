import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface Collected<T> {
  events: T[];
  errors: unknown[];
  /** Resolves once `count` events arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
  /** Resolves once the subscription completed or errored. */
  done: Promise<void>;
  stop(): void;
}

/** A graphql-ws client as a third party would use it: credential in connectionParams. */
export function wsClient(
  wsUrl: string,
  token: string | null,
  onClose?: (code: number, reason: string) => void,
): Client {
  return createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    lazy: true,
    retryAttempts: 0,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    on: {
      closed: (event) =>
        onClose?.((event as { code: number }).code, String((event as { reason?: string }).reason ?? '')),
    },
  });
}

export function collect<T>(client: Client, query: string, variables: Record<string, unknown>): Collected<T> {
  const events: T[] = [];
  const errors: unknown[] = [];
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const waiters: Array<() => void> = [];
  const stop = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        if (value.errors) {
          errors.push(...value.errors);
        }
        if (value.data) {
          events.push(value.data as T);
        }
        waiters.forEach((w) => w());
      },
      error: (error) => {
        errors.push(error);
        waiters.forEach((w) => w());
        finish();
      },
      complete: () => finish(),
    },
  );
  return {
    events,
    errors,
    done,
    stop,
    waitFor(count, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`expected ${count} events, got ${events.length}; errors: ${JSON.stringify(errors)}`)),
          timeoutMs,
        );
        const check = () => {
          if (events.length >= count) {
            clearTimeout(timer);
            resolve(events);
          }
        };
        waiters.push(check);
        check();
      });
    },
  };
}

/** Opens a socket and reports the close code (4403 when the credential is refused). */
export function connectionOutcome(wsUrl: string, token: string | null): Promise<{ acked: boolean; code?: number }> {
  return new Promise((resolve) => {
    const client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 0,
      // The close is the outcome we report; graphql-ws would otherwise print it with console.error.
      onNonLazyError: () => undefined,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      on: {
        connected: () => {
          resolve({ acked: true });
          void client.dispose();
        },
        closed: (event) => resolve({ acked: false, code: (event as { code: number }).code }),
      },
    });
  });
}
