import { RequestContext } from '@baton/api/core';

/**
 * What a message does to its case's counters. Definitions:
 *
 * - Guest message (inbound): sets last_inbound_at; the case starts waiting (waiting_since = the message time) unless
 *   it already waits or the hotel has answered after this message (a late-delivered old message does not reopen the
 *   wait). The message text is appended to the case's full-text document.
 * - Hotel response (outbound: an agent reply queued through replyToCase, or an outbound message/answered call the
 *   intake reports): sets first_response_at / first_response_seconds once (seconds from the case's created_at),
 *   last_outbound_at, and answers the wait: when the case was waiting since at or before the response, waiting_since
 *   is cleared and message_rounds grows by one. One round = the guest wrote, then the hotel answered; several guest
 *   messages before one answer are one round, several answers to one guest message are one round.
 */
export async function applyGuestMessage(
  ctx: RequestContext,
  hotelId: string,
  caseId: string,
  at: Date,
  searchText: string,
  fill: { guestName?: string | null; contact?: string | null; requestText?: string | null } = {},
): Promise<void> {
  await ctx.tx.query(
    `UPDATE guest_case SET
       last_inbound_at = greatest(last_inbound_at, $3::timestamptz),
       waiting_since = CASE
         WHEN waiting_since IS NULL AND (last_outbound_at IS NULL OR last_outbound_at <= $3::timestamptz)
         THEN $3::timestamptz ELSE waiting_since END,
       guest_name = coalesce(nullif(btrim(guest_name), ''), $5),
       contact = coalesce(nullif(btrim(contact), ''), $6),
       request_text = coalesce(nullif(btrim(request_text), ''), $7),
       search = search || to_tsvector('baton_tr', $4),
       updated_at = now()
     WHERE tenant_id = $1 AND id = $2`,
    [
      hotelId,
      caseId,
      at.toISOString(),
      searchText,
      blankToNull(fill.guestName),
      blankToNull(fill.contact),
      blankToNull(fill.requestText),
    ],
  );
}

export async function applyHotelResponse(
  ctx: RequestContext,
  hotelId: string,
  caseId: string,
  at: Date,
  searchText: string,
): Promise<void> {
  await ctx.tx.query(
    `UPDATE guest_case SET
       first_response_at = coalesce(first_response_at, $3::timestamptz),
       first_response_seconds = coalesce(
         first_response_seconds, greatest(0, floor(extract(epoch FROM ($3::timestamptz - created_at))))::int),
       last_outbound_at = greatest(last_outbound_at, $3::timestamptz),
       message_rounds = message_rounds
         + CASE WHEN waiting_since IS NOT NULL AND waiting_since <= $3::timestamptz THEN 1 ELSE 0 END,
       waiting_since = CASE WHEN waiting_since <= $3::timestamptz THEN NULL ELSE waiting_since END,
       search = search || to_tsvector('baton_tr', $4),
       updated_at = now()
     WHERE tenant_id = $1 AND id = $2`,
    [hotelId, caseId, at.toISOString(), searchText],
  );
}

/** Appends text (a new guest name, request text) to the case's full-text document. */
export async function appendSearchText(
  ctx: RequestContext,
  hotelId: string,
  caseId: string,
  text: string,
): Promise<void> {
  if (text.trim() === '') {
    return;
  }
  await ctx.tx.query(
    `UPDATE guest_case SET search = search || to_tsvector('baton_tr', $3) WHERE tenant_id = $1 AND id = $2`,
    [hotelId, caseId, text],
  );
}

export function blankToNull(value: string | null | undefined): string | null {
  return value === null || value === undefined || value.trim() === '' ? null : value.trim();
}

export function searchText(...parts: Array<string | null | undefined>): string {
  return parts.filter((part): part is string => !!part && part.trim() !== '').join(' ');
}
