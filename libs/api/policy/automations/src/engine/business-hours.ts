import { Injectable } from '@nestjs/common';
import { RequestContext } from '@baton/api/core';
import { businessCalendarFrom, CalendarsService, isWorkingTime } from '@baton/api/domain/calendars';

/** "Inside / outside business hours" of the hotel's default calendar (24/7 in its zone when it has none). */
@Injectable()
export class BusinessHours {
  constructor(private readonly calendars: CalendarsService) {}

  /** A predicate over instants, for one hotel (the dry-run asks it for every replayed event). */
  async forHotel(ctx: RequestContext, hotelId: string): Promise<(at: Date) => boolean> {
    const def = await this.calendars.forHotel(ctx, hotelId);
    const calendar = businessCalendarFrom(def);
    return (at) => isWorkingTime(calendar, at);
  }
}
