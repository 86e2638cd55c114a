import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';

@ArgsType()
export class ConfirmTicketClosureArgs {
  @Field(() => ID) hotelId: string;
  @Field(() => ID) ticketId: string;
  @Field({ description: 'true: the guest confirmed (closed, guest_confirmed); false: not fixed (back in progress)' })
  @IsBoolean()
  confirmed: boolean;
  @Field(() => String, { nullable: true, description: 'Stored on the transition, e.g. what the guest said' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}
