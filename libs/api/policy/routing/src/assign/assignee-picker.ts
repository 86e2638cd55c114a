import { Injectable } from '@nestjs/common';
import { OPEN_CASE_STATUSES } from '@baton/shared/contracts';
import { RequestContext } from '@baton/api/core';

/** Ticket statuses that still ask something of their owner. */
const OPEN_TICKET_STATUSES = ['open', 'in_progress'];

/**
 * Which of a party's people gets the next piece of work: the one with the fewest open cases and tickets; on a tie,
 * the one whose newest open work is oldest (so equal loads take turns); then by id, so the choice is stable. There is
 * no roster of who is on shift, so load is the fairest signal the data holds.
 */
@Injectable()
export class AssigneePicker {
  async pick(ctx: RequestContext, hotelId: string, userIds: readonly string[]): Promise<string | null> {
    if (userIds.length <= 1) {
      return userIds[0] ?? null;
    }
    const [chosen]: Array<{ id: string }> = await ctx.tx.query(
      `SELECT u.id
         FROM unnest($2::uuid[]) AS u(id)
         LEFT JOIN LATERAL (
           SELECT count(*) AS open, max(created_at) AS newest FROM guest_case
            WHERE tenant_id = $1 AND owner_id = u.id AND status = ANY ($3::text[]) AND merged_into_id IS NULL
         ) c ON true
         LEFT JOIN LATERAL (
           SELECT count(*) AS open, max(created_at) AS newest FROM ticket
            WHERE tenant_id = $1 AND owner_id = u.id AND status = ANY ($4::text[])
         ) t ON true
        ORDER BY c.open + t.open, greatest(c.newest, t.newest) NULLS FIRST, u.id
        LIMIT 1`,
      [hotelId, [...new Set(userIds)], OPEN_CASE_STATUSES, OPEN_TICKET_STATUSES],
    );
    return chosen?.id ?? null;
  }
}
