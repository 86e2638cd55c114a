import { CaseStatus } from '@baton/shared/contracts';
import { RequestContext } from '@baton/api/core';
import { CampaignObject } from '../objects/campaigns.objects';
import { isWithin } from './hotel-clock';

/** The stored fields of a campaign (a CampaignEntity, or a snapshot kept in a daily summary). */
export interface CampaignFacts {
  id: string;
  name: string;
  utmCampaign: string;
  startsOn: string;
  endsOn: string;
  offerText: string;
  channels: string[];
  createdAt: Date | string;
  updatedAt: Date | string;
}

export interface LeadTally {
  leads: number;
  won: number;
}

/**
 * Leads and won leads per campaign code, for a whole list in one query (no N+1).
 * guest_case belongs to the cases library; domain libraries never import each other, so this read-only count is plain
 * SQL on the shared table inside the same tenant scope (the accepted way for this aggregate). Codes match
 * case-insensitively, and a case merged into another is not counted twice.
 */
export async function countLeads(
  ctx: RequestContext,
  hotelId: string,
  utmCampaigns: readonly string[],
): Promise<Map<string, LeadTally>> {
  const codes = [...new Set(utmCampaigns)];
  if (codes.length === 0) {
    return new Map();
  }
  const rows = await ctx.tx.query<Array<{ utm: string; leads: number; won: number }>>(
    `SELECT lower(utm_campaign) AS utm, count(*)::int AS leads, count(*) FILTER (WHERE status = $3)::int AS won
       FROM guest_case
      WHERE tenant_id = $1 AND lower(utm_campaign) = ANY ($2::text[]) AND merged_into_id IS NULL
      GROUP BY 1`,
    [hotelId, codes, CaseStatus.Won],
  );
  return new Map(rows.map((r) => [r.utm, { leads: r.leads, won: r.won }]));
}

export function toCampaignObject(
  hotelId: string,
  campaign: CampaignFacts,
  today: string,
  tally: LeadTally | undefined,
): CampaignObject {
  return {
    id: campaign.id,
    hotelId,
    name: campaign.name,
    utmCampaign: campaign.utmCampaign,
    startsOn: campaign.startsOn,
    endsOn: campaign.endsOn,
    offerText: campaign.offerText,
    channels: campaign.channels,
    active: isWithin(today, campaign.startsOn, campaign.endsOn),
    leadCount: tally?.leads ?? 0,
    wonCount: tally?.won ?? 0,
    createdAt: new Date(campaign.createdAt),
    updatedAt: new Date(campaign.updatedAt),
  };
}

/** Campaign objects for a list: `active` against the hotel's today, counts from one batched query. */
export async function toCampaignObjects(
  ctx: RequestContext,
  hotelId: string,
  campaigns: readonly CampaignFacts[],
  today: string,
): Promise<CampaignObject[]> {
  const tallies = await countLeads(
    ctx,
    hotelId,
    campaigns.map((c) => c.utmCampaign),
  );
  return campaigns.map((c) => toCampaignObject(hotelId, c, today, tallies.get(c.utmCampaign)));
}
