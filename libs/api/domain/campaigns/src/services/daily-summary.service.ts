import { Inject, Injectable } from '@nestjs/common';
import { AuditAction } from '@baton/shared/contracts';
import { AuditWriter, RequestContext } from '@baton/api/core';
import { CampaignsError, campaignsError } from '../campaigns.errors';
import { DAILY_SUMMARY_OPTIONS, DailySummaryOptions } from '../daily-summary.options';
import { DailySummaryEntity } from '../entities/daily-summary.entity';
import { DailySummaryObject } from '../objects/campaigns.objects';
import { countLeads, toCampaignObject } from './campaign-views';
import { DailySummaryDelivery } from './daily-summary.delivery';
import { renderDailySummaryMail } from './daily-summary.mail';
import { computeSummaryContent, summaryRecipients } from './daily-summary.queries';
import { HotelClock, loadHotelClock } from './hotel-clock';

/**
 * The morning summary of a hotel: generated once per hotel-local day (by the worker, or "run now"), stored, shown
 * in-app through `dailySummaries`, and e-mailed by whichever process inserted it.
 */
@Injectable()
export class DailySummaryService {
  constructor(
    private readonly delivery: DailySummaryDelivery,
    private readonly audit: AuditWriter,
    @Inject(DAILY_SUMMARY_OPTIONS) private readonly options: DailySummaryOptions,
  ) {}

  /** Newest first. */
  async list(ctx: RequestContext, hotelId: string, first = 14): Promise<DailySummaryObject[]> {
    const hotel = await loadHotelClock(ctx, hotelId);
    const rows = await ctx.tx
      .getRepository(DailySummaryEntity)
      .find({ where: { tenantId: hotelId }, order: { summaryDate: 'DESC' }, take: first });
    return this.toObjects(ctx, hotel, rows);
  }

  /**
   * Idempotent per (hotel, date): returns the stored summary when there is one. Otherwise computes it and inserts it
   * with ON CONFLICT DO NOTHING, so of two processes racing for the same day one inserts (and e-mails, after its
   * commit) and the other waits on the row, then finds it. `date` defaults to the hotel's today and may not be later.
   */
  async generate(ctx: RequestContext, hotelId: string, date?: string | null): Promise<DailySummaryObject> {
    const hotel = await loadHotelClock(ctx, hotelId);
    const day = date ?? hotel.today;
    if (day > hotel.today) {
      throw campaignsError(CampaignsError.SummaryDateInFuture, { field: 'date' });
    }
    const row = (await this.find(ctx, hotelId, day)) ?? (await this.insert(ctx, hotel, day)).row;
    const [object] = await this.toObjects(ctx, hotel, [row]);
    return object;
  }

  /**
   * The worker's check for one hotel: from the configured hour (hotel-local) on, make sure today's summary exists.
   * Returns true when this call stored it.
   */
  async generateIfDue(ctx: RequestContext, hotelId: string, now = new Date()): Promise<boolean> {
    const hotel = await loadHotelClock(ctx, hotelId, now);
    if (hotel.hour < this.options.hour || (await this.find(ctx, hotelId, hotel.today))) {
      return false;
    }
    return (await this.insert(ctx, hotel, hotel.today)).inserted;
  }

  private find(ctx: RequestContext, hotelId: string, date: string): Promise<DailySummaryEntity | null> {
    return ctx.tx.getRepository(DailySummaryEntity).findOneBy({ tenantId: hotelId, summaryDate: date });
  }

  private async insert(
    ctx: RequestContext,
    hotel: HotelClock,
    date: string,
  ): Promise<{ row: DailySummaryEntity; inserted: boolean }> {
    const content = await computeSummaryContent(ctx, hotel, date, this.options.hour);
    const stored = await ctx.tx.query<unknown[]>(
      `INSERT INTO daily_summary (tenant_id, summary_date, content) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (tenant_id, summary_date) DO NOTHING RETURNING summary_date`,
      [hotel.id, date, JSON.stringify(content)],
    );
    if (stored.length > 0) {
      const to = await summaryRecipients(ctx, hotel.id);
      const mail = renderDailySummaryMail(hotel, date, content);
      ctx.afterCommit(() => this.delivery.dispatch({ hotelId: hotel.id, date, to, mail }));
      await this.audit.record(ctx, {
        tenantId: hotel.id,
        action: AuditAction.DailySummaryGenerated,
        entityType: 'daily_summary',
        entityId: date,
        before: null,
        after: { date, recipients: to.length, openCases: content.openCases },
      });
    }
    // Inserted here, or by the process that won the race (its commit is what released our INSERT).
    const row = await this.find(ctx, hotel.id, date);
    if (!row) {
      throw new Error(`daily summary ${hotel.id}/${date} missing right after its insert`);
    }
    return { row, inserted: stored.length > 0 };
  }

  /** Campaign counts for every summary of the list in one query. */
  private async toObjects(
    ctx: RequestContext,
    hotel: HotelClock,
    rows: readonly DailySummaryEntity[],
  ): Promise<DailySummaryObject[]> {
    const tallies = await countLeads(
      ctx,
      hotel.id,
      rows.flatMap((r) => r.content.newCampaigns.map((c) => c.utmCampaign)),
    );
    return rows.map((r) => ({
      hotelId: hotel.id,
      date: r.summaryDate,
      newCampaigns: r.content.newCampaigns.map((c) =>
        toCampaignObject(hotel.id, c, hotel.today, tallies.get(c.utmCampaign)),
      ),
      leadsByCampaign: r.content.leadsByCampaign,
      openCases: r.content.openCases,
      unassignedCases: r.content.unassignedCases,
      oldestWaitingSeconds: r.content.oldestWaitingSeconds,
      createdAt: r.createdAt,
      emailedAt: r.emailedAt,
      emailError: r.emailError,
    }));
  }
}
