import type { ApolloClient, NormalizedCacheObject } from '@apollo/client/core';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { inject, type App, type InjectionKey } from 'vue';

import { createApolloClient } from './apollo-client';
import { createRealtimeConnection, type RealtimeConnection } from './realtime';
import { createSession, type Session } from './session';
import { createTokenStore, type TokenStore } from './token-store';

export interface BatonClientOptions {
  /** Defaults to `/graphql`. */
  httpUri?: string;
  /** Defaults to `ws(s)://<this host>/graphql`. */
  wsUrl?: string;
  /** Defaults to a localStorage-backed store. */
  tokens?: TokenStore;
}

/** Everything the dashboard needs to talk to the API; one per tab. Install with `app.use(client)`. */
export interface BatonClient {
  readonly apollo: ApolloClient<NormalizedCacheObject>;
  readonly session: Session;
  readonly realtime: RealtimeConnection;
  install(app: App): void;
  dispose(): void;
}

export const BATON_CLIENT: InjectionKey<BatonClient> = Symbol('BatonClient');

export function createBatonClient(options: BatonClientOptions = {}): BatonClient {
  const tokens = options.tokens ?? createTokenStore();
  // The session needs the Apollo client and the links need the session's refresh: bind late.
  let session: Session | null = null;
  const refresh = (rejectedToken: string | null): Promise<boolean> =>
    session ? session.refresh(rejectedToken) : Promise.resolve(false);
  const getAccessToken = (): string | null => tokens.get()?.accessToken ?? null;

  const realtime = createRealtimeConnection({ url: options.wsUrl, getAccessToken, refreshAccessToken: refresh });
  const apollo = createApolloClient({
    httpUri: options.httpUri,
    wsClient: realtime.client,
    getAccessToken,
    refreshSession: refresh,
  });
  session = createSession({ apollo, tokens });

  // The socket authenticates once, at connection_init: reconnect whenever the access token changes
  // (refresh, login, logout, or another tab doing one of those).
  const stopTokenWatch = tokens.onChange((next, previous) => {
    if (next?.accessToken !== previous?.accessToken) {
      realtime.restart();
    }
  });

  const client: BatonClient = {
    apollo,
    session,
    realtime,
    install(app) {
      app.provide(BATON_CLIENT, client);
      app.provide(DefaultApolloClient, apollo);
    },
    dispose() {
      stopTokenWatch();
      realtime.dispose();
      tokens.dispose();
      apollo.stop();
    },
  };
  return client;
}

/** The client installed with `app.use(createBatonClient())`. Call from `setup`. */
export function useBatonClient(): BatonClient {
  const client = inject(BATON_CLIENT, null);
  if (!client) {
    throw new Error('Baton client is not installed: call app.use(createBatonClient()) before mounting.');
  }
  return client;
}
