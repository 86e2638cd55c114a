import { ErrorCode } from '@baton/shared/contracts';
import type { RequestErrorCode } from '@baton/web/data-access';

const LOGIN_ERROR_KEYS: Readonly<Partial<Record<RequestErrorCode, string>>> = {
  [ErrorCode.Unauthenticated]: 'login.errors.invalidCredentials',
  [ErrorCode.BadUserInput]: 'login.errors.invalidInput',
  [ErrorCode.RateLimited]: 'login.errors.rateLimited',
  NETWORK_ERROR: 'login.errors.network',
};

/** i18n key for a failed sign-in (UNAUTHENTICATED = wrong email or password). */
export function loginErrorKey(code: RequestErrorCode): string {
  return LOGIN_ERROR_KEYS[code] ?? 'login.errors.unknown';
}

/** Where to go after signing in: a same-origin path from `?redirect=`, else the hotels page. */
export function safeRedirect(value: unknown, fallback = '/hotels'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return fallback;
  }
  return value.startsWith('/login') ? fallback : value;
}
