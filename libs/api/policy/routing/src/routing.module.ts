import { Module } from '@nestjs/common';
import { CasesModule } from '@baton/api/domain/cases';
import { NotificationsModule } from '@baton/api/domain/notifications';
import { RaciModule } from '@baton/api/domain/raci';
import { TicketsModule } from '@baton/api/domain/tickets';
import { AssigneePicker } from './assign/assignee-picker';
import { RaciAssignment } from './assign/raci-assignment';
import { RaciConsultation } from './consult/raci-consultation';
import { DigestFactsReader } from './digest/digest-facts';
import { RaciDigests } from './digest/raci-digests';
import { RaciDigestResolver } from './graphql/raci-digest.resolver';
import { RoutingReactor } from './routing.reactor';

/**
 * RACI routing: R gets the assignment (new cases and tickets, handoffs, PMS entry after a won booking), C is asked
 * (handoffs, complaints, approvals, breaches), I gets a daily digest. A breach's escalation to A and the T0 notice to
 * the owner or R are the SLA ladder's.
 */
@Module({
  imports: [CasesModule, TicketsModule, RaciModule, NotificationsModule],
  providers: [
    AssigneePicker,
    RaciAssignment,
    RaciConsultation,
    DigestFactsReader,
    RaciDigests,
    RoutingReactor,
    RaciDigestResolver,
  ],
  exports: [RaciDigests],
})
export class RoutingModule {}
