import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TICKETS_ENTITIES } from './entities';
import { TicketFieldsResolver } from './resolvers/ticket-fields.resolver';
import { TicketMutationsResolver } from './resolvers/ticket-mutations.resolver';
import { TicketSubscriptionsResolver } from './resolvers/ticket-subscriptions.resolver';
import { TicketsQueryResolver } from './resolvers/tickets-query.resolver';
import { TicketCategories } from './services/ticket-categories.service';
import { TicketEventsHub } from './services/ticket-events.hub';
import { TicketNumbers } from './services/ticket-numbers';
import { TicketPartsLoader } from './services/ticket-parts.loader';
import { TicketQueriesService } from './services/ticket-queries.service';
import { TicketReferences } from './services/ticket-references';
import { TicketWorkflowService } from './services/ticket-workflow.service';
import { TicketsService } from './services/tickets.service';

/**
 * Tickets and tasks: numbering, categories, the status pipeline with closure confirmation (a durable timer closes
 * unanswered tickets), approvals, notes, queries and the live `ticketEvents` subscription. Emits `ticket.*` domain
 * events for the SLA and automation policies.
 */
@Module({
  imports: [TypeOrmModule.forFeature(TICKETS_ENTITIES)],
  providers: [
    TicketNumbers,
    TicketCategories,
    TicketReferences,
    TicketWorkflowService,
    TicketsService,
    TicketQueriesService,
    TicketEventsHub,
    TicketPartsLoader,
    TicketsQueryResolver,
    TicketMutationsResolver,
    TicketFieldsResolver,
    TicketSubscriptionsResolver,
  ],
  exports: [TicketsService, TicketWorkflowService, TicketCategories],
})
export class TicketsModule {}
