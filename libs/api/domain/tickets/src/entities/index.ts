import { TicketNoteEntity, TicketTransitionEntity } from './ticket-history.entities';
import { TicketCategoryEntity, TicketCounterEntity, TicketEntity } from './ticket.entity';

export * from './ticket.entity';
export * from './ticket-history.entities';

export const TICKETS_ENTITIES = [
  TicketEntity,
  TicketCounterEntity,
  TicketCategoryEntity,
  TicketTransitionEntity,
  TicketNoteEntity,
];
