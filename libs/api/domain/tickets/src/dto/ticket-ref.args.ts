import { ArgsType, Field, ID } from '@nestjs/graphql';

@ArgsType()
export class TicketRefArgs {
  @Field(() => ID) hotelId: string;
  @Field(() => ID) id: string;
}
