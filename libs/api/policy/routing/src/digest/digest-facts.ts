import { Injectable } from '@nestjs/common';
import { OPEN_CASE_STATUSES } from '@baton/shared/contracts';
import { RequestContext } from '@baton/api/core';
import { COMPLAINT_CODE } from '../steps/routing-steps';
import type { DigestDay } from './digest-window';

/** What happened at a hotel on one local day, and what is still open now: the figures of a digest. */
export interface DigestFacts {
  casesOpened: number;
  byChannel: Array<{ channel: string; count: number }>;
  /** Median minutes from a case's creation to its first reply, over the day's cases that got one. */
  firstResponseMedianMinutes: number | null;
  unansweredOpened: number;
  handoffsRequested: number;
  handoffsAccepted: number;
  handoffsWaiting: number;
  won: number;
  lost: number;
  complaintsOpened: number;
  complaintsOpen: number;
  breaches: Array<{ metric: string; count: number }>;
  ticketsOpened: number;
  ticketsClosed: number;
  tasksOpen: number;
  approvalsWaiting: number;
  openCases: number;
  unassignedCases: number;
}

const OPEN_TICKETS = `status IN ('open', 'in_progress')`;

/** The digest's figures in a few aggregate reads of the hotel's own rows (RLS keeps them to this hotel). */
@Injectable()
export class DigestFactsReader {
  async read(ctx: RequestContext, hotelId: string, day: DigestDay): Promise<DigestFacts> {
    const window = [hotelId, day.from, day.to];
    const [cases]: Array<Record<string, string | null>> = await ctx.tx.query(
      `SELECT count(*) AS opened,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_response_at - created_at) / 60)
                FILTER (WHERE first_response_at IS NOT NULL) AS median,
              count(*) FILTER (WHERE first_response_at IS NULL AND status = ANY ($4::text[])) AS unanswered,
              count(*) FILTER (WHERE request_type = $5 OR $5 = ANY (labels)) AS complaints
         FROM guest_case WHERE tenant_id = $1 AND created_at >= $2 AND created_at < $3 AND merged_into_id IS NULL`,
      [...window, OPEN_CASE_STATUSES, COMPLAINT_CODE],
    );
    const byChannel: Array<{ channel: string; count: string }> = await ctx.tx.query(
      `SELECT channel, count(*) AS count FROM guest_case
        WHERE tenant_id = $1 AND created_at >= $2 AND created_at < $3 AND merged_into_id IS NULL
        GROUP BY channel ORDER BY count(*) DESC, channel`,
      window,
    );
    const [now]: Array<Record<string, string>> = await ctx.tx.query(
      `SELECT count(*) AS open, count(*) FILTER (WHERE owner_id IS NULL) AS unassigned,
              count(*) FILTER (WHERE request_type = $3 OR $3 = ANY (labels)) AS complaints
         FROM guest_case WHERE tenant_id = $1 AND status = ANY ($2::text[]) AND merged_into_id IS NULL`,
      [hotelId, OPEN_CASE_STATUSES, COMPLAINT_CODE],
    );
    const [handoffs]: Array<Record<string, string>> = await ctx.tx.query(
      `SELECT count(*) FILTER (WHERE requested_at >= $2 AND requested_at < $3) AS requested,
              count(*) FILTER (WHERE accepted_at >= $2 AND accepted_at < $3) AS accepted,
              count(*) FILTER (WHERE accepted_at IS NULL) AS waiting
         FROM case_handoff WHERE tenant_id = $1 AND (accepted_at IS NULL OR accepted_at >= $2)`,
      window,
    );
    const [outcomes]: Array<Record<string, string>> = await ctx.tx.query(
      `SELECT count(*) FILTER (WHERE to_status = 'won') AS won, count(*) FILTER (WHERE to_status = 'lost') AS lost
         FROM case_transition WHERE tenant_id = $1 AND occurred_at >= $2 AND occurred_at < $3`,
      window,
    );
    const breaches: Array<{ metric: string; count: string }> = await ctx.tx.query(
      `SELECT c.metric, count(*) AS count FROM sla_clock_event e
         JOIN sla_clock c ON c.tenant_id = e.tenant_id AND c.id = e.clock_id
        WHERE e.tenant_id = $1 AND e.kind = 'step' AND e.step = 'breach' AND e.at >= $2 AND e.at < $3
        GROUP BY c.metric ORDER BY count(*) DESC, c.metric`,
      window,
    );
    const [tickets]: Array<Record<string, string>> = await ctx.tx.query(
      `SELECT count(*) FILTER (WHERE created_at >= $2 AND created_at < $3) AS opened,
              count(*) FILTER (WHERE closed_at >= $2 AND closed_at < $3) AS closed,
              count(*) FILTER (WHERE kind = 'task' AND ${OPEN_TICKETS}) AS tasks,
              count(*) FILTER (WHERE kind = 'approval' AND ${OPEN_TICKETS}) AS approvals
         FROM ticket WHERE tenant_id = $1 AND (created_at >= $2 OR closed_at >= $2 OR ${OPEN_TICKETS})`,
      window,
    );
    const median = cases.median === null ? null : Math.round(Number(cases.median));
    return {
      casesOpened: Number(cases.opened),
      byChannel: byChannel.map((r) => ({ channel: r.channel, count: Number(r.count) })),
      firstResponseMedianMinutes: median,
      unansweredOpened: Number(cases.unanswered),
      handoffsRequested: Number(handoffs.requested),
      handoffsAccepted: Number(handoffs.accepted),
      handoffsWaiting: Number(handoffs.waiting),
      won: Number(outcomes.won),
      lost: Number(outcomes.lost),
      complaintsOpened: Number(cases.complaints),
      complaintsOpen: Number(now.complaints),
      breaches: breaches.map((r) => ({ metric: r.metric, count: Number(r.count) })),
      ticketsOpened: Number(tickets.opened),
      ticketsClosed: Number(tickets.closed),
      tasksOpen: Number(tickets.tasks),
      approvalsWaiting: Number(tickets.approvals),
      openCases: Number(now.open),
      unassignedCases: Number(now.unassigned),
    };
  }
}
