export * from './campaigns.module';
export * from './campaigns.errors';
export * from './daily-summary.options';
export * from './entities';
export * from './objects/campaigns.objects';
export { CampaignsService } from './services/campaigns.service';
export { DailySummaryService } from './services/daily-summary.service';
export { DailySummaryJob } from './jobs/daily-summary.job';
