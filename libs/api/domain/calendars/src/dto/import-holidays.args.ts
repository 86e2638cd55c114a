import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

export const MAX_ICAL_LENGTH = 1_000_000;

@ArgsType()
export class ImportHolidaysArgs {
  @Field(() => ID) @IsString() hotelId: string;
  @Field(() => ID) @IsString() calendarId: string;
  @Field({ description: 'The text of an .ics file; all-day events become closed days (idempotent by UID)' })
  @IsString()
  @MaxLength(MAX_ICAL_LENGTH, { message: `ical must be at most ${MAX_ICAL_LENGTH} characters` })
  ical: string;
}
