import { createClient, type Client } from 'graphql-ws';
import { readonly, ref, type Ref } from 'vue';

/**
 * State of the tab's single graphql-ws connection.
 * `idle`: no subscription, no socket (lazy) · `connecting` · `live`: acknowledged · `offline`: lost, retrying with backoff.
 */
export type RealtimeState = 'idle' | 'connecting' | 'live' | 'offline';

/** Close codes this module sends or reacts to. */
export const RealtimeCloseCode = {
  /** Sent by the API when it refuses the connection's token (docs/api.md). */
  Forbidden: 4403,
  /** Sent by us to reconnect with a new token. Not fatal for graphql-ws, so it retries. */
  Restart: 4205,
  /** Sent by us when the server did not answer a ping in time (graphql-ws retries this code). */
  PongTimeout: 4408,
  /** graphql-ws closes with 1000 when the last subscription ends (lazy mode). */
  Normal: 1000,
} as const;

export interface RealtimeOptions {
  /** Defaults to `ws(s)://<this host>/graphql`. */
  url?: string;
  getAccessToken(): string | null;
  /**
   * Called before reconnecting after the API refused the token (close 4403), with the token it refused.
   * Resolves true when a newer token is available. Must not reject.
   */
  refreshAccessToken(rejectedToken: string | null): Promise<boolean>;
  /** Ping interval; a missing pong within `pongTimeoutMs` closes the socket so the badge does not lie. */
  keepAliveMs?: number;
  pongTimeoutMs?: number;
  webSocketImpl?: unknown;
}

export interface RealtimeConnection {
  /** The graphql-ws client (one per tab; every subscription is multiplexed over it). */
  readonly client: Client;
  readonly state: Readonly<Ref<RealtimeState>>;
  /** Incremented on every acknowledged connection, so consumers can refill what they missed after a reconnect. */
  readonly connectionCount: Readonly<Ref<number>>;
  /** Reconnects if the open connection authenticated with another token than the current one (subscriptions resume). */
  restart(): void;
  dispose(): void;
}

export function defaultRealtimeUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/graphql`;
}

function closeCodeOf(event: unknown): number | null {
  if (typeof event === 'object' && event !== null && 'code' in event) {
    const code = (event as { code: unknown }).code;
    return typeof code === 'number' ? code : null;
  }
  return null;
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Randomised exponential backoff, 0.5 s → 30 s; the first attempt after a deliberate restart is immediate. */
function backoffMs(retries: number): number {
  return Math.min(30_000, 500 * 2 ** retries) + Math.random() * 500;
}

export function createRealtimeConnection(options: RealtimeOptions): RealtimeConnection {
  const state = ref<RealtimeState>('idle');
  const connectionCount = ref(0);
  const pongTimeoutMs = options.pongTimeoutMs ?? 5_000;

  let socket: WebSocket | null = null;
  let acknowledged = false;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  /** 4403 refusals since the last acknowledged connection; one refresh is attempted, a second refusal is final. */
  let refusals = 0;
  /** Set by a 4403, consumed by the next connection_init: refresh the token before sending it. */
  let refreshBeforeConnect = false;
  let restarting = false;
  /** Token sent with the current/last connection_init. */
  let tokenInUse: string | null = null;

  /** Closes an acknowledged socket that authenticated with a token other than the current one. */
  const restartIfStale = (): void => {
    if (acknowledged && socket?.readyState === WebSocket.OPEN && tokenInUse !== options.getAccessToken()) {
      restarting = true;
      socket.close(RealtimeCloseCode.Restart, 'Client restart');
    }
  };

  const client = createClient({
    url: options.url ?? defaultRealtimeUrl(),
    lazy: true,
    lazyCloseTimeout: 1_000,
    keepAlive: options.keepAliveMs ?? 15_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    webSocketImpl: options.webSocketImpl,
    connectionParams: async () => {
      if (refreshBeforeConnect) {
        refreshBeforeConnect = false;
        await options.refreshAccessToken(tokenInUse);
      }
      tokenInUse = options.getAccessToken();
      return tokenInUse ? { authorization: `Bearer ${tokenInUse}` } : {};
    },
    shouldRetry: (errOrCloseEvent) => {
      const code = closeCodeOf(errOrCloseEvent);
      if (code === null) {
        return false; // not a close event: an internal error, graphql-ws reports it to the subscribers
      }
      if (code === RealtimeCloseCode.Forbidden) {
        return refusals <= 1 && options.getAccessToken() !== null;
      }
      return true;
    },
    retryWait: async (retries) => {
      if (restarting) {
        restarting = false;
        return;
      }
      await wait(backoffMs(retries));
    },
    on: {
      connecting: () => {
        state.value = 'connecting';
      },
      opened: (opened) => {
        socket = opened as WebSocket;
        acknowledged = false;
      },
      connected: () => {
        acknowledged = true;
        refusals = 0;
        state.value = 'live';
        connectionCount.value += 1;
        // The token may have changed while connection_init was on its way.
        restartIfStale();
      },
      ping: (received) => {
        if (!received) {
          clearTimeout(pongTimer);
          pongTimer = setTimeout(() => {
            if (socket?.readyState === WebSocket.OPEN) {
              socket.close(RealtimeCloseCode.PongTimeout, 'Pong timeout');
            }
          }, pongTimeoutMs);
        }
      },
      pong: (received) => {
        if (received) {
          clearTimeout(pongTimer);
        }
      },
      closed: (event) => {
        socket = null;
        acknowledged = false;
        clearTimeout(pongTimer);
        const code = closeCodeOf(event);
        if (code === RealtimeCloseCode.Forbidden) {
          refusals += 1;
          refreshBeforeConnect = true;
        }
        if (code === RealtimeCloseCode.Normal) {
          state.value = 'idle';
        } else if (code === RealtimeCloseCode.Restart) {
          state.value = 'connecting';
        } else {
          state.value = 'offline';
        }
      },
    },
  });

  return {
    client,
    state: readonly(state),
    connectionCount: readonly(connectionCount),
    restart() {
      // A socket that is not acknowledged yet is checked again on `connected`; one that has not sent
      // connection_init reads the new token in connectionParams.
      restartIfStale();
    },
    dispose() {
      clearTimeout(pongTimer);
      void client.dispose();
    },
  };
}
