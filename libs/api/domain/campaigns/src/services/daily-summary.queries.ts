import { HotelRole, OPEN_CASE_STATUSES, CaseStatus } from '@baton/shared/contracts';
import { RequestContext } from '@baton/api/core';
import { CampaignSnapshot, DailySummaryContent, LeadCount, NO_CAMPAIGN } from '../entities/daily-summary.content';
import { HotelClock } from './hotel-clock';

/** Hotel roles that receive the summary by e-mail. */
export const SUMMARY_RECIPIENT_ROLES: readonly HotelRole[] = [HotelRole.Supervisor, HotelRole.Gm, HotelRole.Admin];

/*
 * Local-day boundaries are computed by Postgres (`<local timestamp> AT TIME ZONE <hotel zone>`, its IANA tz database),
 * so DST days come out right and no offset is computed by hand. guest_case belongs to the cases library: these
 * aggregates read it by SQL in the same tenant scope instead of importing that library (domain libs never import
 * each other). Merged-away cases are duplicates of their survivor and are not counted.
 */

/** Campaigns created in the 24 h before `date` at `hour` (hotel-local), plus campaigns starting on `date`. */
async function newCampaigns(
  ctx: RequestContext,
  hotel: HotelClock,
  date: string,
  hour: number,
): Promise<CampaignSnapshot[]> {
  const rows = await ctx.tx.query<
    Array<Omit<CampaignSnapshot, 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date }>
  >(
    `WITH cutoff AS (SELECT ($2::date + make_interval(hours => $4))::timestamp AT TIME ZONE $3 AS at)
     SELECT c.id, c.name, c.utm_campaign AS "utmCampaign", c.starts_on::text AS "startsOn", c.ends_on::text AS "endsOn",
            c.offer_text AS "offerText", c.channels, c.created_at AS "createdAt", c.updated_at AS "updatedAt"
       FROM campaign c, cutoff
      WHERE c.tenant_id = $1
        AND ((c.created_at >= cutoff.at - interval '24 hours' AND c.created_at < cutoff.at) OR c.starts_on = $2::date)
      ORDER BY c.created_at, c.id`,
    [hotel.id, date, hotel.timeZone, hour],
  );
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() }));
}

/** Cases created on the hotel-local day before `date`, by lower-case utm_campaign (none → NO_CAMPAIGN). */
async function leadsByCampaign(ctx: RequestContext, hotel: HotelClock, date: string): Promise<LeadCount[]> {
  return ctx.tx.query<LeadCount[]>(
    `SELECT l.utm AS "utmCampaign", c.name AS "campaignName", l.leads, l.won
       FROM (SELECT coalesce(nullif(lower(trim(g.utm_campaign)), ''), $4) AS utm,
                    count(*)::int AS leads, count(*) FILTER (WHERE g.status = $5)::int AS won
               FROM guest_case g
              WHERE g.tenant_id = $1 AND g.merged_into_id IS NULL
                AND g.created_at >= ($2::date - 1)::timestamp AT TIME ZONE $3
                AND g.created_at < $2::date::timestamp AT TIME ZONE $3
              GROUP BY 1) l
       LEFT JOIN campaign c ON c.tenant_id = $1 AND c.utm_campaign = l.utm
      ORDER BY l.leads DESC, l.utm`,
    [hotel.id, date, hotel.timeZone, NO_CAMPAIGN, CaseStatus.Won],
  );
}

/** The queue as it stands now: open cases, those without an owner, and the longest current wait. */
async function queueNow(
  ctx: RequestContext,
  hotelId: string,
): Promise<Pick<DailySummaryContent, 'openCases' | 'unassignedCases' | 'oldestWaitingSeconds'>> {
  const [row] = await ctx.tx.query<
    Array<{ openCases: number; unassignedCases: number; oldestWaitingSeconds: number | null }>
  >(
    `SELECT count(*)::int AS "openCases", count(*) FILTER (WHERE owner_id IS NULL)::int AS "unassignedCases",
            greatest(0, floor(extract(epoch FROM clock_timestamp() - min(waiting_since))))::int AS "oldestWaitingSeconds"
       FROM guest_case
      WHERE tenant_id = $1 AND status = ANY ($2::text[]) AND merged_into_id IS NULL`,
    [hotelId, OPEN_CASE_STATUSES],
  );
  return row;
}

export async function computeSummaryContent(
  ctx: RequestContext,
  hotel: HotelClock,
  date: string,
  hour: number,
): Promise<DailySummaryContent> {
  return {
    newCampaigns: await newCampaigns(ctx, hotel, date, hour),
    leadsByCampaign: await leadsByCampaign(ctx, hotel, date),
    ...(await queueNow(ctx, hotel.id)),
  };
}

/**
 * E-mail addresses of the hotel's supervisors, GMs and admins (hotel_membership is readable for in-scope hotels;
 * app_user has no RLS). Agency admins and managers are not included: agency_membership is readable only for the
 * caller's own identity, so a tenant-scoped worker cannot see who they are.
 */
export async function summaryRecipients(ctx: RequestContext, hotelId: string): Promise<string[]> {
  const rows = await ctx.tx.query<Array<{ email: string }>>(
    `SELECT DISTINCT u.email
       FROM hotel_membership m JOIN app_user u ON u.id = m.user_id
      WHERE m.hotel_id = $1 AND m.role = ANY ($2::text[]) AND u.disabled_at IS NULL
      ORDER BY u.email`,
    [hotelId, SUMMARY_RECIPIENT_ROLES],
  );
  return rows.map((r) => r.email);
}
