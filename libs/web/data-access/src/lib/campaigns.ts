/** Campaigns and daily summaries: types and documents. */
import { gql, type TypedDocumentNode } from '@apollo/client/core';

import type { DateTimeString } from './types';

export interface Campaign {
  __typename?: 'Campaign';
  id: string;
  hotelId: string;
  name: string;
  utmCampaign: string;
  /** `YYYY-MM-DD` (a calendar date of the hotel, no time zone). */
  startsOn: string;
  endsOn: string;
  offerText: string;
  channels: string[];
  /** Today, in the hotel's time zone, is within [startsOn, endsOn]. */
  active: boolean;
  leadCount: number;
  wonCount: number;
  createdAt: DateTimeString;
  updatedAt: DateTimeString;
}

export interface CampaignLeadCount {
  __typename?: 'CampaignLeadCount';
  utmCampaign: string;
  campaignName: string | null;
  leads: number;
  won: number;
}

export interface DailySummary {
  __typename?: 'DailySummary';
  hotelId: string;
  date: string;
  newCampaigns: Array<Pick<Campaign, '__typename' | 'id' | 'name' | 'utmCampaign'>>;
  leadsByCampaign: CampaignLeadCount[];
  openCases: number;
  unassignedCases: number;
  oldestWaitingSeconds: number | null;
  createdAt: DateTimeString;
  emailedAt: DateTimeString | null;
  emailError: string | null;
}

/** `input SaveCampaignInput` (no id = create). */
export interface SaveCampaignInput {
  hotelId: string;
  id?: string | null;
  name: string;
  utmCampaign: string;
  startsOn: string;
  endsOn: string;
  offerText: string;
  channels: string[];
}

export interface CampaignsQuery {
  campaigns: Campaign[];
}
export interface CampaignsQueryVariables {
  hotelId: string;
  activeOnly?: boolean | null;
}
export interface DailySummariesQuery {
  dailySummaries: DailySummary[];
}
export interface DailySummariesQueryVariables {
  hotelId: string;
  first?: number | null;
}
export interface SaveCampaignMutation {
  saveCampaign: Campaign;
}
export interface DeleteCampaignMutation {
  deleteCampaign: boolean;
}
export interface DeleteCampaignVariables {
  hotelId: string;
  id: string;
}
export interface GenerateDailySummaryMutation {
  generateDailySummary: DailySummary;
}
export interface GenerateDailySummaryVariables {
  hotelId: string;
  date?: string | null;
}

export const CAMPAIGN_FIELDS = gql`
  fragment CampaignFields on Campaign {
    id
    hotelId
    name
    utmCampaign
    startsOn
    endsOn
    offerText
    channels
    active
    leadCount
    wonCount
    createdAt
    updatedAt
  }
`;

const DAILY_SUMMARY_FIELDS = gql`
  fragment DailySummaryFields on DailySummary {
    hotelId
    date
    newCampaigns {
      id
      name
      utmCampaign
    }
    leadsByCampaign {
      utmCampaign
      campaignName
      leads
      won
    }
    openCases
    unassignedCases
    oldestWaitingSeconds
    createdAt
    emailedAt
    emailError
  }
`;

export const CAMPAIGNS_QUERY: TypedDocumentNode<CampaignsQuery, CampaignsQueryVariables> = gql`
  query Campaigns($hotelId: ID!, $activeOnly: Boolean) {
    campaigns(hotelId: $hotelId, activeOnly: $activeOnly) {
      ...CampaignFields
    }
  }
  ${CAMPAIGN_FIELDS}
`;

export const DAILY_SUMMARIES_QUERY: TypedDocumentNode<DailySummariesQuery, DailySummariesQueryVariables> = gql`
  query DailySummaries($hotelId: ID!, $first: Int) {
    dailySummaries(hotelId: $hotelId, first: $first) {
      ...DailySummaryFields
    }
  }
  ${DAILY_SUMMARY_FIELDS}
`;

export const SAVE_CAMPAIGN_MUTATION: TypedDocumentNode<SaveCampaignMutation, { input: SaveCampaignInput }> = gql`
  mutation SaveCampaign($input: SaveCampaignInput!) {
    saveCampaign(input: $input) {
      ...CampaignFields
    }
  }
  ${CAMPAIGN_FIELDS}
`;

export const DELETE_CAMPAIGN_MUTATION: TypedDocumentNode<DeleteCampaignMutation, DeleteCampaignVariables> = gql`
  mutation DeleteCampaign($hotelId: ID!, $id: ID!) {
    deleteCampaign(hotelId: $hotelId, id: $id)
  }
`;

export const GENERATE_DAILY_SUMMARY_MUTATION: TypedDocumentNode<
  GenerateDailySummaryMutation,
  GenerateDailySummaryVariables
> = gql`
  mutation GenerateDailySummary($hotelId: ID!, $date: String) {
    generateDailySummary(hotelId: $hotelId, date: $date) {
      ...DailySummaryFields
    }
  }
  ${DAILY_SUMMARY_FIELDS}
`;
