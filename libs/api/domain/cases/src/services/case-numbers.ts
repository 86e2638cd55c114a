import { Injectable } from '@nestjs/common';
import { BatonError, RequestContext } from '@baton/api/core';
import { formatCaseNumber } from './case-rules';

/**
 * Case IDs: `<hotel code>-<year in the hotel's time zone>-<sequence>`, gapless per hotel and year.
 * The UPSERT takes the counter row's lock until the case-creating transaction ends, so concurrent creations queue on
 * it and each sees the previous value; a rolled-back creation rolls its increment back too (no gap, no duplicate).
 * Must run inside the transaction that inserts the case.
 */
@Injectable()
export class CaseNumbers {
  async allocate(ctx: RequestContext, hotelId: string, at: Date): Promise<string> {
    ctx.assertInScope(hotelId);
    const hotels: Array<{ code: string; year: number }> = await ctx.tx.query(
      `SELECT code, extract(year FROM ($2::timestamptz AT TIME ZONE time_zone))::int AS year FROM hotel WHERE id = $1`,
      [hotelId, at.toISOString()],
    );
    const hotel = hotels[0];
    if (!hotel) {
      throw BatonError.notFound('Hotel', hotelId);
    }
    const counters: Array<{ last_value: number }> = await ctx.tx.query(
      `INSERT INTO case_counter (tenant_id, year, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (tenant_id, year) DO UPDATE SET last_value = case_counter.last_value + 1
       RETURNING last_value`,
      [hotelId, hotel.year],
    );
    return formatCaseNumber(hotel.code, hotel.year, counters[0].last_value);
  }
}
