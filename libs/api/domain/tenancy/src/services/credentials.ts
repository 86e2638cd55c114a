import { isUuid, randomSecret } from '@baton/api/core';

/**
 * Credential formats. Each embeds the row id (and for wallboards the hotel id) so the server can find the row and its
 * tenant scope without scanning, then compares the SHA-256 of the secret in constant time.
 *   API key:        bak_<keyId>.<secret>
 *   Wallboard:      bwt_<hotelId>.<tokenId>.<secret>
 *   Refresh token:  brt_<sessionId>.<secret>
 */
export const API_KEY_PREFIX = 'bak_';
export const WALLBOARD_PREFIX = 'bwt_';
export const REFRESH_PREFIX = 'brt_';

export interface ParsedCredential {
  ids: string[];
  secret: string;
}

export function parseCredential(prefix: string, value: string, idCount: number): ParsedCredential | null {
  if (!value.startsWith(prefix)) {
    return null;
  }
  const parts = value.slice(prefix.length).split('.');
  if (parts.length !== idCount + 1) {
    return null;
  }
  const ids = parts.slice(0, idCount);
  const secret = parts[idCount];
  if (!ids.every(isUuid) || secret.length < 32) {
    return null;
  }
  return { ids, secret };
}

export function formatCredential(prefix: string, ids: string[]): { value: string; secret: string } {
  const secret = randomSecret();
  return { value: `${prefix}${[...ids, secret].join('.')}`, secret };
}
