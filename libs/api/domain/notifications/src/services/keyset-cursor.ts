import { isUuid } from '@baton/api/core';
import { NotificationsError, notificationsError } from '../notifications.errors';

/**
 * Keyset cursor over (created_at DESC, id DESC). `createdKey` is the timestamp as Postgres prints it in UTC with
 * microseconds (CREATED_KEY_SQL), so the comparison is exact; a JavaScript Date would drop the microseconds.
 */
export interface KeysetCursor {
  createdKey: string;
  id: string;
}

/** SQL expression printing `created_at` of alias `t` as a cursor key. */
export const createdKeySql = (alias: string) =>
  `to_char(${alias}.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdKey, cursor.id]), 'utf8').toString('base64url');
}

export function decodeCursor(value: string): KeysetCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw notificationsError(NotificationsError.InvalidCursor, { field: 'after' });
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    typeof parsed[0] !== 'string' ||
    typeof parsed[1] !== 'string' ||
    !KEY.test(parsed[0]) ||
    !isUuid(parsed[1])
  ) {
    throw notificationsError(NotificationsError.InvalidCursor, { field: 'after' });
  }
  return { createdKey: parsed[0], id: parsed[1] };
}
