import { Field, InputType } from '@nestjs/graphql';
import { IsString } from 'class-validator';

/** Formats, ranges and overlaps are checked by the calendar math, which names the exact field (holidays.3.windows.0.end). */
@InputType('BusinessCalendarDayWindowInput', { description: "A holiday's own working window, HH:mm–HH:mm" })
export class CalendarDayWindowInput {
  @Field({ description: 'HH:mm' }) @IsString() start: string;
  @Field({ description: "HH:mm after start, or '24:00'" }) @IsString() end: string;
}
