import { Injectable } from '@nestjs/common';
import { BatonError, RequestContext } from '@baton/api/core';
import { formatTicketNumber } from './ticket-rules';

/**
 * Ticket numbers: `<hotel code>-T-<sequence>`, gapless per hotel. The UPSERT takes the counter row's lock until the
 * creating transaction ends, so concurrent creations queue on it and each sees the previous value; a rolled-back
 * creation rolls its increment back too (no gap, no duplicate). Must run inside the transaction that inserts the ticket.
 */
@Injectable()
export class TicketNumbers {
  async allocate(ctx: RequestContext, hotelId: string): Promise<string> {
    ctx.assertInScope(hotelId);
    const hotels: Array<{ code: string }> = await ctx.tx.query(`SELECT code FROM hotel WHERE id = $1`, [hotelId]);
    if (!hotels[0]) {
      throw BatonError.notFound('Hotel', hotelId);
    }
    const counters: Array<{ last_value: number }> = await ctx.tx.query(
      `INSERT INTO ticket_counter (tenant_id, last_value) VALUES ($1, 1)
       ON CONFLICT (tenant_id) DO UPDATE SET last_value = ticket_counter.last_value + 1
       RETURNING last_value`,
      [hotelId],
    );
    return formatTicketNumber(hotels[0].code, counters[0].last_value);
  }
}
