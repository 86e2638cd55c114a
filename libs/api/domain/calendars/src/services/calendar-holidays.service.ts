import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditAction } from '@baton/shared/contracts';
import { AuditWriter, BatonError, RequestContext } from '@baton/api/core';
import { CalendarsError, calendarsError } from '../calendars.errors';
import { BusinessCalendarEntity } from '../entities/business-calendar.entity';
import { CalendarHolidayEntity } from '../entities/calendar-holiday.entity';
import { HolidayEvent, HolidayIcalError, parseHolidayIcal } from '../ical/holiday-ical';
import { MAX_HOLIDAYS } from '../math';
import { HolidayImportResultObject } from '../objects/calendars.objects';
import { auditView, findCalendar, holidaysOf, toCalendarObject, windowsOf } from './calendar-store';

/** Recurring holidays (RRULE) are expanded this many years ahead of the import. */
const RECURRENCE_YEARS = 3;

type Outcome = 'added' | 'updated' | 'unchanged' | 'removed' | 'none';

/** What changes for one event against the days already imported under its UID. */
function outcomeOf(event: HolidayEvent, existing: readonly CalendarHolidayEntity[]): Outcome {
  if (event.dates.length === 0) {
    return existing.length > 0 ? 'removed' : 'none';
  }
  if (existing.length === 0) {
    return 'added';
  }
  const same =
    existing.length === event.dates.length &&
    existing.every((row) => row.name === event.name && event.dates.includes(row.date));
  return same ? 'unchanged' : 'updated';
}

/**
 * iCal import of closed days, idempotent by UID: importing the same file again changes nothing. All-day events close
 * whole days; timed events are skipped (an event's hours say when something happens, not when the desk works).
 */
@Injectable()
export class CalendarHolidaysService {
  constructor(private readonly audit: AuditWriter) {}

  async importIcal(
    ctx: RequestContext,
    hotelId: string,
    calendarId: string,
    text: string,
    now = new Date(),
  ): Promise<HolidayImportResultObject> {
    // The row lock serializes imports and saves of one calendar, so two imports of one file cannot both "add".
    const calendar = await findCalendar(ctx, hotelId, calendarId, true);
    const until = new Date(now);
    until.setUTCFullYear(until.getUTCFullYear() + RECURRENCE_YEARS);
    let parsed: ReturnType<typeof parseHolidayIcal>;
    try {
      parsed = parseHolidayIcal(text, { until: until.toISOString().slice(0, 10) });
    } catch (error) {
      if (error instanceof HolidayIcalError) {
        throw calendarsError(CalendarsError.MalformedIcal, { field: 'ical', problem: error.message });
      }
      throw error;
    }
    const before = (await holidaysOf(ctx, hotelId, [calendar.id])).get(calendar.id) ?? [];
    const byUid = new Map<string, CalendarHolidayEntity[]>();
    before
      .filter((h) => h.uid !== null)
      .forEach((h) => byUid.set(h.uid as string, [...(byUid.get(h.uid as string) ?? []), h]));

    const counts = { added: 0, updated: 0, unchanged: 0, removed: 0 };
    const repo = ctx.tx.getRepository(CalendarHolidayEntity);
    let total = before.length;
    for (const event of parsed.events) {
      const existing = byUid.get(event.uid) ?? [];
      const outcome = outcomeOf(event, existing);
      if (outcome === 'none' || outcome === 'unchanged') {
        counts.unchanged += outcome === 'unchanged' ? 1 : 0;
        continue;
      }
      counts[outcome] += 1;
      await repo.delete({ tenantId: hotelId, calendarId: calendar.id, source: 'ical', uid: event.uid });
      total += event.dates.length - existing.length;
      if (total > MAX_HOLIDAYS) {
        throw BatonError.badInput(`a calendar holds at most ${MAX_HOLIDAYS} holidays`, { field: 'ical' });
      }
      if (event.dates.length > 0) {
        // An all-day event closes its days; a day the hotel had turned into a half day keeps its windows while the
        // feed still lists it (feeds list an arife as a whole day; the hours are the hotel's to set).
        const halfDays = new Map(existing.map((row) => [row.date, windowsOf(row)]));
        await repo.insert(
          event.dates.map((date) => ({
            tenantId: hotelId,
            id: randomUUID(),
            calendarId: calendar.id,
            date,
            name: event.name,
            source: 'ical' as const,
            uid: event.uid,
            windows: halfDays.get(date) ?? [],
          })),
        );
      }
    }

    let current = calendar;
    let after = before;
    if (counts.added + counts.updated + counts.removed > 0) {
      const calendars = ctx.tx.getRepository(BusinessCalendarEntity);
      await calendars.update(
        { tenantId: hotelId, id: calendar.id },
        { version: calendar.version + 1, updatedAt: () => 'now()' },
      );
      current = await calendars.findOneByOrFail({ tenantId: hotelId, id: calendar.id });
      after = (await holidaysOf(ctx, hotelId, [calendar.id])).get(calendar.id) ?? [];
      await this.audit.record(ctx, {
        tenantId: hotelId,
        action: AuditAction.CalendarSaved,
        entityType: 'business_calendar',
        entityId: calendar.id,
        before: auditView(calendar, before),
        after: { ...auditView(current, after), imported: counts },
      });
    }
    return { ...counts, skipped: parsed.skipped.length, calendar: toCalendarObject(current, after) };
  }
}
