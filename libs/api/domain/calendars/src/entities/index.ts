export * from './business-calendar.entity';
export * from './calendar-holiday.entity';

import { BusinessCalendarEntity } from './business-calendar.entity';
import { CalendarHolidayEntity } from './calendar-holiday.entity';

export const CALENDARS_ENTITIES = [BusinessCalendarEntity, CalendarHolidayEntity];
