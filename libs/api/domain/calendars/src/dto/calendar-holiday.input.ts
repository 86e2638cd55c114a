import { Field, InputType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { MAX_WINDOWS_PER_DAY } from '../math';
import { CalendarDayWindowInput } from './calendar-day-window.input';
import { IsLocalDate } from './local-date.validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType('BusinessCalendarHolidayInput', {
  description: 'A closed day, or a half day with its own windows; keep uid to keep an imported day imported',
})
export class CalendarHolidayInput {
  @Field({ description: 'YYYY-MM-DD in the calendar’s time zone' }) @IsLocalDate() date: string;
  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name: string;
  @Field(() => String, { nullable: true, description: 'UID of the iCal event it came from; omit for a typed-in day' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  uid?: string | null;
  @Field(() => [CalendarDayWindowInput], {
    nullable: true,
    description:
      "Working windows of that date instead of the weekday's (an arife: 09:00–13:00); omitted or []: closed all day",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_WINDOWS_PER_DAY)
  @ValidateNested({ each: true })
  @Type(() => CalendarDayWindowInput)
  windows?: CalendarDayWindowInput[] | null;
}
