import { Module } from '@nestjs/common';
import { CalendarsModule } from '@baton/api/domain/calendars';
import { CasesModule } from '@baton/api/domain/cases';
import { NotificationsModule } from '@baton/api/domain/notifications';
import { RaciModule } from '@baton/api/domain/raci';
import { TicketsModule } from '@baton/api/domain/tickets';
import { SlaCalendars } from './clocks/sla-calendars';
import { SlaClocks } from './clocks/sla-clocks.service';
import { SlaLadder } from './clocks/sla-ladder.service';
import { SlaTargets } from './clocks/sla-targets.loader';
import { CaseSlaReactor } from './engine/case-sla.reactor';
import { SlaEngine } from './engine/sla.engine';
import { TicketSlaReactor } from './engine/ticket-sla.reactor';
import { SlaEventsHub } from './live/sla-events.hub';
import { SlaPoliciesService } from './policy/sla-policies.service';
import { SlaClocksLoader } from './queries/sla-clocks.loader';
import { SlaQueriesService } from './queries/sla-queries.service';
import { SlaClocksResolver } from './resolvers/sla-clocks.resolver';
import { CaseSlaResolver, TicketSlaResolver } from './resolvers/sla-fields.resolver';
import { SlaPoliciesResolver } from './resolvers/sla-policies.resolver';

/**
 * SLA: per-hotel ordered policies, clocks on cases and tickets driven by their domain events (in the transaction of
 * the change), the T0 → reminder → warning → breach ladder on durable timers, and the API (policies, clocks, summary,
 * `slaEvents`, `Case.sla`, `Ticket.sla`).
 */
@Module({
  imports: [CalendarsModule, CasesModule, TicketsModule, RaciModule, NotificationsModule],
  providers: [
    SlaPoliciesService,
    SlaCalendars,
    SlaTargets,
    SlaLadder,
    SlaClocks,
    CaseSlaReactor,
    TicketSlaReactor,
    SlaEngine,
    SlaQueriesService,
    SlaClocksLoader,
    SlaEventsHub,
    SlaPoliciesResolver,
    SlaClocksResolver,
    CaseSlaResolver,
    TicketSlaResolver,
  ],
  exports: [SlaPoliciesService, SlaQueriesService],
})
export class SlaModule {}
