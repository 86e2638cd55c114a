import { Module } from '@nestjs/common';
import { CampaignsModule } from '@baton/api/domain/campaigns';
import { CasesModule } from '@baton/api/domain/cases';
import { GuestsModule } from '@baton/api/domain/guests';
import { IntakeModule } from '@baton/api/domain/intake';
import { InboundProcessor } from './inbound/inbound-processor';
import { OutboundDispatcher } from './outbound/outbound-dispatcher';
import { WorkNudges } from './work-nudges';

/**
 * The conversation pipeline between domains: inbound events (intake) → guest (guests) → case and message (cases,
 * campaigns); agents' replies (cases) → provider senders (intake). Domains never import each other; this policy
 * library is the only place that knows all four.
 */
@Module({
  imports: [IntakeModule, GuestsModule, CasesModule, CampaignsModule],
  providers: [WorkNudges, InboundProcessor, OutboundDispatcher],
  exports: [InboundProcessor, OutboundDispatcher],
})
export class ConversationsModule {}
