import { In } from 'typeorm';
import { BatonError, isUuid, RequestContext } from '@baton/api/core';
import { BusinessCalendarEntity } from '../entities/business-calendar.entity';
import { CalendarHolidayEntity } from '../entities/calendar-holiday.entity';
import { businessCalendarFrom, BusinessCalendarDef, DayWindow } from '../math';
import { BusinessCalendarObject } from '../objects/calendars.objects';

/**
 * The hotel's IANA zone, read inside the caller's tenant scope (the hotel table belongs to tenancy; domain libraries do
 * not import each other, so this is one plain read). Another hotel and a missing hotel give the same NOT_FOUND.
 */
export async function hotelTimeZone(ctx: RequestContext, hotelId: string): Promise<string> {
  ctx.assertInScope(hotelId);
  const rows = await ctx.tx.query<Array<{ time_zone: string }>>('SELECT time_zone FROM hotel WHERE id = $1', [hotelId]);
  if (!rows[0]) {
    throw BatonError.notFound('Hotel', hotelId);
  }
  return rows[0].time_zone;
}

/** A calendar of an in-scope hotel; another hotel's id, a missing id and a malformed id give the same NOT_FOUND. */
export async function findCalendar(
  ctx: RequestContext,
  hotelId: string,
  id: string,
  lock = false,
): Promise<BusinessCalendarEntity> {
  const calendar =
    ctx.inScope(hotelId) && isUuid(id)
      ? await ctx.tx.getRepository(BusinessCalendarEntity).findOne({
          where: { tenantId: hotelId, id },
          ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
        })
      : null;
  if (!calendar) {
    throw BatonError.notFound('BusinessCalendar', id);
  }
  return calendar;
}

/** The hotel's default calendar, or null. */
export function findDefaultCalendar(ctx: RequestContext, hotelId: string): Promise<BusinessCalendarEntity | null> {
  return ctx.tx.getRepository(BusinessCalendarEntity).findOne({ where: { tenantId: hotelId, isDefault: true } });
}

/** Holidays of several calendars in one query, by calendar id, each list by date. */
export async function holidaysOf(
  ctx: RequestContext,
  hotelId: string,
  calendarIds: readonly string[],
): Promise<Map<string, CalendarHolidayEntity[]>> {
  const out = new Map<string, CalendarHolidayEntity[]>(calendarIds.map((id) => [id, []]));
  if (calendarIds.length === 0) {
    return out;
  }
  const rows = await ctx.tx.getRepository(CalendarHolidayEntity).find({
    where: { tenantId: hotelId, calendarId: In([...calendarIds]) },
    order: { date: 'ASC', name: 'ASC' },
  });
  rows.forEach((row) => out.get(row.calendarId)?.push(row));
  return out;
}

/** The math's definition of a stored calendar. */
export function defOf(
  calendar: BusinessCalendarEntity,
  holidays: readonly CalendarHolidayEntity[],
): BusinessCalendarDef {
  return {
    timeZone: calendar.timeZone,
    weekly: calendar.weekly.map((w) => ({ weekday: w.weekday, start: w.start, end: w.end })),
    holidays: holidays.map((h) => ({ date: h.date, name: h.name, windows: windowsOf(h) })),
  };
}

/** A holiday row's working windows by start ([] = closed all day; rows written before half days have []). */
export function windowsOf(holiday: { windows?: readonly DayWindow[] | null }): DayWindow[] {
  return (holiday.windows ?? [])
    .map((w) => ({ start: w.start, end: w.end }))
    .sort((x, y) => x.start.localeCompare(y.start));
}

export function toCalendarObject(
  calendar: BusinessCalendarEntity,
  holidays: readonly CalendarHolidayEntity[],
): BusinessCalendarObject {
  const math = businessCalendarFrom(defOf(calendar, holidays));
  return {
    id: calendar.id,
    hotelId: calendar.tenantId,
    name: calendar.name,
    timeZone: calendar.timeZone,
    weekly: math.def.weekly.map((w) => ({ ...w })),
    holidays: holidays.map((h) => ({
      date: h.date,
      name: h.name,
      source: h.source,
      uid: h.uid,
      windows: windowsOf(h),
    })),
    isDefault: calendar.isDefault,
    version: calendar.version,
    openMinutesPerWeek: math.openMinutesPerWeek,
    createdAt: calendar.createdAt,
    updatedAt: calendar.updatedAt,
  };
}

/** What the audit trail keeps of a calendar. */
export function auditView(
  calendar: BusinessCalendarEntity,
  holidays: readonly CalendarHolidayEntity[],
): Record<string, unknown> {
  return {
    name: calendar.name,
    timeZone: calendar.timeZone,
    weekly: calendar.weekly,
    isDefault: calendar.isDefault,
    version: calendar.version,
    holidays: holidays.map((h) => ({
      date: h.date,
      name: h.name,
      ...(h.uid ? { uid: h.uid } : {}),
      ...(h.windows?.length ? { windows: windowsOf(h) } : {}),
    })),
  };
}
