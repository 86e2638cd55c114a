import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString } from 'class-validator';

/** One campaign of one hotel (read or delete). */
@ArgsType()
export class CampaignIdArgs {
  @Field(() => ID) @IsString() hotelId: string;
  @Field(() => ID) @IsString() id: string;
}
