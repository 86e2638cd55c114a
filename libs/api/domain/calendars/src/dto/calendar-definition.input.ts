import { Field, InputType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { MAX_HOLIDAYS, MAX_WINDOWS_PER_DAY } from '../math';
import { CalendarHolidayInput } from './calendar-holiday.input';
import { CalendarWindowInput } from './calendar-window.input';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/**
 * The hours part of a calendar, as the editor has it on screen before saving: checked exactly like
 * saveBusinessCalendar checks it (same limits, same field paths such as weekly.2.end), but never stored.
 */
@InputType('BusinessCalendarDefinitionInput', {
  description: 'An unsaved calendar definition (zone, weekly windows, holidays) to compute with; nothing is stored',
})
export class CalendarDefinitionInput {
  @Field({ description: 'IANA time zone, e.g. Europe/Istanbul' })
  @Transform(trim)
  @IsString()
  @MaxLength(64)
  timeZone: string;

  @Field(() => [CalendarWindowInput], { description: 'Several windows a day for split shifts; no overlaps' })
  @IsArray()
  @ArrayMaxSize(7 * MAX_WINDOWS_PER_DAY)
  @ValidateNested({ each: true })
  @Type(() => CalendarWindowInput)
  weekly: CalendarWindowInput[];

  @Field(() => [CalendarHolidayInput], { nullable: true, description: 'Closed days and half days; omitted: none' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_HOLIDAYS)
  @ValidateNested({ each: true })
  @Type(() => CalendarHolidayInput)
  holidays?: CalendarHolidayInput[] | null;
}
