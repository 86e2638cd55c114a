import { ArgsType, Field, ID } from '@nestjs/graphql';

@ArgsType()
export class RetryMessageArgs {
  @Field(() => ID) hotelId: string;
  @Field(() => ID) messageId: string;
}
