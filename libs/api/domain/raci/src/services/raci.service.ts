import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { AuditAction, HotelRole, RaciRole } from '@baton/shared/contracts';
import { AuditWriter, HotelCache, hotelCacheChanged, PubSubPort, RequestContext } from '@baton/api/core';
import { SaveRaciMatrixInput } from '../dto/save-raci-matrix.input';
import { RaciMatrixObject, RaciProblemObject } from '../objects/raci.objects';
import { raciError, RaciError, raciInvalid, raciShapeError, staleRaci } from '../raci.errors';
import { DEFAULT_ROUTING, defaultSteps, RaciDocument, RaciRoutingSettings } from '../rules/raci-document';
import { raciProblems, raciShapeIssue } from '../rules/raci-rules';
import { RaciMembers } from './raci-members';
import { RaciStore } from './raci-store';
import { keepMembers, problemObjects, toDocument, toMatrixObject, userIdsOf } from './raci-views';

/** Who a RACI letter points at on one step: the parties, their users, and the case team to route to. */
export interface RaciResolution {
  parties: Array<{ key: string; name: string }>;
  /** Explicit members that are still staff of the hotel or its agency, plus holders of the parties' hotel roles. */
  userIds: string[];
  /** The case team key of the first party (in column order) that has one. */
  team: string | null;
}

const ENTITY_TYPE = 'raci_matrix';

/** The cache name of a hotel's routing rows (cleared by every matrix write, in every process, after COMMIT). */
const RACI_ROUTING_CACHE = 'raci-routing';
const CACHE_TTL_MS = 30_000;

/** What routing reads on every new case and ticket: the settings and every letter with its party. */
interface RoutingRows {
  routing: RaciRoutingSettings | null;
  letters: Array<{
    step: string;
    role: RaciRole;
    key: string;
    name: string;
    team: string | null;
    userIds: string[];
    roles: HotelRole[];
  }>;
}

/** Domain event after a hotel's matrix or its routing settings changed (routing re-arms the digest timer). */
export const RACI_SAVED_EVENT = 'raci.saved';

export interface RaciSavedEvent {
  type: typeof RACI_SAVED_EVENT;
  hotelId: string;
  routing: RaciRoutingSettings;
}

/**
 * A hotel's RACI matrix: read, validated, saved as a whole with optimistic concurrency, and resolved for routing
 * (R gets the assignment and the T0 notice, A the breach escalations, C is asked, I gets digests).
 */
@Injectable()
export class RaciService implements OnModuleInit, OnModuleDestroy {
  /**
   * Routing and the SLA ladder resolve letters on every new case, ticket and step: the matrix rows come from a
   * per-process cache; who stands behind a party (membership, roles) is still read live on every resolve.
   */
  private readonly cache: HotelCache<RoutingRows>;

  constructor(
    private readonly store: RaciStore,
    private readonly members: RaciMembers,
    private readonly audit: AuditWriter,
    pubsub: PubSubPort,
  ) {
    this.cache = new HotelCache(pubsub, RACI_ROUTING_CACHE, CACHE_TTL_MS);
  }

  onModuleInit(): void {
    this.cache.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.cache.stop();
  }

  /** The stored matrix, or (version 0) the playbook's steps in the hotel's language with no parties or cells. */
  async matrix(ctx: RequestContext, hotelId: string): Promise<RaciMatrixObject> {
    ctx.assertInScope(hotelId);
    const stored = await this.store.load(ctx, hotelId);
    if (!stored) {
      const [hotel] = await ctx.tx.query<Array<{ locale: string }>>(`SELECT locale FROM hotel WHERE id = $1`, [
        hotelId,
      ]);
      const doc: RaciDocument = { parties: [], steps: defaultSteps(hotel?.locale ?? 'tr'), cells: [] };
      const meta = { version: 0, updatedAt: null, updatedBy: null, routing: { ...DEFAULT_ROUTING } };
      return toMatrixObject(hotelId, doc, meta, new Map());
    }
    const ids = [...userIdsOf(stored.doc), ...(stored.updatedBy ? [stored.updatedBy] : [])];
    return toMatrixObject(hotelId, stored.doc, stored, await this.members.names(ctx, ids));
  }

  /** The routing settings of a hotel with a matrix; null without one (nothing is routed by RACI then). */
  async routing(ctx: RequestContext, hotelId: string): Promise<RaciRoutingSettings | null> {
    ctx.assertInScope(hotelId);
    return (await this.routingRows(ctx, hotelId)).routing;
  }

  /** Display names of users (ids the caller got from `resolve`). */
  memberNames(ctx: RequestContext, userIds: readonly string[]): Promise<Map<string, string>> {
    return this.members.names(ctx, userIds);
  }

  /** The display name of a step on the hotel's matrix (its key when the matrix has no such step). */
  async stepName(ctx: RequestContext, hotelId: string, step: string): Promise<string> {
    ctx.assertInScope(hotelId);
    const [row] = await ctx.tx.query<Array<{ name: string }>>(
      `SELECT name FROM raci_step WHERE tenant_id = $1 AND key = $2`,
      [hotelId, step],
    );
    return row?.name ?? step;
  }

  /** Parties holding `role` on `step` and the users behind them; empty when the hotel has no matrix or no such step. */
  async resolve(ctx: RequestContext, hotelId: string, step: string, role: RaciRole): Promise<RaciResolution> {
    ctx.assertInScope(hotelId);
    const rows = (await this.routingRows(ctx, hotelId)).letters.filter((l) => l.step === step && l.role === role);
    if (rows.length === 0) {
      return { parties: [], userIds: [], team: null };
    }
    const explicit = [...new Set(rows.flatMap((r) => r.userIds))];
    const gone = new Set(await this.members.outsiders(ctx, hotelId, explicit));
    const holders = await this.members.roleHolders(ctx, hotelId, [...new Set(rows.flatMap((r) => r.roles))]);
    return {
      parties: rows.map((r) => ({ key: r.key, name: r.name })),
      userIds: [...new Set([...explicit.filter((id) => !gone.has(id)), ...holders])],
      team: rows.find((r) => r.team !== null)?.team ?? null,
    };
  }

  private routingRows(ctx: RequestContext, hotelId: string): Promise<RoutingRows> {
    return this.cache.get(ctx, hotelId, async () => ({
      routing: await this.store.routing(ctx, hotelId),
      letters: await ctx.tx.query(
        `SELECT a.step_key AS step, a.role, p.key, p.name, p.team, p.user_ids AS "userIds", p.roles
           FROM raci_assignment a
           JOIN raci_party p ON p.tenant_id = a.tenant_id AND p.key = a.party_key
          WHERE a.tenant_id = $1
          ORDER BY p.position`,
        [hotelId],
      ),
    }));
  }

  /** What saving `input` would refuse for: BAD_USER_INPUT is thrown, rule problems are returned (nothing is stored). */
  async validate(ctx: RequestContext, input: SaveRaciMatrixInput): Promise<RaciProblemObject[]> {
    ctx.assertInScope(input.hotelId);
    const doc = toDocument(input);
    await this.assertWellFormed(ctx, input.hotelId, doc);
    return problemObjects(doc);
  }

  /** Replaces the whole matrix if `input.version` is still current; RACI_INVALID / STALE_VERSION store nothing. */
  async save(ctx: RequestContext, input: SaveRaciMatrixInput): Promise<RaciMatrixObject> {
    ctx.assertInScope(input.hotelId);
    const doc = toDocument(input);
    await this.assertWellFormed(ctx, input.hotelId, doc);
    const problems = raciProblems(doc);
    if (problems.length > 0) {
      throw raciInvalid(problems);
    }
    const before = await this.store.load(ctx, input.hotelId);
    const version = await this.store.bump(ctx, input.hotelId, input.version, ctx.userId);
    if (version === null) {
      throw staleRaci(await this.store.version(ctx, input.hotelId));
    }
    await this.store.replaceRows(ctx, input.hotelId, doc);
    const routing: RaciRoutingSettings = {
      autoAssign: input.autoAssign ?? before?.routing.autoAssign ?? DEFAULT_ROUTING.autoAssign,
      digestTime:
        input.digestTime !== undefined ? input.digestTime : (before?.routing.digestTime ?? DEFAULT_ROUTING.digestTime),
    };
    await this.store.saveRouting(ctx, input.hotelId, routing);
    await this.audit.record(ctx, {
      tenantId: input.hotelId,
      action: AuditAction.RaciMatrixSaved,
      entityType: ENTITY_TYPE,
      entityId: input.hotelId,
      before: before ? { version: before.version, ...before.doc, routing: before.routing } : null,
      after: { version, ...doc, routing },
    });
    this.emitSaved(ctx, input.hotelId, routing);
    return this.matrix(ctx, input.hotelId);
  }

  /**
   * Writes `doc` over the hotel's matrix whatever its version (a template being applied; the caller checked access
   * and that `doc` is valid). Explicit members who are not staff of this hotel or its agency are left out.
   */
  async overwrite(
    ctx: RequestContext,
    hotelId: string,
    doc: RaciDocument,
    source: Record<string, unknown>,
  ): Promise<RaciMatrixObject> {
    ctx.assertInScope(hotelId);
    const outside = new Set(await this.members.outsiders(ctx, hotelId, userIdsOf(doc)));
    const kept = keepMembers(doc, (userId) => !outside.has(userId));
    const before = await this.store.load(ctx, hotelId);
    const version = await this.store.forceBump(ctx, hotelId, ctx.userId);
    await this.store.replaceRows(ctx, hotelId, kept);
    await this.audit.record(ctx, {
      tenantId: hotelId,
      action: AuditAction.RaciTemplateApplied,
      entityType: ENTITY_TYPE,
      entityId: hotelId,
      before: before ? { version: before.version, ...before.doc } : null,
      after: { version, source, ...kept },
    });
    this.emitSaved(ctx, hotelId, (await this.store.routing(ctx, hotelId)) ?? { ...DEFAULT_ROUTING });
    return this.matrix(ctx, hotelId);
  }

  /** The stored document of a hotel (a template source), or null. */
  async document(ctx: RequestContext, hotelId: string): Promise<RaciDocument | null> {
    ctx.assertInScope(hotelId);
    return (await this.store.load(ctx, hotelId))?.doc ?? null;
  }

  /** Every write of a matrix ends here: the routing cache forgets the hotel after COMMIT, and routing re-syncs. */
  private emitSaved(ctx: RequestContext, hotelId: string, routing: RaciRoutingSettings): void {
    hotelCacheChanged(ctx, RACI_ROUTING_CACHE, hotelId);
    const event: RaciSavedEvent = { type: RACI_SAVED_EVENT, hotelId, routing };
    ctx.emit({ ...event });
  }

  /** Shape first (repeated keys, dangling cells), then members: BAD_USER_INPUT naming the field. */
  private async assertWellFormed(ctx: RequestContext, hotelId: string, doc: RaciDocument): Promise<void> {
    const issue = raciShapeIssue(doc);
    if (issue) {
      throw raciShapeError(issue);
    }
    const outsiders = await this.members.outsiders(ctx, hotelId, userIdsOf(doc));
    if (outsiders.length > 0) {
      const index = doc.parties.findIndex((p) => p.userIds.includes(outsiders[0]));
      throw raciError(RaciError.NotAMember, { field: `parties.${index}.userIds`, userId: outsiders[0] });
    }
  }
}
