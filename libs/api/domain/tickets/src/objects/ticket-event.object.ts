import { Field, ID, ObjectType } from '@nestjs/graphql';
import { TicketObject } from './ticket.object';

@ObjectType('TicketEvent')
export class TicketEventObject {
  @Field(() => ID) hotelId: string;
  @Field({ description: 'opened, updated, status_changed or note_added' }) kind: string;
  @Field(() => ID) ticketId: string;
  @Field() ticketNumber: string;
  @Field() at: Date;
  @Field(() => TicketObject, { description: 'The ticket as it was right after the change' }) ticket: TicketObject;
}
