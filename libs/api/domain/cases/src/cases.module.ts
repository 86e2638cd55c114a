import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CASES_ENTITIES } from './entities';
import { CaseFieldsResolver } from './resolvers/case-fields.resolver';
import { CaseMessagesResolver } from './resolvers/case-messages.resolver';
import { CaseMutationsResolver } from './resolvers/case-mutations.resolver';
import { CaseSubscriptionsResolver } from './resolvers/case-subscriptions.resolver';
import { CasesQueryResolver } from './resolvers/cases-query.resolver';
import { DictionaryResolver } from './resolvers/dictionary.resolver';
import { CaseEditingService } from './services/case-editing.service';
import { CaseEventsHub } from './services/case-events.hub';
import { CaseIntakeService } from './services/case-intake.service';
import { CaseMergeService } from './services/case-merge.service';
import { CaseNumbers } from './services/case-numbers';
import { CaseOutbox } from './services/case-outbox.service';
import { CasePartsLoader } from './services/case-parts.loader';
import { CaseQueriesService } from './services/case-queries.service';
import { CaseWorkflowService } from './services/case-workflow.service';
import { Dictionaries } from './services/dictionaries.service';
import { HotelMembers } from './services/hotel-members';
import { QueueStateHub } from './services/queue-state.hub';
import { QueueStateService } from './services/queue-state.service';

/**
 * Cases: numbering, intake of inbound messages (CaseIntakeService), the reply outbox (CaseOutbox), the status pipeline,
 * handoffs, notes, assignment, merge, per-hotel dictionaries, queries and live subscriptions.
 */
@Module({
  imports: [TypeOrmModule.forFeature(CASES_ENTITIES)],
  providers: [
    CaseNumbers,
    Dictionaries,
    HotelMembers,
    CaseIntakeService,
    CaseOutbox,
    CaseEditingService,
    CaseWorkflowService,
    CaseMergeService,
    CaseQueriesService,
    QueueStateService,
    CaseEventsHub,
    QueueStateHub,
    CasePartsLoader,
    CasesQueryResolver,
    CaseFieldsResolver,
    CaseMutationsResolver,
    CaseMessagesResolver,
    DictionaryResolver,
    CaseSubscriptionsResolver,
  ],
  exports: [
    CaseIntakeService,
    CaseOutbox,
    CaseNumbers,
    Dictionaries,
    QueueStateService,
    CaseWorkflowService,
    CaseEditingService,
  ],
})
export class CasesModule {}
