import type { ComputedRef } from 'vue';

import { useBatonClient } from '../baton-client';
import type { MeFields } from '../types';

export interface UseSession {
  readonly isAuthenticated: ComputedRef<boolean>;
  /** Rejects with the Apollo error; read its code with `errorCodeOf` (UNAUTHENTICATED = wrong email or password). */
  login(email: string, password: string): Promise<MeFields>;
  /** Never rejects; the tokens and the Apollo cache are gone afterwards. */
  logout(): Promise<void>;
}

export function useSession(): UseSession {
  const { session } = useBatonClient();
  return {
    isAuthenticated: session.isAuthenticated,
    login: (email, password) => session.login(email, password),
    logout: () => session.logout(),
  };
}
