import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditAction, ChannelProvider } from '@baton/shared/contracts';
import { AuditWriter, BatonError, isUuid, RequestContext, SecretBox, sha256 } from '@baton/api/core';
import { SaveChannelAccountInput } from '../dto/save-channel-account.input';
import { ChannelAccountEntity } from '../entities/channel-account.entity';
import { ChannelRouteEntity } from '../entities/channel-route.entity';
import { InboundEventEntity } from '../entities/inbound-event.entity';
import { IntakeError, intakeError } from '../intake.errors';
import { ChannelAccountObject, InboundEventObject } from '../objects/intake.objects';
import { META_PROVIDERS, SIGNED_PROVIDERS, webhookPath } from '../webhook-paths';
import { ChannelRouter } from './channel-router';

const ENTITY_TYPE = 'channel_account';

function toObject(account: ChannelAccountEntity): ChannelAccountObject {
  return {
    id: account.id,
    hotelId: account.tenantId,
    provider: account.provider,
    externalId: account.externalId,
    displayName: account.displayName,
    active: account.active,
    hasAppSecret: account.appSecretEnc !== null,
    hasAccessToken: account.accessTokenEnc !== null,
    hasVerifyToken: account.verifyTokenHash !== null,
    webhookUrl: webhookPath(account.provider as ChannelProvider, account.externalId),
    createdAt: account.createdAt,
    updatedAt: account.updatedAt,
  };
}

/** What the audit trail keeps of an account: never a secret, a ciphertext or a hash. */
function auditView(account: ChannelAccountEntity): Record<string, unknown> {
  return {
    provider: account.provider,
    externalId: account.externalId,
    displayName: account.displayName,
    active: account.active,
    hasAppSecret: account.appSecretEnc !== null,
    hasAccessToken: account.accessTokenEnc !== null,
    hasVerifyToken: account.verifyTokenHash !== null,
  };
}

/** undefined keeps the stored value, null clears it, a string replaces it. */
function nextValue<T>(given: string | null | undefined, current: T | null, transform: (v: string) => T): T | null {
  if (given === undefined) {
    return current;
  }
  return given === null ? null : transform(given);
}

/** Channel accounts of a hotel (AdminSettings) and the routes that let webhooks find them. */
@Injectable()
export class ChannelAccountsService {
  constructor(
    private readonly audit: AuditWriter,
    private readonly secrets: SecretBox,
    private readonly router: ChannelRouter,
  ) {}

  async list(ctx: RequestContext, hotelId: string): Promise<ChannelAccountObject[]> {
    ctx.assertInScope(hotelId);
    const accounts = await ctx.tx
      .getRepository(ChannelAccountEntity)
      .find({ where: { tenantId: hotelId }, order: { provider: 'ASC', displayName: 'ASC', id: 'ASC' } });
    return accounts.map(toObject);
  }

  async inboundEvents(
    ctx: RequestContext,
    hotelId: string,
    pendingOnly: boolean,
    first: number,
  ): Promise<InboundEventObject[]> {
    ctx.assertInScope(hotelId);
    const qb = ctx.tx
      .getRepository(InboundEventEntity)
      .createQueryBuilder('e')
      .select(['e.id', 'e.provider', 'e.externalId', 'e.kind', 'e.occurredAt', 'e.receivedAt'])
      .addSelect(['e.processedAt', 'e.attempts', 'e.lastError'])
      .where('e.tenantId = :hotelId', { hotelId })
      .orderBy('e.receivedAt', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .take(first);
    if (pendingOnly) {
      qb.andWhere('e.processedAt IS NULL');
    }
    const rows = await qb.getMany();
    return rows.map((e) => ({
      id: e.id,
      provider: e.provider,
      externalId: e.externalId,
      kind: e.kind,
      occurredAt: e.occurredAt,
      receivedAt: e.receivedAt,
      processedAt: e.processedAt,
      attempts: e.attempts,
      lastError: e.lastError,
    }));
  }

  async save(ctx: RequestContext, input: SaveChannelAccountInput): Promise<ChannelAccountObject> {
    const hotelId = input.hotelId;
    ctx.assertInScope(hotelId);
    const provider = input.provider as ChannelProvider;
    const externalId = input.externalId.trim();
    if (META_PROVIDERS.includes(provider) && !/^\d{1,40}$/.test(externalId)) {
      throw intakeError(IntakeError.NumericExternalId, { field: 'externalId' });
    }
    const repo = ctx.tx.getRepository(ChannelAccountEntity);
    const before = input.id ? await this.loadForUpdate(ctx, hotelId, input.id) : null;
    if (before && before.provider !== provider) {
      throw intakeError(IntakeError.ProviderChange, { field: 'provider' });
    }
    const clash = await repo.findOne({ where: { tenantId: hotelId, provider, externalId }, select: { id: true } });
    if (clash && clash.id !== before?.id) {
      throw intakeError(IntakeError.DuplicateAccount, { field: 'externalId' });
    }
    const now = new Date();
    const after: ChannelAccountEntity = {
      tenantId: hotelId,
      id: before?.id ?? randomUUID(),
      provider,
      externalId,
      displayName: input.displayName.trim() || externalId,
      appSecretEnc: nextValue(input.appSecret, before?.appSecretEnc ?? null, (v) => this.secrets.seal(v, hotelId)),
      accessTokenEnc: nextValue(input.accessToken, before?.accessTokenEnc ?? null, (v) =>
        this.secrets.seal(v, hotelId),
      ),
      verifyTokenHash: nextValue(input.verifyToken, before?.verifyTokenHash ?? null, sha256),
      active: input.active ?? before?.active ?? true,
      createdAt: before?.createdAt ?? now,
      updatedAt: now,
    };
    if (SIGNED_PROVIDERS.includes(provider) && after.appSecretEnc === null) {
      throw intakeError(IntakeError.AppSecretRequired, { field: 'appSecret' });
    }
    if (before) {
      const { tenantId: _t, id: _i, createdAt: _c, ...changes } = after;
      await repo.update({ tenantId: hotelId, id: after.id }, changes);
    } else {
      await repo.insert(after);
    }
    await this.syncRoute(ctx, before, after);
    await this.audit.record(ctx, {
      tenantId: hotelId,
      action: AuditAction.ChannelAccountSaved,
      entityType: ENTITY_TYPE,
      entityId: after.id,
      before: before ? auditView(before) : null,
      after: auditView(after),
    });
    ctx.afterCommit(() => {
      this.router.invalidate(provider, externalId);
      if (before) {
        this.router.invalidate(before.provider, before.externalId);
      }
    });
    return toObject(after);
  }

  async delete(ctx: RequestContext, hotelId: string, id: string): Promise<boolean> {
    const account = await this.loadForUpdate(ctx, hotelId, id);
    // channel_route rows go with it (ON DELETE CASCADE); stored inbound events stay.
    await ctx.tx.getRepository(ChannelAccountEntity).delete({ tenantId: hotelId, id });
    await this.audit.record(ctx, {
      tenantId: hotelId,
      action: AuditAction.ChannelAccountDeleted,
      entityType: ENTITY_TYPE,
      entityId: id,
      before: auditView(account),
      after: null,
    });
    ctx.afterCommit(() => this.router.invalidate(account.provider, account.externalId));
    return true;
  }

  /** Another hotel's id and a missing id answer the same NOT_FOUND. */
  private async loadForUpdate(ctx: RequestContext, hotelId: string, id: string): Promise<ChannelAccountEntity> {
    if (!ctx.inScope(hotelId)) {
      throw BatonError.notFound('Hotel', hotelId);
    }
    const account = isUuid(id)
      ? await ctx.tx
          .getRepository(ChannelAccountEntity)
          .findOne({ where: { tenantId: hotelId, id }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!account) {
      throw intakeError(IntakeError.AccountNotFound, { id });
    }
    return account;
  }

  /**
   * channel_route follows the account in the same transaction. provider + external_id is globally unique: the route
   * of another hotel is invisible here (RLS), so the insert skips it (ON CONFLICT DO NOTHING) and we answer CONFLICT
   * without saying which hotel holds it.
   */
  private async syncRoute(
    ctx: RequestContext,
    before: ChannelAccountEntity | null,
    after: ChannelAccountEntity,
  ): Promise<void> {
    const routes = ctx.tx.getRepository(ChannelRouteEntity);
    if (before && before.externalId !== after.externalId) {
      await routes.delete({ hotelId: after.tenantId, accountId: after.id });
    }
    const updated = await routes.update(
      { provider: after.provider, externalId: after.externalId, hotelId: after.tenantId, accountId: after.id },
      { verifyTokenHash: after.verifyTokenHash },
    );
    if (updated.affected) {
      return;
    }
    const inserted = await routes
      .createQueryBuilder()
      .insert()
      .values({
        provider: after.provider,
        externalId: after.externalId,
        hotelId: after.tenantId,
        accountId: after.id,
        verifyTokenHash: after.verifyTokenHash,
      })
      .orIgnore()
      .returning(['accountId'])
      .execute();
    if ((inserted.raw as unknown[]).length === 0) {
      throw intakeError(IntakeError.ExternalIdTaken, { field: 'externalId' });
    }
  }
}
