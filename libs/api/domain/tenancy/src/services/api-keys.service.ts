import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ApiKeyScope, AuditAction } from '@baton/shared/contracts';
import { AuditWriter, BatonError, isUuid, RequestContext, sha256 } from '@baton/api/core';
import { CreateApiKeyInput } from '../dto/create-api-key.input';
import { ApiKeyEntity } from '../entities/credential.entity';
import { ApiKeyObject, CreatedApiKeyObject } from '../objects/tenancy.objects';
import { TenancyError, tenancyError } from '../tenancy.errors';
import { API_KEY_PREFIX, formatCredential } from './credentials';
import { loadScopedHotels } from './scoped-hotels';

const ENTITY_TYPE = 'api_key';
const SCOPE_ORDER = Object.values(ApiKeyScope) as string[];

function toApiKeyObject(key: ApiKeyEntity): ApiKeyObject {
  return {
    id: key.id,
    name: key.name,
    agencyId: key.agencyId,
    hotelIds: [...key.hotelIds],
    scopes: [...key.scopes],
    createdAt: key.createdAt,
    lastUsedAt: key.lastUsedAt,
    revokedAt: key.revokedAt,
  };
}

/** What the audit trail keeps of a key: never its secret or hash. */
function auditView(key: ApiKeyEntity): Record<string, unknown> {
  return {
    name: key.name,
    hotelIds: key.hotelIds,
    scopes: key.scopes,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}

/**
 * Third-party API keys. The transaction's scope is every hotel where the caller holds apikeys.manage, so a key is
 * visible (RLS and the explicit filter below agree) only when all of its hotels are within that scope.
 */
@Injectable()
export class ApiKeysService {
  constructor(private readonly audit: AuditWriter) {}

  async list(ctx: RequestContext): Promise<ApiKeyObject[]> {
    if (ctx.tenantIds.length === 0) {
      return [];
    }
    const keys = await ctx.tx
      .getRepository(ApiKeyEntity)
      .createQueryBuilder('k')
      .where('k.hotelIds <@ CAST(:scope AS uuid[])', { scope: [...ctx.tenantIds] })
      .orderBy('k.createdAt', 'DESC')
      .addOrderBy('k.id', 'ASC')
      .getMany();
    return keys.map(toApiKeyObject);
  }

  async create(ctx: RequestContext, input: CreateApiKeyInput): Promise<CreatedApiKeyObject> {
    const hotels = await loadScopedHotels(ctx, input.hotelIds);
    const agencies = new Set(hotels.map((h) => h.agencyId));
    if (agencies.size > 1 || (hotels.length > 1 && hotels[0].agencyId === null)) {
      throw tenancyError(TenancyError.MixedAgencies, { field: 'hotelIds' });
    }
    const name = input.name.trim();
    if (name.length < 2) {
      throw BatonError.badInput('name must be at least 2 characters', { field: 'name' });
    }
    const requested = new Set(input.scopes?.length ? input.scopes : [ApiKeyScope.Read]);
    const scopes = SCOPE_ORDER.filter((s) => requested.has(s));
    const id = randomUUID();
    const credential = formatCredential(API_KEY_PREFIX, [id]);
    const repo = ctx.tx.getRepository(ApiKeyEntity);
    await repo.insert({
      id,
      agencyId: hotels[0].agencyId,
      hotelIds: hotels.map((h) => h.id),
      name,
      secretHash: sha256(credential.secret),
      scopes,
      createdBy: ctx.userId,
    });
    const key = await repo.findOneByOrFail({ id });
    for (const hotelId of key.hotelIds) {
      await this.audit.record(ctx, {
        tenantId: hotelId,
        action: AuditAction.ApiKeyCreated,
        entityType: ENTITY_TYPE,
        entityId: key.id,
        before: null,
        after: auditView(key),
      });
    }
    return { apiKey: toApiKeyObject(key), secret: credential.value };
  }

  /** Idempotent: revoking a revoked key returns it unchanged and records nothing. */
  async revoke(ctx: RequestContext, id: string): Promise<ApiKeyObject> {
    const repo = ctx.tx.getRepository(ApiKeyEntity);
    const key =
      isUuid(id) && ctx.tenantIds.length > 0
        ? await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })
        : null;
    if (!key || !key.hotelIds.every((hotelId) => ctx.inScope(hotelId))) {
      throw BatonError.notFound('ApiKey', id);
    }
    if (key.revokedAt) {
      return toApiKeyObject(key);
    }
    const before = auditView(key);
    const revokedAt = new Date();
    await repo.update({ id: key.id }, { revokedAt });
    const revoked: ApiKeyEntity = { ...key, revokedAt };
    for (const hotelId of key.hotelIds) {
      await this.audit.record(ctx, {
        tenantId: hotelId,
        action: AuditAction.ApiKeyRevoked,
        entityType: ENTITY_TYPE,
        entityId: key.id,
        before,
        after: auditView(revoked),
      });
    }
    return toApiKeyObject(revoked);
  }
}
