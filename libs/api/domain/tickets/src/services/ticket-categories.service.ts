import { Injectable } from '@nestjs/common';
import { RequestContext } from '@baton/api/core';
import { TicketCategoryObject } from '../objects/ticket.object';
import { TicketsError, ticketsError } from '../tickets.errors';
import { DEFAULT_TICKET_CATEGORIES } from './ticket-rules';

/**
 * The hotel's ticket categories. A hotel without any is seeded from DEFAULT_TICKET_CATEGORIES on first use
 * (idempotent under concurrency: ON CONFLICT DO NOTHING), so the foreign key of ticket.category always holds.
 */
@Injectable()
export class TicketCategories {
  async list(ctx: RequestContext, hotelId: string): Promise<TicketCategoryObject[]> {
    ctx.assertInScope(hotelId);
    const read = (): Promise<TicketCategoryObject[]> =>
      ctx.tx.query(
        `SELECT code, label_tr AS "labelTr", label_en AS "labelEn", sort, active
           FROM ticket_category WHERE tenant_id = $1 ORDER BY sort, code`,
        [hotelId],
      );
    const rows = await read();
    if (rows.length > 0) {
      return rows;
    }
    await ctx.tx.query(
      `INSERT INTO ticket_category (tenant_id, code, label_tr, label_en, sort)
       SELECT $1, d.code, d.label_tr, d.label_en, d.sort
         FROM unnest($2::text[], $3::text[], $4::text[], $5::int[]) AS d(code, label_tr, label_en, sort)
       ON CONFLICT (tenant_id, code) DO NOTHING`,
      [
        hotelId,
        DEFAULT_TICKET_CATEGORIES.map((c) => c.code),
        DEFAULT_TICKET_CATEGORIES.map((c) => c.labelTr),
        DEFAULT_TICKET_CATEGORIES.map((c) => c.labelEn),
        DEFAULT_TICKET_CATEGORIES.map((_, i) => (i + 1) * 10),
      ],
    );
    return read();
  }

  /** Refuses a code that is not an active category of the hotel (BAD_USER_INPUT naming the code). */
  async assertActive(ctx: RequestContext, hotelId: string, code: string): Promise<void> {
    const categories = await this.list(ctx, hotelId);
    if (!categories.some((category) => category.code === code && category.active)) {
      throw ticketsError(TicketsError.UnknownCategory, { field: 'category', code });
    }
  }
}
