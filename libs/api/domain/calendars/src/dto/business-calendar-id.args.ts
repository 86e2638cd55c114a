import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString } from 'class-validator';

/** One calendar of one hotel (read or delete). */
@ArgsType()
export class BusinessCalendarIdArgs {
  @Field(() => ID) @IsString() hotelId: string;
  @Field(() => ID) @IsString() id: string;
}
