import type { ResolvedPrincipal } from '../context/principal';

/**
 * Turns a bearer credential (JWT access token, API key, wallboard token) into a principal with its grants.
 * Implemented by the tenancy domain; core only knows the port, so the dependency points the right way.
 * Throws BatonError(UNAUTHENTICATED) with a precise message for expired, forged or revoked credentials.
 */
export abstract class PrincipalResolver {
  abstract resolve(credential: string): Promise<ResolvedPrincipal>;
}

export function bearerFrom(value: unknown): string | null {
  if (typeof value !== 'string') {
    return null;
  }
  const match = /^Bearer\s+(\S+)$/i.exec(value.trim());
  return match ? match[1] : null;
}
