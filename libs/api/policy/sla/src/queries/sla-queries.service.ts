import { Injectable } from '@nestjs/common';
import { SlaMetric } from '@baton/shared/contracts';
import { RequestContext } from '@baton/api/core';
import { loadCase } from '@baton/api/domain/cases';
import { loadTicket } from '@baton/api/domain/tickets';
import { clocksOf, SlaTargetType } from '../clocks/clock-store';
import { SlaCalendars } from '../clocks/sla-calendars';
import { SlaClockObject } from '../objects/sla-clock.object';
import { SlaMetricSummaryObject } from '../objects/sla-summary.object';
import { SlaError, slaError } from '../sla.errors';
import { toClockObject } from './sla-clock-views';

const MAX_RANGE_MS = 366 * 24 * 3600 * 1000;

/** Reads of clocks: per case or ticket (with history), in batches for the `sla` fields, and the period summary. */
@Injectable()
export class SlaQueriesService {
  constructor(private readonly calendars: SlaCalendars) {}

  /** The clocks of one case or ticket, oldest first (`history`: replaced ones too); NOT_FOUND like the target. */
  async clocks(
    ctx: RequestContext,
    hotelId: string,
    targetType: SlaTargetType,
    targetId: string,
    history = false,
  ): Promise<SlaClockObject[]> {
    const id =
      targetType === 'case'
        ? (await loadCase(ctx, hotelId, targetId)).id
        : (await loadTicket(ctx, hotelId, targetId)).id;
    return (await this.current(ctx, hotelId, targetType, [id], history)).get(id) ?? [];
  }

  /** The clocks of several targets of one hotel, by target id; replaced (superseded) clocks only with `history`. */
  async current(
    ctx: RequestContext,
    hotelId: string,
    targetType: SlaTargetType,
    targetIds: string[],
    history = false,
  ): Promise<Map<string, SlaClockObject[]>> {
    ctx.assertInScope(hotelId);
    const now = new Date();
    const out = new Map<string, SlaClockObject[]>();
    for (const row of await clocksOf(ctx, hotelId, targetType, targetIds)) {
      if (row.supersededBy && !history) {
        continue;
      }
      const calendar = await this.calendars.forClock(ctx, hotelId, row.basis, row.calendarId);
      out.set(row.targetId, [...(out.get(row.targetId) ?? []), toClockObject(row, calendar, now)]);
    }
    return out;
  }

  /**
   * Outcomes per metric of the clocks started in [from, to). A clock replaced by a re-evaluation counts through its
   * replacement; a clock cancelled without a breach (the case closed unanswered, the ticket cancelled) does not count.
   */
  async summary(ctx: RequestContext, hotelId: string, from: Date, to: Date): Promise<SlaMetricSummaryObject[]> {
    ctx.assertInScope(hotelId);
    if (!(from.getTime() < to.getTime()) || to.getTime() - from.getTime() > MAX_RANGE_MS) {
      throw slaError(SlaError.InvalidRange, { field: 'from' });
    }
    const rows: Array<Record<string, string | number>> = await ctx.tx.query(
      `SELECT metric,
              count(*)::int AS total,
              count(*) FILTER (WHERE state = 'met')::int AS met,
              count(*) FILTER (WHERE state = 'met_late')::int AS "metLate",
              count(*) FILTER (WHERE breached_at IS NOT NULL)::int AS breached,
              count(*) FILTER (WHERE escalated_at IS NOT NULL)::int AS escalated,
              count(*) FILTER (WHERE 'reminder' = ANY (steps_fired))::int AS reminded,
              count(*) FILTER (WHERE state IN ('running', 'paused'))::int AS open
         FROM sla_clock
        WHERE tenant_id = $1 AND started_at >= $2 AND started_at < $3 AND superseded_by IS NULL
          AND (state <> 'cancelled' OR breached_at IS NOT NULL)
        GROUP BY metric`,
      [hotelId, from, to],
    );
    const byMetric = new Map(rows.map((row) => [row['metric'], row]));
    return Object.values(SlaMetric).map((metric) => {
      const row = byMetric.get(metric);
      const n = (key: string) => Number(row?.[key] ?? 0);
      return {
        metric,
        total: n('total'),
        met: n('met'),
        metLate: n('metLate'),
        breached: n('breached'),
        escalated: n('escalated'),
        reminded: n('reminded'),
        open: n('open'),
      };
    });
  }
}
