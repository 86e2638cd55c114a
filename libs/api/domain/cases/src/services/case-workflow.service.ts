import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  AuditAction,
  canTransition,
  CaseEventKind,
  CaseStatus,
  DictionaryKind,
  HandoffReason,
} from '@baton/shared/contracts';
import { AuditWriter, BatonError, isUuid, RequestContext } from '@baton/api/core';
import { CasesError, casesError } from '../cases.errors';
import { ChangeCaseStatusInput } from '../dto/change-case-status.input';
import { HandOffCaseInput } from '../dto/hand-off-case.input';
import { CaseHandoffEntity } from '../entities/case-history.entities';
import { CaseHandoffObject } from '../objects/case-parts.objects';
import { reloadAndPublish } from './case-events';
import { HANDOFF_COLUMNS, HANDOFF_FROM, HandoffRow, toHandoffObject } from './case-parts';
import { CaseRecord, loadCase } from './case-record';
import { isTerminal, missingMandatoryFields, nextStatuses } from './case-rules';
import { actor, recordTransition } from './case-transitions';
import { Dictionaries } from './dictionaries.service';

/** Refuses a change the pipeline (CASE_TRANSITIONS) does not allow, naming what is allowed. */
export function assertTransition(record: CaseRecord, to: CaseStatus): void {
  if (record.mergedIntoId || !canTransition(record.status, to)) {
    throw casesError(CasesError.InvalidTransition, {
      from: record.status,
      to,
      allowed: nextStatuses(record.status, record.mergedIntoId),
    });
  }
}

/**
 * The status pipeline and handoffs. Every status change goes through CASE_TRANSITIONS and writes case_transition;
 * a handoff is a record of its own (from team/channel → to team/channel, reason, time to accept).
 */
@Injectable()
export class CaseWorkflowService {
  constructor(
    private readonly audit: AuditWriter,
    private readonly dictionaries: Dictionaries,
  ) {}

  async changeStatus(ctx: RequestContext, input: ChangeCaseStatusInput): Promise<CaseRecord> {
    const { hotelId } = input;
    const before = await loadCase(ctx, hotelId, input.id, { lock: true });
    const to = input.status as CaseStatus;
    if (to === CaseStatus.HandedOff) {
      throw casesError(CasesError.UseHandOff, { field: 'status' });
    }
    assertTransition(before, to);
    const lostReason = input.lostReason ?? null;
    if (to === CaseStatus.Lost) {
      if (!lostReason) {
        throw casesError(CasesError.LostReasonRequired, { field: 'lostReason' });
      }
      await this.dictionaries.assertActive(ctx, hotelId, DictionaryKind.LostReason, [lostReason], 'lostReason');
    } else if (lostReason) {
      throw casesError(CasesError.LostReasonNotAllowed, { field: 'lostReason' });
    }
    await ctx.tx.query(
      `UPDATE guest_case SET status = $3,
              lost_reason = CASE WHEN $3 = 'lost' THEN $4 ELSE NULL END,
              closed_at = CASE WHEN $5 THEN coalesce(closed_at, now()) ELSE NULL END,
              updated_at = now()
        WHERE tenant_id = $1 AND id = $2`,
      [hotelId, before.id, to, lostReason, isTerminal(to)],
    );
    const reason = [lostReason, input.note?.trim() || null].filter(Boolean).join(': ') || null;
    await recordTransition(ctx, hotelId, before.id, before.status, to, reason);
    const after = await reloadAndPublish(ctx, hotelId, before.id, CaseEventKind.StatusChanged, {
      queue: true,
      detail: { from: before.status, to, lostReason },
    });
    await this.audit.record(ctx, {
      tenantId: hotelId,
      action: AuditAction.CaseStatusChanged,
      entityType: 'case',
      entityId: before.id,
      before: { status: before.status, lostReason: before.lostReason },
      after: { status: after.status, lostReason: after.lostReason },
    });
    return after;
  }

  /**
   * Hands a case to another team (and possibly channel). Refused with MANDATORY_FIELDS_MISSING while guest name,
   * contact or request text is empty; the case moves to handed_off under the same transition rules. The owner and
   * team change when the receiving side accepts.
   */
  async handOff(ctx: RequestContext, input: HandOffCaseInput): Promise<CaseHandoffObject> {
    const { hotelId } = input;
    const record = await loadCase(ctx, hotelId, input.id, { lock: true });
    assertTransition(record, CaseStatus.HandedOff);
    const missing = missingMandatoryFields(record);
    if (missing.length > 0) {
      throw casesError(CasesError.MandatoryFieldsMissing, { missingFields: missing });
    }
    await this.dictionaries.assertActive(ctx, hotelId, DictionaryKind.Team, [input.toTeam], 'toTeam');
    const who = actor(ctx);
    const handoff = ctx.tx.getRepository(CaseHandoffEntity).create({
      tenantId: hotelId,
      id: randomUUID(),
      caseId: record.id,
      fromTeam: record.team,
      fromChannel: record.channel,
      toTeam: input.toTeam,
      toChannel: input.toChannel ?? null,
      reason: input.reason as HandoffReason,
      note: input.note?.trim() || null,
      requestedBy: ctx.userId,
      requestedAt: new Date(),
      acceptedBy: null,
      acceptedAt: null,
    });
    await ctx.tx.getRepository(CaseHandoffEntity).insert(handoff);
    await ctx.tx.query(
      `UPDATE guest_case SET status = 'handed_off', updated_at = now() WHERE tenant_id = $1 AND id = $2`,
      [hotelId, record.id],
    );
    await recordTransition(ctx, hotelId, record.id, record.status, CaseStatus.HandedOff, `handoff: ${input.reason}`);
    await reloadAndPublish(ctx, hotelId, record.id, CaseEventKind.HandedOff, {
      queue: true,
      detail: {
        handoffId: handoff.id,
        from: record.status,
        toTeam: input.toTeam,
        toChannel: input.toChannel ?? null,
        reason: input.reason,
      },
    });
    await this.audit.record(ctx, {
      tenantId: hotelId,
      action: AuditAction.CaseHandedOff,
      entityType: 'case',
      entityId: record.id,
      before: { status: record.status, team: record.team, channel: record.channel },
      after: { handoffId: handoff.id, toTeam: handoff.toTeam, toChannel: handoff.toChannel, reason: handoff.reason },
    });
    return toHandoffObject(handoff, {
      requestedByName: ctx.userId ? who.name : null,
      acceptedByName: null,
    });
  }

  /** The receiving side takes the case: it becomes the owner, the case moves to the handoff's team. */
  async acceptHandoff(ctx: RequestContext, hotelId: string, handoffId: string): Promise<CaseHandoffObject> {
    ctx.assertInScope(hotelId);
    const rows: HandoffRow[] = isUuid(handoffId)
      ? await ctx.tx.query(
          `SELECT ${HANDOFF_COLUMNS} FROM ${HANDOFF_FROM} WHERE h.tenant_id = $1 AND h.id = $2 FOR UPDATE OF h`,
          [hotelId, handoffId],
        )
      : [];
    const handoff = rows[0];
    if (!handoff) {
      throw BatonError.notFound('Handoff', handoffId);
    }
    if (handoff.acceptedAt) {
      throw casesError(CasesError.HandoffAlreadyAccepted);
    }
    const userId = ctx.userId;
    if (!userId) {
      throw casesError(CasesError.UserSessionRequired);
    }
    const record = await loadCase(ctx, hotelId, handoff.caseId, { lock: true });
    // (TypeORM returns [rows, count] for UPDATE … RETURNING: read the transaction's clock first instead.)
    const [{ at }]: Array<{ at: Date }> = await ctx.tx.query(`SELECT now() AS at`);
    await ctx.tx.query(`UPDATE case_handoff SET accepted_at = $3, accepted_by = $4 WHERE tenant_id = $1 AND id = $2`, [
      hotelId,
      handoff.id,
      at,
      userId,
    ]);
    await ctx.tx.query(
      `UPDATE guest_case SET owner_id = $3, team = $4, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
      [hotelId, record.id, userId, handoff.toTeam],
    );
    const after = await reloadAndPublish(ctx, hotelId, record.id, CaseEventKind.Updated, {
      queue: true,
      detail: { handoffAccepted: handoff.id, changed: ['ownerId', 'team'] },
    });
    await this.audit.record(ctx, {
      tenantId: hotelId,
      action: AuditAction.CaseHandoffAccepted,
      entityType: 'case',
      entityId: record.id,
      before: { ownerId: record.ownerId, team: record.team },
      after: { handoffId: handoff.id, ownerId: after.ownerId, team: after.team },
    });
    return toHandoffObject(
      { ...handoff, acceptedAt: at, acceptedBy: userId },
      { requestedByName: handoff.requestedByName, acceptedByName: after.ownerName },
    );
  }
}
