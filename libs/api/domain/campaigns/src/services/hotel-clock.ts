import { BatonError, RequestContext } from '@baton/api/core';

/** A wall-clock reading in one time zone. */
export interface LocalClock {
  /** YYYY-MM-DD */
  date: string;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** What the wall clock shows at `at` in `timeZone` (IANA), via Intl's tz database: no offsets are computed here. */
export function localClock(at: Date, timeZone: string): LocalClock {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    hour: Number(part('hour')),
    minute: Number(part('minute')),
  };
}

/** The hotel facts campaigns and summaries need, plus its local date right now. */
export interface HotelClock {
  id: string;
  name: string;
  code: string;
  locale: string;
  timeZone: string;
  today: string;
  hour: number;
}

/**
 * Reads the hotel row inside the caller's tenant scope (hotel is readable for in-scope ids only). A hotel outside the
 * scope and a missing hotel give the same NOT_FOUND.
 */
export async function loadHotelClock(ctx: RequestContext, hotelId: string, now = new Date()): Promise<HotelClock> {
  ctx.assertInScope(hotelId);
  const rows = await ctx.tx.query<Array<{ name: string; code: string; locale: string; time_zone: string }>>(
    'SELECT name, code, locale, time_zone FROM hotel WHERE id = $1',
    [hotelId],
  );
  const hotel = rows[0];
  if (!hotel) {
    throw BatonError.notFound('Hotel', hotelId);
  }
  const clock = localClock(now, hotel.time_zone);
  return {
    id: hotelId,
    name: hotel.name,
    code: hotel.code,
    locale: hotel.locale,
    timeZone: hotel.time_zone,
    today: clock.date,
    hour: clock.hour,
  };
}

/** Inclusive calendar-day range test on YYYY-MM-DD strings (they sort lexically). */
export function isWithin(day: string, startsOn: string, endsOn: string): boolean {
  return startsOn <= day && day <= endsOn;
}
