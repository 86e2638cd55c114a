/** What daily_summary.content holds (jsonb). */

/** A campaign as it stood when the summary was generated, so a later edit or delete leaves the summary readable. */
export interface CampaignSnapshot {
  id: string;
  name: string;
  utmCampaign: string;
  startsOn: string;
  endsOn: string;
  offerText: string;
  channels: string[];
  createdAt: string;
  updatedAt: string;
}

export interface LeadCount {
  /** lower-case utm_campaign of the cases, NO_CAMPAIGN for cases without one */
  utmCampaign: string;
  campaignName: string | null;
  leads: number;
  won: number;
}

export interface DailySummaryContent {
  newCampaigns: CampaignSnapshot[];
  leadsByCampaign: LeadCount[];
  openCases: number;
  unassignedCases: number;
  oldestWaitingSeconds: number | null;
}

/** The group of cases that came without a utm_campaign. */
export const NO_CAMPAIGN = '(none)';
