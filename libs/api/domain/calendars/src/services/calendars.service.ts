import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
import { AuditAction } from '@baton/shared/contracts';
import { AuditWriter, RequestContext } from '@baton/api/core';
import { CalendarsError, calendarsError, invalidCalendar } from '../calendars.errors';
import { CalendarHolidayInput } from '../dto/calendar-holiday.input';
import { CalendarPreviewArgs } from '../dto/calendar-preview.args';
import { SaveBusinessCalendarInput } from '../dto/save-business-calendar.input';
import { BusinessCalendarEntity } from '../entities/business-calendar.entity';
import { CalendarHolidayEntity } from '../entities/calendar-holiday.entity';
import {
  addWorkingTime,
  alwaysOpenWeekly,
  BusinessCalendar,
  BusinessCalendarDef,
  businessCalendarFrom,
  DayWindow,
  isWorkingTime,
  nextWorkingTime,
  validateCalendarDef,
} from '../math';
import { BusinessCalendarObject, CalendarPreviewObject } from '../objects/calendars.objects';
import {
  auditView,
  defOf,
  findCalendar,
  findDefaultCalendar,
  holidaysOf,
  hotelTimeZone,
  toCalendarObject,
  windowsOf,
} from './calendar-store';

const ENTITY_TYPE = 'business_calendar';
const UNIQUE_VIOLATION = '23505';

/** A calendar definition as other libraries get it: the math's def plus which stored calendar it is (null: 24/7). */
export interface HotelCalendarDef extends BusinessCalendarDef {
  id: string | null;
  name: string;
  version: number;
}

/** A holiday as the service handles it between the input (or the stored rows) and the math. */
interface HolidayRow {
  date: string;
  name: string;
  uid: string | null;
  windows: DayWindow[];
}

/** In input order, windows too, so the problems' field paths (holidays.3.windows.1.end) point at what was sent. */
const holidayRowsOf = (input: readonly CalendarHolidayInput[]): HolidayRow[] =>
  input.map((h) => ({
    date: h.date,
    name: h.name,
    uid: h.uid?.trim() || null,
    windows: (h.windows ?? []).map((w) => ({ start: w.start, end: w.end })),
  }));

/**
 * The checks of a definition shared by saving and previewing: every problem of the math (BAD_USER_INPUT naming the
 * fields, e.g. holidays.3.windows.0.end, under `prefix` when the definition is an argument of its own), then a day
 * listed twice; the validated calendar when it passes.
 */
function checkedCalendar(
  def: { timeZone: string; weekly: BusinessCalendarDef['weekly']; holidays: HolidayRow[] },
  prefix = '',
): BusinessCalendar {
  const problems = validateCalendarDef(def);
  if (problems.length > 0) {
    throw invalidCalendar(problems.map((p) => ({ ...p, field: `${prefix}${p.field}` })));
  }
  assertNoDuplicateDays(def.holidays, prefix);
  return businessCalendarFrom(def);
}

function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { code?: unknown } | undefined)?.code === UNIQUE_VIOLATION
  );
}

/** Business-hours calendars of a hotel (tenant tables business_calendar + calendar_holiday); changes are audited. */
@Injectable()
export class CalendarsService {
  constructor(private readonly audit: AuditWriter) {}

  /** The default calendar first, then by name. */
  async list(ctx: RequestContext, hotelId: string): Promise<BusinessCalendarObject[]> {
    await hotelTimeZone(ctx, hotelId);
    const calendars = await ctx.tx.getRepository(BusinessCalendarEntity).find({
      where: { tenantId: hotelId },
      order: { isDefault: 'DESC', name: 'ASC', id: 'ASC' },
    });
    const holidays = await holidaysOf(
      ctx,
      hotelId,
      calendars.map((c) => c.id),
    );
    return calendars.map((c) => toCalendarObject(c, holidays.get(c.id) ?? []));
  }

  async get(ctx: RequestContext, hotelId: string, id: string): Promise<BusinessCalendarObject> {
    const calendar = await findCalendar(ctx, hotelId, id);
    const holidays = await holidaysOf(ctx, hotelId, [calendar.id]);
    return toCalendarObject(calendar, holidays.get(calendar.id) ?? []);
  }

  /**
   * The calendar the SLA engine and automations count in: the given one (NOT_FOUND when it is not this hotel's), else
   * the hotel's default, else 24/7 in the hotel's time zone.
   */
  async forHotel(ctx: RequestContext, hotelId: string, calendarId?: string): Promise<HotelCalendarDef> {
    const timeZone = await hotelTimeZone(ctx, hotelId);
    const calendar = calendarId
      ? await findCalendar(ctx, hotelId, calendarId)
      : await findDefaultCalendar(ctx, hotelId);
    if (!calendar) {
      return { id: null, name: '24/7', version: 0, timeZone, weekly: alwaysOpenWeekly(), holidays: [] };
    }
    const holidays = await holidaysOf(ctx, hotelId, [calendar.id]);
    return {
      id: calendar.id,
      name: calendar.name,
      version: calendar.version,
      ...defOf(calendar, holidays.get(calendar.id) ?? []),
    };
  }

  async save(ctx: RequestContext, input: SaveBusinessCalendarInput): Promise<BusinessCalendarObject> {
    const hotelId = input.hotelId;
    await hotelTimeZone(ctx, hotelId);
    const before = input.id ? await findCalendar(ctx, hotelId, input.id, true) : null;
    if (before && input.version !== null && input.version !== undefined && input.version !== before.version) {
      throw calendarsError(CalendarsError.StaleVersion, { currentVersion: before.version });
    }
    const beforeHolidays = before ? ((await holidaysOf(ctx, hotelId, [before.id])).get(before.id) ?? []) : [];
    const holidays: HolidayRow[] = input.holidays
      ? holidayRowsOf(input.holidays)
      : beforeHolidays.map((h) => ({ date: h.date, name: h.name, uid: h.uid, windows: windowsOf(h) }));
    const normalized = checkedCalendar({ timeZone: input.timeZone, weekly: input.weekly, holidays }).def;
    const id = before?.id ?? randomUUID();
    await this.assertNameFree(ctx, hotelId, input.name, id);
    const isDefault = input.isDefault ?? before?.isDefault ?? (await findDefaultCalendar(ctx, hotelId)) === null;
    const repo = ctx.tx.getRepository(BusinessCalendarEntity);
    try {
      if (isDefault) {
        await repo.update({ tenantId: hotelId, isDefault: true }, { isDefault: false });
      }
      const fields = { name: input.name, timeZone: normalized.timeZone, weekly: normalized.weekly, isDefault };
      if (before) {
        await repo.update(
          { tenantId: hotelId, id },
          { ...fields, version: before.version + 1, updatedAt: () => 'now()' },
        );
      } else {
        await repo.insert({ tenantId: hotelId, id, ...fields, version: 1, createdBy: ctx.userId });
      }
    } catch (error) {
      // Two saves racing for one name (or for the default): the unique index decides, the loser hears CONFLICT.
      if (isUniqueViolation(error)) {
        throw calendarsError(CalendarsError.DuplicateName, { field: 'name' });
      }
      throw error;
    }
    if (input.holidays || !before) {
      await replaceHolidays(ctx, hotelId, id, holidays);
    }
    const after = await repo.findOneByOrFail({ tenantId: hotelId, id });
    const afterHolidays = (await holidaysOf(ctx, hotelId, [id])).get(id) ?? [];
    await this.audit.record(ctx, {
      tenantId: hotelId,
      action: AuditAction.CalendarSaved,
      entityType: ENTITY_TYPE,
      entityId: id,
      before: before ? auditView(before, beforeHolidays) : null,
      after: auditView(after, afterHolidays),
    });
    return toCalendarObject(after, afterHolidays);
  }

  /**
   * Deletes a calendar and its holidays. Refused (CONFLICT) for the default while the hotel has other calendars, so
   * the SLA clocks never silently fall back to 24/7, and for a calendar an SLA policy names.
   */
  async delete(ctx: RequestContext, hotelId: string, id: string): Promise<boolean> {
    const calendar = await findCalendar(ctx, hotelId, id, true);
    if (calendar.isDefault) {
      const others = await ctx.tx.query<unknown[]>(
        'SELECT 1 FROM business_calendar WHERE tenant_id = $1 AND id <> $2 LIMIT 1',
        [hotelId, id],
      );
      if (others.length > 0) {
        throw calendarsError(CalendarsError.DefaultInUse);
      }
    }
    const policies = await policiesUsing(ctx, hotelId, id);
    if (policies.length > 0) {
      throw calendarsError(CalendarsError.UsedByPolicies, { policies });
    }
    const holidays = (await holidaysOf(ctx, hotelId, [id])).get(id) ?? [];
    await ctx.tx.getRepository(BusinessCalendarEntity).delete({ tenantId: hotelId, id });
    await this.audit.record(ctx, {
      tenantId: hotelId,
      action: AuditAction.CalendarDeleted,
      entityType: ENTITY_TYPE,
      entityId: id,
      before: auditView(calendar, holidays),
      after: null,
    });
    return true;
  }

  /**
   * "1 h from Fri 16:30 → Mon 09:30" for the editor: in the unsaved `definition` when one is sent (checked like a save,
   * nothing stored), else in a stored calendar or the hotel's effective one. Either way the hotel must be in scope.
   */
  async preview(ctx: RequestContext, args: CalendarPreviewArgs): Promise<CalendarPreviewObject> {
    const { calendarId, calendar } = await this.previewCalendar(ctx, args);
    return {
      calendarId,
      unsaved: Boolean(args.definition),
      timeZone: calendar.timeZone,
      start: args.start,
      minutes: args.minutes,
      dueAt: addWorkingTime(calendar, args.start, args.minutes * 60_000),
      workingAtStart: isWorkingTime(calendar, args.start),
      workingNow: isWorkingTime(calendar, new Date()),
      nextWorkingAt: nextWorkingTime(calendar, args.start),
    };
  }

  private async previewCalendar(
    ctx: RequestContext,
    args: CalendarPreviewArgs,
  ): Promise<{ calendarId: string | null; calendar: BusinessCalendar }> {
    const definition = args.definition;
    if (!definition) {
      const def = await this.forHotel(ctx, args.hotelId, args.calendarId ?? undefined);
      return { calendarId: def.id, calendar: businessCalendarFrom(def) };
    }
    // Scope first, so another hotel's id answers NOT_FOUND before anything is said about the definition.
    await hotelTimeZone(ctx, args.hotelId);
    const calendarId = args.calendarId ? (await findCalendar(ctx, args.hotelId, args.calendarId)).id : null;
    const holidays = holidayRowsOf(definition.holidays ?? []);
    return { calendarId, calendar: checkedCalendar({ ...definition, holidays }, 'definition.') };
  }

  private async assertNameFree(ctx: RequestContext, hotelId: string, name: string, id: string): Promise<void> {
    const taken = await ctx.tx.query<unknown[]>(
      'SELECT 1 FROM business_calendar WHERE tenant_id = $1 AND name = $2 AND id <> $3',
      [hotelId, name, id],
    );
    if (taken.length > 0) {
      throw calendarsError(CalendarsError.DuplicateName, { field: 'name' });
    }
  }
}

/** A typed-in day listed twice, or an imported day repeated under one UID, is a mistake in the list. */
function assertNoDuplicateDays(holidays: ReadonlyArray<{ date: string; uid: string | null }>, prefix = ''): void {
  const seen = new Set<string>();
  holidays.forEach((h, index) => {
    const key = `${h.uid ?? ''}|${h.date}`;
    if (seen.has(key)) {
      throw calendarsError(CalendarsError.DuplicateHoliday, { field: `${prefix}holidays.${index}.date` });
    }
    seen.add(key);
  });
}

async function replaceHolidays(
  ctx: RequestContext,
  hotelId: string,
  calendarId: string,
  holidays: readonly HolidayRow[],
): Promise<void> {
  const repo = ctx.tx.getRepository(CalendarHolidayEntity);
  await repo.delete({ tenantId: hotelId, calendarId });
  if (holidays.length > 0) {
    await repo.insert(
      holidays.map((h) => ({
        tenantId: hotelId,
        id: randomUUID(),
        calendarId,
        date: h.date,
        name: h.name.trim(),
        source: h.uid ? ('ical' as const) : ('manual' as const),
        uid: h.uid,
        windows: windowsOf(h),
      })),
    );
  }
}

/**
 * Names of the SLA policies that name this calendar. sla_policy belongs to the SLA policy library, which may import
 * this one but not the other way round, so this is a read-only query on the shared table in the same tenant scope.
 */
async function policiesUsing(ctx: RequestContext, hotelId: string, calendarId: string): Promise<string[]> {
  const rows = await ctx.tx.query<Array<{ name: string }>>(
    `SELECT name FROM sla_policy WHERE tenant_id = $1 AND calendar_id = $2 ORDER BY name`,
    [hotelId, calendarId],
  );
  return rows.map((r) => r.name);
}
