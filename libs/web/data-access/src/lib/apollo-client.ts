import {
  ApolloClient,
  ApolloLink,
  HttpLink,
  InMemoryCache,
  Observable,
  split,
  type FetchResult,
  type NormalizedCacheObject,
} from '@apollo/client/core';
import { setContext } from '@apollo/client/link/context';
import { onError } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import type { Client as WsClient } from 'graphql-ws';

import { AuthOperationName } from './documents';
import { isUnauthenticated } from './errors';

export interface ApolloFactoryOptions {
  /** Defaults to `/graphql` (same origin; Vite proxies it in development). */
  httpUri?: string;
  wsClient: WsClient;
  getAccessToken(): string | null;
  /** Single-flight refresh; resolves true when a token newer than `rejectedToken` is available. Must not reject. */
  refreshSession(rejectedToken: string | null): Promise<boolean>;
}

/** Context keys the links share. */
interface AuthContext {
  /** Bearer token the request was sent with (null when none). */
  batonAccessToken?: string | null;
  /** Set once the request has been retried after a refresh, so it is never retried twice. */
  batonAuthRetried?: boolean;
}

/** Operations that run without a bearer token. */
const PUBLIC_OPERATIONS = new Set<string>([AuthOperationName.Login, AuthOperationName.RefreshSession]);
/** Operations whose UNAUTHENTICATED answer is final (wrong password, dead refresh token, logout). */
const NO_RETRY_OPERATIONS = new Set<string>([
  AuthOperationName.Login,
  AuthOperationName.RefreshSession,
  AuthOperationName.Logout,
]);

function isSubscription(query: Parameters<typeof getMainDefinition>[0]): boolean {
  const definition = getMainDefinition(query);
  return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
}

/**
 * Apollo client for the dashboard: queries and mutations over HTTP, subscriptions over the tab's graphql-ws client.
 * Link chain: refresh-once-on-UNAUTHENTICATED → bearer token → split(subscription ? ws : http).
 */
export function createApolloClient(options: ApolloFactoryOptions): ApolloClient<NormalizedCacheObject> {
  const httpLink = new HttpLink({ uri: options.httpUri ?? '/graphql', credentials: 'same-origin' });
  const wsLink = new GraphQLWsLink(options.wsClient);

  const authLink = setContext((operation, previous) => {
    if (operation.operationName && PUBLIC_OPERATIONS.has(operation.operationName)) {
      return { batonAccessToken: null } satisfies AuthContext;
    }
    const token = options.getAccessToken();
    const headers = { ...(previous.headers as Record<string, string> | undefined) };
    if (token) {
      headers.authorization = `Bearer ${token}`;
    }
    return { headers, batonAccessToken: token } satisfies AuthContext & { headers: Record<string, string> };
  });

  const refreshLink = onError(({ graphQLErrors, networkError, response, operation, forward }) => {
    const unauthenticated =
      isUnauthenticated({ graphQLErrors }) || (networkError !== undefined && isUnauthenticated({ networkError }));
    const context = operation.getContext() as AuthContext;
    if (
      !unauthenticated ||
      context.batonAuthRetried ||
      (operation.operationName && NO_RETRY_OPERATIONS.has(operation.operationName))
    ) {
      return;
    }
    return new Observable<FetchResult>((observer) => {
      let inner: { unsubscribe(): void } | undefined;
      let closed = false;
      options.refreshSession(context.batonAccessToken ?? null).then(
        (refreshed) => {
          if (closed) {
            return;
          }
          if (!refreshed) {
            // Give the caller the original failure; the session store has already signed out if it had to.
            if (networkError) {
              observer.error(networkError);
            } else {
              observer.next(response ?? { errors: graphQLErrors });
              observer.complete();
            }
            return;
          }
          operation.setContext({ batonAuthRetried: true } satisfies AuthContext);
          inner = forward(operation).subscribe({
            next: (value) => observer.next(value),
            error: (error: unknown) => observer.error(error),
            complete: () => observer.complete(),
          });
        },
        (error: unknown) => observer.error(error),
      );
      return () => {
        closed = true;
        inner?.unsubscribe();
      };
    });
  });

  const transport = split(({ query }) => isSubscription(query), wsLink, httpLink);

  return new ApolloClient({
    link: ApolloLink.from([refreshLink, authLink, transport]),
    cache: new InMemoryCache({
      typePolicies: {
        // `Me` has no id: keep one object under ROOT_QUERY.me and merge updates into it.
        Me: { merge: true },
      },
    }),
    defaultOptions: {
      watchQuery: { fetchPolicy: 'cache-and-network', errorPolicy: 'none' },
      query: { fetchPolicy: 'network-only', errorPolicy: 'none' },
      mutate: { errorPolicy: 'none' },
    },
  });
}
