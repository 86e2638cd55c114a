import { ArgsType, Field, ID } from '@nestjs/graphql';

@ArgsType()
export class RemoveMembershipArgs {
  @Field(() => ID) hotelId: string;
  @Field(() => ID) userId: string;
}
