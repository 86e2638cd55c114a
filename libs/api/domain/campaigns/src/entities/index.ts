export * from './campaign.entity';
export * from './daily-summary.entity';
export * from './daily-summary.content';

import { CampaignEntity } from './campaign.entity';
import { DailySummaryEntity } from './daily-summary.entity';

export const CAMPAIGNS_ENTITIES = [CampaignEntity, DailySummaryEntity];
