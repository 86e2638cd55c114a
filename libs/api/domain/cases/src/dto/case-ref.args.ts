import { ArgsType, Field, ID } from '@nestjs/graphql';

@ArgsType()
export class CaseRefArgs {
  @Field(() => ID) hotelId: string;
  @Field(() => ID) id: string;
}
