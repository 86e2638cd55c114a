import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { MAX_HOLIDAYS, MAX_WINDOWS_PER_DAY } from '../math';
import { CalendarHolidayInput } from './calendar-holiday.input';
import { CalendarWindowInput } from './calendar-window.input';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType({ description: 'Creates a calendar (no id) or replaces one (id + the version it was read at)' })
export class SaveBusinessCalendarInput {
  @Field(() => ID) @IsString() hotelId: string;

  @Field(() => ID, { nullable: true, description: 'Omit to create' })
  @IsOptional()
  @IsString()
  id?: string | null;

  @Field(() => Int, { nullable: true, description: 'With id: STALE_VERSION when the calendar changed since' })
  @IsOptional()
  @IsInt()
  version?: number | null;

  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 120, { message: 'name must be 1 to 120 characters' })
  name: string;

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

  @Field(() => [CalendarHolidayInput], {
    nullable: true,
    description: 'The whole list of closed days (replaces it); omitted: none on create, unchanged on update',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_HOLIDAYS)
  @ValidateNested({ each: true })
  @Type(() => CalendarHolidayInput)
  holidays?: CalendarHolidayInput[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Make it the hotel's default; omitted: unchanged (a hotel's first calendar becomes the default)",
  })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean | null;
}
