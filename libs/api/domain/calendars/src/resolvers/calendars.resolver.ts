import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@baton/shared/contracts';
import { Allow, Ctx, RequestContext } from '@baton/api/core';
import { BusinessCalendarIdArgs } from '../dto/business-calendar-id.args';
import { BusinessCalendarsArgs } from '../dto/business-calendars.args';
import { CalendarPreviewArgs } from '../dto/calendar-preview.args';
import { ImportHolidaysArgs } from '../dto/import-holidays.args';
import { SaveBusinessCalendarInput } from '../dto/save-business-calendar.input';
import { BusinessCalendarObject, CalendarPreviewObject, HolidayImportResultObject } from '../objects/calendars.objects';
import { CalendarHolidaysService } from '../services/calendar-holidays.service';
import { CalendarsService } from '../services/calendars.service';

@Resolver(() => BusinessCalendarObject)
export class CalendarsResolver {
  constructor(
    private readonly calendars: CalendarsService,
    private readonly holidays: CalendarHolidaysService,
  ) {}

  @Query(() => [BusinessCalendarObject], { description: "The hotel's business-hours calendars, default first" })
  @Allow(Permission.CasesRead)
  businessCalendars(
    @Ctx() ctx: RequestContext,
    @Args() args: BusinessCalendarsArgs,
  ): Promise<BusinessCalendarObject[]> {
    return this.calendars.list(ctx, args.hotelId);
  }

  @Query(() => BusinessCalendarObject)
  @Allow(Permission.CasesRead)
  businessCalendar(@Ctx() ctx: RequestContext, @Args() args: BusinessCalendarIdArgs): Promise<BusinessCalendarObject> {
    return this.calendars.get(ctx, args.hotelId, args.id);
  }

  @Query(() => CalendarPreviewObject, { description: 'When `minutes` of working time from `start` fall due' })
  @Allow(Permission.CasesRead)
  calendarPreview(@Ctx() ctx: RequestContext, @Args() args: CalendarPreviewArgs): Promise<CalendarPreviewObject> {
    return this.calendars.preview(ctx, args);
  }

  @Mutation(() => BusinessCalendarObject, {
    description: 'Creates (no id) or updates a calendar; BAD_USER_INPUT names the bad field (timeZone, weekly.2.end…)',
  })
  @Allow(Permission.WorkflowsManage)
  saveBusinessCalendar(
    @Ctx() ctx: RequestContext,
    @Args('input') input: SaveBusinessCalendarInput,
  ): Promise<BusinessCalendarObject> {
    return this.calendars.save(ctx, input);
  }

  @Mutation(() => Boolean, { description: 'CONFLICT for the default (while others exist) or one an SLA policy uses' })
  @Allow(Permission.WorkflowsManage)
  deleteBusinessCalendar(@Ctx() ctx: RequestContext, @Args() args: BusinessCalendarIdArgs): Promise<boolean> {
    return this.calendars.delete(ctx, args.hotelId, args.id);
  }

  @Mutation(() => HolidayImportResultObject, { description: 'Imports all-day events of an .ics text, by UID' })
  @Allow(Permission.WorkflowsManage)
  importHolidays(@Ctx() ctx: RequestContext, @Args() args: ImportHolidaysArgs): Promise<HolidayImportResultObject> {
    return this.holidays.importIcal(ctx, args.hotelId, args.calendarId, args.ical);
  }
}
