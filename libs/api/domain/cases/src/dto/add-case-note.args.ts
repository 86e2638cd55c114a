import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString, Matches, MaxLength } from 'class-validator';

@ArgsType()
export class AddCaseNoteArgs {
  @Field(() => ID) hotelId: string;
  @Field(() => ID) caseId: string;
  @Field() @IsString() @Matches(/\S/, { message: 'body must not be blank' }) @MaxLength(5000) body: string;
}
