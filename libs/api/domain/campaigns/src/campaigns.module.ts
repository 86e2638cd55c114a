import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DAILY_SUMMARY_OPTIONS, dailySummaryOptions } from './daily-summary.options';
import { CAMPAIGNS_ENTITIES } from './entities';
import { DailySummaryJob } from './jobs/daily-summary.job';
import { CampaignsResolver } from './resolvers/campaigns.resolver';
import { DailySummariesResolver } from './resolvers/daily-summaries.resolver';
import { CampaignsService } from './services/campaigns.service';
import { DailySummaryDelivery } from './services/daily-summary.delivery';
import { DailySummaryService } from './services/daily-summary.service';

/**
 * Campaign briefs and the daily summary. CampaignsService is exported for the lead pipeline (findByUtm). The
 * DailySummaryJob is provided in every role but only scheduled where ScheduleModule runs (the worker).
 */
@Module({
  imports: [TypeOrmModule.forFeature(CAMPAIGNS_ENTITIES)],
  providers: [
    { provide: DAILY_SUMMARY_OPTIONS, useFactory: () => dailySummaryOptions() },
    CampaignsService,
    DailySummaryService,
    DailySummaryDelivery,
    DailySummaryJob,
    CampaignsResolver,
    DailySummariesResolver,
  ],
  exports: [CampaignsService, DailySummaryService],
})
export class CampaignsModule {}
