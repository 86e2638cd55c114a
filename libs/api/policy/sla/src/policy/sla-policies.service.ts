import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditAction, ErrorCode, SlaMetric, SlaTimeBasis } from '@baton/shared/contracts';
import {
  AuditWriter,
  BatonError,
  HotelCache,
  hotelCacheChanged,
  isUuid,
  PubSubPort,
  RequestContext,
} from '@baton/api/core';
import { CalendarsService } from '@baton/api/domain/calendars';
import { SaveSlaPolicyInput } from '../dto/save-sla-policy.input';
import { SlaPolicyObject } from '../objects/sla-policy.object';
import { SlaError, slaError } from '../sla.errors';
import {
  DEFAULT_LADDER,
  DEFAULT_POLICIES,
  DEFAULT_RACI_STEP,
  firstMatching,
  SlaFacts,
  SlaMetricTargets,
  SlaPolicyDefaults,
  SlaPolicyRecord,
} from './sla-policy.model';
import { POLICY_COLUMNS, policyAuditView, SlaPolicyRow, toPolicyObject, toPolicyRecord } from './sla-policy.rows';

const ENTITY_TYPE = 'sla_policy';
const POSITION_STEP = 10;
/** The per-process cache of a hotel's policies (see HotelCache) and how stale it can get if an invalidation is lost. */
export const SLA_POLICIES_CACHE = 'sla-policies';
const CACHE_TTL_MS = 30_000;

/** Every write of sla_policy calls this in its transaction: after COMMIT every process re-reads the hotel's policies. */
function policiesChanged(ctx: RequestContext, hotelId: string): void {
  hotelCacheChanged(ctx, SLA_POLICIES_CACHE, hotelId);
}

function targetsFrom(input: SaveSlaPolicyInput): SlaMetricTargets {
  const out: SlaMetricTargets = {};
  input.targets.forEach((t, index) => {
    const metric = t.metric as SlaMetric;
    if (out[metric]) {
      throw BatonError.badInput(`targets name ${metric} twice`, { field: `targets.${index}.metric` });
    }
    const ladder = {
      reminderMinutesBefore: t.ladder ? (t.ladder.reminderMinutesBefore ?? null) : DEFAULT_LADDER.reminderMinutesBefore,
      warningMinutesBefore: t.ladder ? (t.ladder.warningMinutesBefore ?? null) : DEFAULT_LADDER.warningMinutesBefore,
      escalate: t.ladder ? t.ladder.escalate : DEFAULT_LADDER.escalate,
    };
    if (
      ladder.reminderMinutesBefore !== null &&
      ladder.warningMinutesBefore !== null &&
      ladder.warningMinutesBefore >= ladder.reminderMinutesBefore
    ) {
      throw slaError(SlaError.LadderOrder, { metric, field: `targets.${index}.ladder.warningMinutesBefore` });
    }
    out[metric] = {
      minutes: t.minutes,
      basis: t.basis as SlaTimeBasis,
      raciStep: t.raciStep || DEFAULT_RACI_STEP[metric],
      ladder,
    };
  });
  return out;
}

/**
 * A hotel's ordered SLA policies. A hotel without any gets DEFAULT_POLICIES on first use (under an advisory lock, so
 * two first requests seed once). Every change is audited; saving an old version is refused with STALE_VERSION.
 * Saving a policy does not touch running clocks: they keep the targets they started with until the case's routing
 * fields change (re-evaluation) or they stop. The engine's lookup (`forFacts`, on every case and ticket event) reads
 * the policies from a per-process cache that every write here invalidates, in every process, after COMMIT.
 */
@Injectable()
export class SlaPoliciesService implements OnModuleInit, OnModuleDestroy {
  private readonly cache: HotelCache<readonly SlaPolicyRecord[]>;

  constructor(
    private readonly audit: AuditWriter,
    private readonly calendars: CalendarsService,
    pubsub: PubSubPort,
  ) {
    this.cache = new HotelCache(pubsub, SLA_POLICIES_CACHE, CACHE_TTL_MS);
  }

  onModuleInit(): void {
    this.cache.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.cache.stop();
  }

  async list(ctx: RequestContext, hotelId: string): Promise<SlaPolicyObject[]> {
    return (await this.records(ctx, hotelId)).map(toPolicyObject);
  }

  /** The hotel's policies in order (seeding the defaults first when it has none). */
  async records(ctx: RequestContext, hotelId: string): Promise<SlaPolicyRecord[]> {
    ctx.assertInScope(hotelId);
    let rows = await this.rows(ctx, hotelId);
    if (rows.length === 0) {
      await ctx.tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`sla_policy:${hotelId}`]);
      rows = await this.rows(ctx, hotelId);
      if (rows.length === 0) {
        await insertDefaultPolicies(ctx, hotelId);
        rows = await this.rows(ctx, hotelId);
      }
    }
    return rows.map(toPolicyRecord);
  }

  /** The policy that applies to a case or ticket with these routing fields, or null (policies from the cache). */
  async forFacts(ctx: RequestContext, hotelId: string, facts: SlaFacts): Promise<SlaPolicyRecord | null> {
    ctx.assertInScope(hotelId);
    return firstMatching(await this.cache.get(ctx, hotelId, () => this.records(ctx, hotelId)), facts);
  }

  async save(ctx: RequestContext, input: SaveSlaPolicyInput): Promise<SlaPolicyObject> {
    const { hotelId } = input;
    ctx.assertInScope(hotelId);
    const metrics = targetsFrom(input);
    const existing = await this.records(ctx, hotelId);
    const before = input.id ? await this.find(ctx, hotelId, input.id, true) : null;
    if (before && input.version !== before.version) {
      throw slaError(SlaError.StaleVersion, { currentVersion: before.version, field: 'version' });
    }
    if (input.calendarId) {
      await this.assertCalendar(ctx, hotelId, input.calendarId);
    }
    const c = input.conditions;
    const fields = [
      input.name,
      input.enabled ?? true,
      input.calendarId ?? null,
      c?.channels ?? [],
      c?.priorities ?? [],
      c?.requestTypes ?? [],
      c?.labels ?? [],
      c?.teams ?? [],
      input.pauseStatuses ?? [],
      JSON.stringify(metrics),
      ctx.userId,
    ];
    const id = before?.id ?? randomUUID();
    if (before) {
      await ctx.tx.query(
        `UPDATE sla_policy SET name = $3, enabled = $4, calendar_id = $5, channels = $6, priorities = $7,
                request_types = $8, labels = $9, teams = $10, pause_statuses = $11, metrics = $12, updated_by = $13,
                version = version + 1, updated_at = now()
          WHERE tenant_id = $1 AND id = $2`,
        [hotelId, id, ...fields],
      );
    } else {
      const position = Math.max(0, ...existing.map((p) => p.position)) + POSITION_STEP;
      await ctx.tx.query(
        `INSERT INTO sla_policy (tenant_id, id, name, enabled, calendar_id, channels, priorities, request_types, labels,
           teams, pause_statuses, metrics, updated_by, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [hotelId, id, ...fields, position],
      );
    }
    policiesChanged(ctx, hotelId);
    const after = await this.find(ctx, hotelId, id);
    await this.audit.record(ctx, {
      tenantId: hotelId,
      action: AuditAction.SlaPolicySaved,
      entityType: ENTITY_TYPE,
      entityId: id,
      before: before ? policyAuditView(before) : null,
      after: policyAuditView(after),
    });
    return toPolicyObject(after);
  }

  /** Running clocks of the deleted policy keep their copy of its targets and run to their end. */
  async delete(ctx: RequestContext, hotelId: string, id: string): Promise<boolean> {
    const policy = await this.find(ctx, hotelId, id, true);
    await ctx.tx.query(`DELETE FROM sla_policy WHERE tenant_id = $1 AND id = $2`, [hotelId, policy.id]);
    policiesChanged(ctx, hotelId);
    await this.audit.record(ctx, {
      tenantId: hotelId,
      action: AuditAction.SlaPolicyDeleted,
      entityType: ENTITY_TYPE,
      entityId: policy.id,
      before: policyAuditView(policy),
      after: null,
    });
    return true;
  }

  async reorder(ctx: RequestContext, hotelId: string, ids: string[]): Promise<SlaPolicyObject[]> {
    const before = await this.records(ctx, hotelId);
    await ctx.tx.query(`SELECT 1 FROM sla_policy WHERE tenant_id = $1 FOR UPDATE`, [hotelId]);
    const known = new Set(before.map((p) => p.id));
    if (ids.length !== known.size || !ids.every((id) => known.has(id))) {
      throw slaError(SlaError.ReorderMismatch, { field: 'ids' });
    }
    await ctx.tx.query(
      `UPDATE sla_policy p SET position = o.ord * ${POSITION_STEP}, version = version + 1, updated_at = now()
         FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, ord)
        WHERE p.tenant_id = $1 AND p.id = o.id AND p.position <> o.ord * ${POSITION_STEP}`,
      [hotelId, ids],
    );
    policiesChanged(ctx, hotelId);
    await this.audit.record(ctx, {
      tenantId: hotelId,
      action: AuditAction.SlaPoliciesReordered,
      entityType: ENTITY_TYPE,
      entityId: null,
      before: { ids: before.map((p) => p.id) },
      after: { ids },
    });
    return this.list(ctx, hotelId);
  }

  /** Another hotel's id, a missing id and a malformed id answer the same NOT_FOUND. */
  async find(ctx: RequestContext, hotelId: string, id: string, lock = false): Promise<SlaPolicyRecord> {
    const rows: SlaPolicyRow[] =
      ctx.inScope(hotelId) && isUuid(id)
        ? await ctx.tx.query(
            `SELECT ${POLICY_COLUMNS} FROM sla_policy p WHERE p.tenant_id = $1 AND p.id = $2${lock ? ' FOR UPDATE' : ''}`,
            [hotelId, id],
          )
        : [];
    if (!rows[0]) {
      throw BatonError.notFound('SlaPolicy', id);
    }
    return toPolicyRecord(rows[0]);
  }

  private rows(ctx: RequestContext, hotelId: string): Promise<SlaPolicyRow[]> {
    return ctx.tx.query(`SELECT ${POLICY_COLUMNS} FROM sla_policy p WHERE p.tenant_id = $1 ORDER BY p.position, p.id`, [
      hotelId,
    ]);
  }

  private async assertCalendar(ctx: RequestContext, hotelId: string, calendarId: string): Promise<void> {
    try {
      await this.calendars.forHotel(ctx, hotelId, calendarId);
    } catch (error) {
      if (error instanceof BatonError && error.code === ErrorCode.NotFound) {
        throw slaError(SlaError.UnknownCalendar, { field: 'calendarId' });
      }
      throw error;
    }
  }
}

/** Inserts DEFAULT_POLICIES for a hotel (also used by the demo seed through plain SQL of the same shape). */
export async function insertDefaultPolicies(
  ctx: RequestContext,
  hotelId: string,
  policies: readonly SlaPolicyDefaults[] = DEFAULT_POLICIES,
): Promise<void> {
  policiesChanged(ctx, hotelId);
  for (const [index, policy] of policies.entries()) {
    const c = policy.conditions;
    await ctx.tx.query(
      `INSERT INTO sla_policy (tenant_id, name, position, channels, priorities, request_types, labels, teams,
         pause_statuses, metrics)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        hotelId,
        policy.name,
        (index + 1) * POSITION_STEP,
        c.channels,
        c.priorities,
        c.requestTypes,
        c.labels,
        c.teams,
        policy.pauseStatuses,
        JSON.stringify(policy.metrics),
      ],
    );
  }
}
