import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { TicketStatus } from '@baton/shared/contracts';

@InputType()
export class ChangeTicketStatusInput {
  @Field(() => ID) hotelId: string;
  @Field(() => ID) id: string;
  @Field({ description: 'The next TicketStatus (approvals are resolved through approveTicket)' })
  @IsIn(Object.values(TicketStatus), { message: `status must be one of: ${Object.values(TicketStatus).join(', ')}` })
  status: string;
  @Field(() => String, { nullable: true, description: 'Stored on the transition' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}
