import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
import { AuditAction } from '@baton/shared/contracts';
import { AuditWriter, BatonError, isUuid, RequestContext } from '@baton/api/core';
import { CampaignsError, campaignsError } from '../campaigns.errors';
import { SaveCampaignInput } from '../dto/save-campaign.input';
import { CampaignEntity } from '../entities/campaign.entity';
import { CampaignObject } from '../objects/campaigns.objects';
import { toCampaignObjects } from './campaign-views';
import { loadHotelClock } from './hotel-clock';

const ENTITY_TYPE = 'campaign';
const UNIQUE_VIOLATION = '23505';

/** What the audit trail keeps of a campaign brief. */
function auditView(c: CampaignEntity): Record<string, unknown> {
  return {
    name: c.name,
    utmCampaign: c.utmCampaign,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    offerText: c.offerText,
    channels: c.channels,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { code?: unknown } | undefined)?.code === UNIQUE_VIOLATION
  );
}

/** Campaign briefs of a hotel (campaign is a tenant table); every change is audited. */
@Injectable()
export class CampaignsService {
  constructor(private readonly audit: AuditWriter) {}

  /** Newest start first; `activeOnly`: the campaigns running today in the hotel's time zone (the call center's list). */
  async list(ctx: RequestContext, hotelId: string, activeOnly = false): Promise<CampaignObject[]> {
    const hotel = await loadHotelClock(ctx, hotelId);
    const query = ctx.tx
      .getRepository(CampaignEntity)
      .createQueryBuilder('c')
      .where('c.tenant_id = :hotelId', { hotelId })
      .orderBy('c.starts_on', 'DESC')
      .addOrderBy('c.name', 'ASC')
      .addOrderBy('c.id', 'ASC');
    if (activeOnly) {
      query.andWhere('c.starts_on <= :today AND c.ends_on >= :today', { today: hotel.today });
    }
    return toCampaignObjects(ctx, hotelId, await query.getMany(), hotel.today);
  }

  async get(ctx: RequestContext, hotelId: string, id: string): Promise<CampaignObject> {
    const hotel = await loadHotelClock(ctx, hotelId);
    const campaign = await this.find(ctx, hotelId, id);
    const [object] = await toCampaignObjects(ctx, hotelId, [campaign], hotel.today);
    return object;
  }

  /**
   * For the lead pipeline: the campaign a case's utm_campaign points to (case-insensitive), or null. No NOT_FOUND for
   * an unknown code, since most leads carry none or a foreign one.
   */
  async findByUtm(
    ctx: RequestContext,
    hotelId: string,
    utmCampaign: string,
  ): Promise<{ id: string; utmCampaign: string } | null> {
    ctx.assertInScope(hotelId);
    const code = utmCampaign.trim().toLowerCase();
    if (code === '') {
      return null;
    }
    const campaign = await ctx.tx
      .getRepository(CampaignEntity)
      .findOne({ select: { id: true, utmCampaign: true }, where: { tenantId: hotelId, utmCampaign: code } });
    return campaign ? { id: campaign.id, utmCampaign: campaign.utmCampaign } : null;
  }

  async save(ctx: RequestContext, input: SaveCampaignInput): Promise<CampaignObject> {
    const hotelId = input.hotelId;
    const hotel = await loadHotelClock(ctx, hotelId);
    const before = input.id ? await this.find(ctx, hotelId, input.id, true) : null;
    const id = before?.id ?? randomUUID();
    const taken = await ctx.tx.query<unknown[]>(
      'SELECT 1 FROM campaign WHERE tenant_id = $1 AND utm_campaign = $2 AND id <> $3',
      [hotelId, input.utmCampaign, id],
    );
    if (taken.length > 0) {
      throw campaignsError(CampaignsError.DuplicateUtmCampaign, { field: 'utmCampaign' });
    }
    const fields = {
      name: input.name,
      utmCampaign: input.utmCampaign,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      offerText: input.offerText ?? before?.offerText ?? '',
      channels: input.channels ?? before?.channels ?? [],
    };
    const repo = ctx.tx.getRepository(CampaignEntity);
    try {
      if (before) {
        await repo.update({ tenantId: hotelId, id }, { ...fields, updatedAt: () => 'now()' });
      } else {
        await repo.insert({ tenantId: hotelId, id, ...fields, createdBy: ctx.userId });
      }
    } catch (error) {
      // Two saves racing for one code: the unique index decides, and the loser hears the same CONFLICT.
      if (isUniqueViolation(error)) {
        throw campaignsError(CampaignsError.DuplicateUtmCampaign, { field: 'utmCampaign' });
      }
      throw error;
    }
    const after = await repo.findOneByOrFail({ tenantId: hotelId, id });
    await this.audit.record(ctx, {
      tenantId: hotelId,
      action: AuditAction.CampaignSaved,
      entityType: ENTITY_TYPE,
      entityId: id,
      before: before ? auditView(before) : null,
      after: auditView(after),
    });
    const [object] = await toCampaignObjects(ctx, hotelId, [after], hotel.today);
    return object;
  }

  async delete(ctx: RequestContext, hotelId: string, id: string): Promise<boolean> {
    const campaign = await this.find(ctx, hotelId, id, true);
    await ctx.tx.getRepository(CampaignEntity).delete({ tenantId: hotelId, id: campaign.id });
    await this.audit.record(ctx, {
      tenantId: hotelId,
      action: AuditAction.CampaignDeleted,
      entityType: ENTITY_TYPE,
      entityId: campaign.id,
      before: auditView(campaign),
      after: null,
    });
    return true;
  }

  /** A campaign of an in-scope hotel; another hotel's id, a missing id and a malformed id give the same NOT_FOUND. */
  private async find(ctx: RequestContext, hotelId: string, id: string, lock = false): Promise<CampaignEntity> {
    const campaign =
      ctx.inScope(hotelId) && isUuid(id)
        ? await ctx.tx.getRepository(CampaignEntity).findOne({
            where: { tenantId: hotelId, id },
            ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
          })
        : null;
    if (!campaign) {
      throw BatonError.notFound('Campaign', id);
    }
    return campaign;
  }
}
