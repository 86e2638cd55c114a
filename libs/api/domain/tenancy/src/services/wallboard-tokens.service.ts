import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditAction, WallboardBoard } from '@baton/shared/contracts';
import { AuditWriter, BatonError, isUuid, RequestContext, sha256 } from '@baton/api/core';
import { WallboardTokenEntity } from '../entities/credential.entity';
import { CreatedWallboardTokenObject, WallboardTokenObject } from '../objects/tenancy.objects';
import { TenancyError, tenancyError } from '../tenancy.errors';
import { formatCredential, WALLBOARD_PREFIX } from './credentials';
import { loadScopedHotel } from './scoped-hotels';

const ENTITY_TYPE = 'wallboard_token';
const BOARDS = Object.values(WallboardBoard) as string[];

function toWallboardTokenObject(token: WallboardTokenEntity): WallboardTokenObject {
  return {
    id: token.id,
    hotelId: token.tenantId,
    name: token.name,
    board: token.board,
    createdAt: token.createdAt,
    lastUsedAt: token.lastUsedAt,
    revokedAt: token.revokedAt,
  };
}

/** What the audit trail keeps of a token: never its secret or hash. */
function auditView(token: WallboardTokenEntity): Record<string, unknown> {
  return { name: token.name, board: token.board, revokedAt: token.revokedAt?.toISOString() ?? null };
}

/** Read-only tokens for TV wallboards, one hotel and one board each (wallboard_token is a tenant table). */
@Injectable()
export class WallboardTokensService {
  constructor(private readonly audit: AuditWriter) {}

  async list(ctx: RequestContext, hotelId: string): Promise<WallboardTokenObject[]> {
    ctx.assertInScope(hotelId);
    const tokens = await ctx.tx
      .getRepository(WallboardTokenEntity)
      .find({ where: { tenantId: hotelId }, order: { createdAt: 'DESC', id: 'ASC' } });
    return tokens.map(toWallboardTokenObject);
  }

  async create(
    ctx: RequestContext,
    hotelId: string,
    name: string,
    board: string,
  ): Promise<CreatedWallboardTokenObject> {
    const hotel = await loadScopedHotel(ctx, hotelId);
    if (!BOARDS.includes(board)) {
      throw tenancyError(TenancyError.InvalidBoard, { field: 'board' });
    }
    const trimmed = name.trim();
    if (trimmed.length < 2) {
      throw BatonError.badInput('name must be at least 2 characters', { field: 'name' });
    }
    const id = randomUUID();
    const credential = formatCredential(WALLBOARD_PREFIX, [hotel.id, id]);
    const repo = ctx.tx.getRepository(WallboardTokenEntity);
    await repo.insert({
      tenantId: hotel.id,
      id,
      name: trimmed,
      board,
      secretHash: sha256(credential.secret),
      createdBy: ctx.userId,
    });
    const token = await repo.findOneByOrFail({ tenantId: hotel.id, id });
    await this.audit.record(ctx, {
      tenantId: hotel.id,
      action: AuditAction.WallboardTokenCreated,
      entityType: ENTITY_TYPE,
      entityId: token.id,
      before: null,
      after: auditView(token),
    });
    return { wallboardToken: toWallboardTokenObject(token), token: credential.value };
  }

  /** Idempotent: revoking a revoked token returns it unchanged and records nothing. */
  async revoke(ctx: RequestContext, hotelId: string, id: string): Promise<WallboardTokenObject> {
    const repo = ctx.tx.getRepository(WallboardTokenEntity);
    const token =
      ctx.inScope(hotelId) && isUuid(id)
        ? await repo.findOne({ where: { tenantId: hotelId, id }, lock: { mode: 'pessimistic_write' } })
        : null;
    if (!token) {
      throw BatonError.notFound('WallboardToken', id);
    }
    if (token.revokedAt) {
      return toWallboardTokenObject(token);
    }
    const revoked: WallboardTokenEntity = { ...token, revokedAt: new Date() };
    await repo.update({ tenantId: hotelId, id }, { revokedAt: revoked.revokedAt });
    await this.audit.record(ctx, {
      tenantId: hotelId,
      action: AuditAction.WallboardTokenRevoked,
      entityType: ENTITY_TYPE,
      entityId: id,
      before: auditView(token),
      after: auditView(revoked),
    });
    return toWallboardTokenObject(revoked);
  }
}
