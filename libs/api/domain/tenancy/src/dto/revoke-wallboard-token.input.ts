import { ArgsType, Field, ID } from '@nestjs/graphql';

@ArgsType()
export class RevokeWallboardTokenArgs {
  @Field(() => ID) hotelId: string;
  @Field(() => ID) id: string;
}
