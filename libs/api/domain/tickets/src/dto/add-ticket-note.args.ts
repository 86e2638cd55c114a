import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString, Matches, MaxLength } from 'class-validator';

@ArgsType()
export class AddTicketNoteArgs {
  @Field(() => ID) hotelId: string;
  @Field(() => ID) ticketId: string;
  @Field() @IsString() @Matches(/\S/, { message: 'body must not be blank' }) @MaxLength(5000) body: string;
}
