import { shallowRef, type ShallowRef } from 'vue';

import type { SessionTokens } from './types';

export const SESSION_STORAGE_KEY = 'baton.session';

export type TokenListener = (next: SessionTokens | null, previous: SessionTokens | null) => void;

/**
 * Access + refresh token, persisted in localStorage and kept in step across tabs (`storage` events).
 * Holds no Apollo: the session and the realtime connection listen to `onChange`.
 */
export interface TokenStore {
  /** Reactive view of the current tokens (null = signed out). */
  readonly tokens: Readonly<ShallowRef<SessionTokens | null>>;
  get(): SessionTokens | null;
  set(tokens: SessionTokens): void;
  clear(): void;
  /** Re-reads storage (another tab may have refreshed or signed out) and returns the result. */
  reload(): SessionTokens | null;
  onChange(listener: TokenListener): () => void;
  dispose(): void;
}

function isSessionTokens(value: unknown): value is SessionTokens {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const v = value as Record<string, unknown>;
  return (
    typeof v.accessToken === 'string' &&
    v.accessToken.length > 0 &&
    typeof v.refreshToken === 'string' &&
    v.refreshToken.length > 0 &&
    typeof v.accessTokenExpiresAt === 'string'
  );
}

/** localStorage when the browser lets us use it (it throws in some privacy modes); null otherwise. */
export function browserStorage(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch (error) {
    console.warn('[baton] localStorage is unavailable; the session will not survive a reload', error);
    return null;
  }
}

function parse(raw: string | null): SessionTokens | null {
  if (raw === null) {
    return null;
  }
  try {
    const value: unknown = JSON.parse(raw);
    return isSessionTokens(value) ? value : null;
  } catch {
    // A corrupt entry is treated as "signed out"; it is overwritten on the next login.
    return null;
  }
}

function sameTokens(a: SessionTokens | null, b: SessionTokens | null): boolean {
  return a?.accessToken === b?.accessToken && a?.refreshToken === b?.refreshToken;
}

export function createTokenStore(
  storage: Storage | null = browserStorage(),
  key: string = SESSION_STORAGE_KEY,
): TokenStore {
  const read = (): SessionTokens | null => {
    try {
      return parse(storage?.getItem(key) ?? null);
    } catch (error) {
      console.warn('[baton] cannot read the stored session', error);
      return null;
    }
  };
  const write = (value: SessionTokens | null): void => {
    try {
      if (value) {
        storage?.setItem(key, JSON.stringify(value));
      } else {
        storage?.removeItem(key);
      }
    } catch (error) {
      console.warn('[baton] cannot persist the session', error);
    }
  };

  const tokens = shallowRef<SessionTokens | null>(read());
  const listeners = new Set<TokenListener>();

  const update = (next: SessionTokens | null): void => {
    const previous = tokens.value;
    if (sameTokens(previous, next)) {
      return;
    }
    tokens.value = next;
    for (const listener of listeners) {
      listener(next, previous);
    }
  };

  const onStorage = (event: StorageEvent): void => {
    if (event.storageArea === storage && (event.key === key || event.key === null)) {
      update(read());
    }
  };
  if (typeof window !== 'undefined') {
    window.addEventListener('storage', onStorage);
  }

  return {
    tokens,
    get: () => tokens.value,
    set(next) {
      write(next);
      update(next);
    },
    clear() {
      write(null);
      update(null);
    },
    reload() {
      if (storage) {
        update(read());
      }
      return tokens.value;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      listeners.clear();
      if (typeof window !== 'undefined') {
        window.removeEventListener('storage', onStorage);
      }
    },
  };
}
