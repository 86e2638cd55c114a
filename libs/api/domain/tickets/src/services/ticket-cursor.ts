import { isUuid } from '@baton/api/core';
import { TicketsError, ticketsError } from '../tickets.errors';

/**
 * Keyset cursor over (created_at DESC, id DESC). `createdKey` is the timestamp as Postgres prints it in UTC with
 * microseconds, so the comparison is exact (a JavaScript Date would drop the microseconds). Opaque to clients: base64url.
 */
export interface TicketCursor {
  createdKey: string;
  id: string;
}

const KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function encodeTicketCursor(cursor: TicketCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdKey, cursor.id]), 'utf8').toString('base64url');
}

export function decodeTicketCursor(value: string): TicketCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw ticketsError(TicketsError.InvalidCursor, { field: 'after' });
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    typeof parsed[0] !== 'string' ||
    typeof parsed[1] !== 'string' ||
    !KEY.test(parsed[0]) ||
    Number.isNaN(Date.parse(parsed[0])) ||
    !isUuid(parsed[1])
  ) {
    throw ticketsError(TicketsError.InvalidCursor, { field: 'after' });
  }
  return { createdKey: parsed[0], id: parsed[1] };
}
