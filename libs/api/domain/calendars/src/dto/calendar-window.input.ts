import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsString } from 'class-validator';

/** Formats, ranges and overlaps are checked by the calendar math, which names the exact field (weekly.2.end). */
@InputType('BusinessCalendarWindowInput', { description: 'An opening window: weekday 1 (Mon)–7 (Sun), HH:mm–HH:mm' })
export class CalendarWindowInput {
  @Field(() => Int) @IsInt({ message: 'weekday must be 1 (Monday) to 7 (Sunday)' }) weekday: number;
  @Field({ description: 'HH:mm' }) @IsString() start: string;
  @Field({ description: "HH:mm after start, or '24:00'" }) @IsString() end: string;
}
