import type { ApolloClient, NormalizedCacheObject } from '@apollo/client/core';
import { ErrorCode } from '@baton/shared/contracts';
import { computed, type ComputedRef, type ShallowRef } from 'vue';

import { LOGIN_MUTATION, LOGOUT_MUTATION, ME_QUERY, REFRESH_SESSION_MUTATION } from './documents';
import { errorCodeOf } from './errors';
import type { TokenStore } from './token-store';
import type { MeFields, SessionTokens } from './types';

export interface Session {
  readonly tokens: Readonly<ShallowRef<SessionTokens | null>>;
  readonly isAuthenticated: ComputedRef<boolean>;
  /** Signs in, stores the tokens, seeds the Apollo cache with `me`. Rejects with the Apollo error (see `errorCodeOf`). */
  login(email: string, password: string): Promise<MeFields>;
  /** Revokes the refresh token (best effort), forgets the tokens and clears the Apollo cache. Never rejects. */
  logout(): Promise<void>;
  /**
   * Exchanges the refresh token once, shared by every caller in the tab and serialized across tabs (Web Locks).
   * `rejectedToken` is the access token the API refused; if the stored token is already newer, nothing is sent.
   * Resolves false when there is no usable session (then tokens are cleared) or the API is unreachable. Never rejects.
   */
  refresh(rejectedToken?: string | null): Promise<boolean>;
}

export interface SessionOptions {
  apollo: ApolloClient<NormalizedCacheObject>;
  tokens: TokenStore;
  /** Cross-tab mutual exclusion for the refresh; defaults to `navigator.locks` when present. */
  locks?: LockManager | null;
}

const REFRESH_LOCK = 'baton.session.refresh';

function toTokens(payload: SessionTokens): SessionTokens {
  return {
    accessToken: payload.accessToken,
    refreshToken: payload.refreshToken,
    accessTokenExpiresAt: payload.accessTokenExpiresAt,
  };
}

export function createSession(options: SessionOptions): Session {
  const { apollo, tokens } = options;
  const locks = options.locks === undefined ? (globalThis.navigator?.locks ?? null) : options.locks;
  let inFlight: Promise<boolean> | null = null;

  async function forget(): Promise<void> {
    tokens.clear();
    await apollo.clearStore();
  }

  async function exchange(rejectedToken: string | null | undefined): Promise<boolean> {
    // Another tab may have rotated the tokens while we waited for the lock.
    const current = tokens.reload();
    if (!current) {
      return false;
    }
    if (rejectedToken !== undefined && rejectedToken !== null && current.accessToken !== rejectedToken) {
      return true;
    }
    try {
      const { data } = await apollo.mutate({
        mutation: REFRESH_SESSION_MUTATION,
        variables: { refreshToken: current.refreshToken },
        fetchPolicy: 'no-cache',
      });
      if (!data) {
        throw new Error('refreshSession returned no data');
      }
      tokens.set(toTokens(data.refreshSession));
      return true;
    } catch (error) {
      const code = errorCodeOf(error);
      if (code === ErrorCode.Unauthenticated || code === ErrorCode.BadUserInput || code === ErrorCode.Forbidden) {
        // The refresh token is dead: the user has to sign in again.
        await forget();
        return false;
      }
      // Network trouble or a server error: keep the tokens, a later request may succeed.
      console.warn('[baton] session refresh failed', error);
      return false;
    }
  }

  async function exchangeExclusively(rejectedToken: string | null | undefined): Promise<boolean> {
    // Refresh tokens rotate: two tabs exchanging the same one would sign each other out.
    return locks ? await locks.request(REFRESH_LOCK, () => exchange(rejectedToken)) : exchange(rejectedToken);
  }

  function refresh(rejectedToken?: string | null): Promise<boolean> {
    if (!inFlight) {
      inFlight = exchangeExclusively(rejectedToken)
        .catch((error: unknown) => {
          console.warn('[baton] session refresh failed', error);
          return false;
        })
        .finally(() => {
          inFlight = null;
        });
    }
    return inFlight;
  }

  async function login(email: string, password: string): Promise<MeFields> {
    const { data } = await apollo.mutate({
      mutation: LOGIN_MUTATION,
      variables: { email, password },
      fetchPolicy: 'no-cache',
    });
    if (!data) {
      throw new Error('login returned no data');
    }
    // Nothing from a previous user may survive into this session.
    await apollo.clearStore();
    tokens.set(toTokens(data.login));
    apollo.writeQuery({ query: ME_QUERY, data: { me: data.login.me } });
    return data.login.me;
  }

  async function logout(): Promise<void> {
    const current = tokens.get();
    if (current) {
      try {
        await apollo.mutate({
          mutation: LOGOUT_MUTATION,
          variables: { refreshToken: current.refreshToken },
          fetchPolicy: 'no-cache',
        });
      } catch (error) {
        // Signing out locally must work offline; the refresh token then simply expires on the server.
        console.warn('[baton] logout request failed; the local session is cleared anyway', error);
      }
    }
    await forget();
  }

  return {
    tokens: tokens.tokens,
    isAuthenticated: computed(() => tokens.tokens.value !== null),
    login,
    logout,
    refresh,
  };
}
