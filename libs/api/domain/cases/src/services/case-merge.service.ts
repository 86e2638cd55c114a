import { Injectable } from '@nestjs/common';
import { AuditAction, CaseEventKind, CaseStatus, OPEN_CASE_STATUSES } from '@baton/shared/contracts';
import { AuditWriter, BatonError, RequestContext } from '@baton/api/core';
import { CasesError, casesError } from '../cases.errors';
import { publishCaseEvent, reloadAndPublish } from './case-events';
import { CaseRecord, loadCase, lockCases } from './case-record';
import { recordTransition } from './case-transitions';

/**
 * Merging two open cases of one guest (the same guest, or guests merged into one). The survivor keeps its number and
 * receives the other's messages and handoffs (moved) and notes (copied: case_note is append-only, so the originals
 * stay on the merged case too). The survivor's fields are completed from the merged case: empty fields filled, labels
 * united, rounds added, the more urgent priority, the earlier wait. The merged case is closed with merged_into_id and
 * a transition "merged into <number>".
 */
@Injectable()
export class CaseMergeService {
  constructor(private readonly audit: AuditWriter) {}

  async merge(ctx: RequestContext, hotelId: string, survivorId: string, mergedId: string): Promise<CaseRecord> {
    ctx.assertInScope(hotelId);
    if (survivorId === mergedId) {
      throw casesError(CasesError.MergeSameCase, { field: 'mergedId' });
    }
    const locked = await lockCases(ctx, hotelId, [survivorId, mergedId]);
    const survivor = locked.get(survivorId);
    const merged = locked.get(mergedId);
    if (!survivor) {
      throw BatonError.notFound('Case', survivorId);
    }
    if (!merged) {
      throw BatonError.notFound('Case', mergedId);
    }
    if (!OPEN_CASE_STATUSES.includes(survivor.status) || !OPEN_CASE_STATUSES.includes(merged.status)) {
      throw casesError(CasesError.MergeNotOpen);
    }
    if (!(await this.sameGuest(ctx, hotelId, survivor.guestId, merged.guestId))) {
      throw casesError(CasesError.MergeDifferentGuests);
    }
    const params = [hotelId, survivor.id, merged.id];
    await ctx.tx.query(`UPDATE case_message SET case_id = $2 WHERE tenant_id = $1 AND case_id = $3`, params);
    await ctx.tx.query(`UPDATE case_handoff SET case_id = $2 WHERE tenant_id = $1 AND case_id = $3`, params);
    await ctx.tx.query(
      `INSERT INTO case_note (tenant_id, case_id, author_id, author_name, body, created_at)
       SELECT tenant_id, $2, author_id, author_name, body, created_at FROM case_note WHERE tenant_id = $1 AND case_id = $3`,
      params,
    );
    await ctx.tx.query(
      `UPDATE guest_case s SET
         labels = ARRAY(SELECT l FROM unnest(s.labels || m.labels) WITH ORDINALITY AS t(l, i) GROUP BY l ORDER BY min(i)),
         priority = least(s.priority, m.priority),
         request_type = coalesce(s.request_type, m.request_type),
         owner_id = coalesce(s.owner_id, m.owner_id),
         team = coalesce(s.team, m.team),
         guest_name = coalesce(nullif(btrim(s.guest_name), ''), m.guest_name),
         contact = coalesce(nullif(btrim(s.contact), ''), m.contact),
         request_text = coalesce(nullif(btrim(s.request_text), ''), m.request_text),
         campaign_id = coalesce(s.campaign_id, m.campaign_id),
         utm_source = coalesce(s.utm_source, m.utm_source),
         utm_medium = coalesce(s.utm_medium, m.utm_medium),
         utm_campaign = coalesce(s.utm_campaign, m.utm_campaign),
         utm_content = coalesce(s.utm_content, m.utm_content),
         message_rounds = s.message_rounds + m.message_rounds,
         first_response_at = coalesce(s.first_response_at, m.first_response_at),
         first_response_seconds = coalesce(s.first_response_seconds, m.first_response_seconds),
         last_inbound_at = greatest(s.last_inbound_at, m.last_inbound_at),
         last_outbound_at = greatest(s.last_outbound_at, m.last_outbound_at),
         waiting_since = least(s.waiting_since, m.waiting_since),
         search = s.search || m.search,
         updated_at = now()
       FROM guest_case m
       WHERE s.tenant_id = $1 AND s.id = $2 AND m.tenant_id = $1 AND m.id = $3`,
      params,
    );
    await ctx.tx.query(
      `UPDATE guest_case SET status = 'closed', merged_into_id = $2, closed_at = now(), waiting_since = NULL,
              updated_at = now()
        WHERE tenant_id = $1 AND id = $3`,
      params,
    );
    await recordTransition(ctx, hotelId, merged.id, merged.status, CaseStatus.Closed, `merged into ${survivor.number}`);
    publishCaseEvent(ctx, await loadCase(ctx, hotelId, merged.id), CaseEventKind.StatusChanged);
    const after = await reloadAndPublish(ctx, hotelId, survivor.id, CaseEventKind.Merged, { queue: true });
    await this.audit.record(ctx, {
      tenantId: hotelId,
      action: AuditAction.CaseMerged,
      entityType: 'case',
      entityId: survivor.id,
      before: { survivor: survivor.number, merged: merged.number, mergedStatus: merged.status },
      after: { survivor: after.number, mergedId: merged.id, mergedStatus: CaseStatus.Closed },
    });
    return after;
  }

  /** The same guest, or two guests whose merge chains (guest.merged_into_id) end at the same guest. */
  private async sameGuest(ctx: RequestContext, hotelId: string, a: string, b: string): Promise<boolean> {
    if (a === b) {
      return true;
    }
    const rows: Array<{ start: string; root: string }> = await ctx.tx.query(
      `WITH RECURSIVE chain (start, id, merged_into_id, depth) AS (
         SELECT g.id, g.id, g.merged_into_id, 0 FROM guest g WHERE g.tenant_id = $1 AND g.id = ANY($2::uuid[])
         UNION ALL
         SELECT c.start, g.id, g.merged_into_id, c.depth + 1
           FROM chain c JOIN guest g ON g.tenant_id = $1 AND g.id = c.merged_into_id
          WHERE c.depth < 20
       )
       SELECT start, id AS root FROM chain WHERE merged_into_id IS NULL`,
      [hotelId, [a, b]],
    );
    const roots = new Map(rows.map((row) => [row.start, row.root]));
    return roots.has(a) && roots.get(a) === roots.get(b);
  }
}
