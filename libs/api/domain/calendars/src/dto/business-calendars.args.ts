import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString } from 'class-validator';

/** The calendars of one hotel. */
@ArgsType()
export class BusinessCalendarsArgs {
  @Field(() => ID) @IsString() hotelId: string;
}
