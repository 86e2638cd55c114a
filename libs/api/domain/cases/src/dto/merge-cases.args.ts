import { ArgsType, Field, ID } from '@nestjs/graphql';

@ArgsType()
export class MergeCasesArgs {
  @Field(() => ID) hotelId: string;
  @Field(() => ID, { description: 'Keeps its number and receives the messages, notes and handoffs' })
  survivorId: string;
  @Field(() => ID, { description: 'Closed, with mergedIntoId pointing at the survivor' }) mergedId: string;
}
