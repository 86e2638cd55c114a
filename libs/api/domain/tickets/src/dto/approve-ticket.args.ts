import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';

@ArgsType()
export class ApproveTicketArgs {
  @Field(() => ID) hotelId: string;
  @Field(() => ID) ticketId: string;
  @Field({ description: 'The decision on the content: approved or rejected; either way the approval is resolved' })
  @IsBoolean()
  approved: boolean;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}
