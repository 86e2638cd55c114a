import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CALENDARS_ENTITIES } from './entities';
import { CalendarsResolver } from './resolvers/calendars.resolver';
import { CalendarHolidaysService } from './services/calendar-holidays.service';
import { CalendarsService } from './services/calendars.service';

/**
 * Business-hours calendars. CalendarsService.forHotel is what the SLA engine and automations count in; the pure
 * math (src/math) is exported from the library index for them too.
 */
@Module({
  imports: [TypeOrmModule.forFeature(CALENDARS_ENTITIES)],
  providers: [CalendarsService, CalendarHolidaysService, CalendarsResolver],
  exports: [CalendarsService],
})
export class CalendarsModule {}
