import { Injectable } from '@nestjs/common';
import { ErrorCode, SlaTimeBasis } from '@baton/shared/contracts';
import { BatonError, RequestContext } from '@baton/api/core';
import { BusinessCalendar, businessCalendarFrom, CalendarsService } from '@baton/api/domain/calendars';

/**
 * The business calendar a clock counts in (null for calendar-time clocks: the math counts around the clock). Read once
 * per transaction and calendar, since a list of clocks of one hotel shares them. A calendar deleted after the clock
 * started falls back to the hotel's default one.
 */
@Injectable()
export class SlaCalendars {
  private readonly cache = new WeakMap<RequestContext, Map<string, Promise<BusinessCalendar>>>();

  constructor(private readonly calendars: CalendarsService) {}

  async forClock(
    ctx: RequestContext,
    hotelId: string,
    basis: SlaTimeBasis,
    calendarId: string | null,
  ): Promise<BusinessCalendar | null> {
    if (basis === SlaTimeBasis.Calendar) {
      return null;
    }
    let perCtx = this.cache.get(ctx);
    if (!perCtx) {
      perCtx = new Map();
      this.cache.set(ctx, perCtx);
    }
    const key = `${hotelId}:${calendarId ?? ''}`;
    let calendar = perCtx.get(key);
    if (!calendar) {
      calendar = this.load(ctx, hotelId, calendarId);
      perCtx.set(key, calendar);
    }
    return calendar;
  }

  private async load(ctx: RequestContext, hotelId: string, calendarId: string | null): Promise<BusinessCalendar> {
    try {
      return businessCalendarFrom(await this.calendars.forHotel(ctx, hotelId, calendarId ?? undefined));
    } catch (error) {
      if (!(calendarId && error instanceof BatonError && error.code === ErrorCode.NotFound)) {
        throw error;
      }
      return businessCalendarFrom(await this.calendars.forHotel(ctx, hotelId));
    }
  }
}
