import { ArgsType, Field, ID } from '@nestjs/graphql';

@ArgsType()
export class AcceptHandoffArgs {
  @Field(() => ID) hotelId: string;
  @Field(() => ID) handoffId: string;
}
