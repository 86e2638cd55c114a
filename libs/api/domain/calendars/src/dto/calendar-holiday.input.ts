import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsLocalDate } from './local-date.validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType('BusinessCalendarHolidayInput', { description: 'A closed day; keep uid to keep an imported day imported' })
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
}
