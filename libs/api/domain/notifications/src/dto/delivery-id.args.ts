import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString } from 'class-validator';

/** One delivery of one hotel. */
@ArgsType()
export class DeliveryIdArgs {
  @Field(() => ID) @IsString() hotelId: string;
  @Field(() => ID) @IsString() id: string;
}
