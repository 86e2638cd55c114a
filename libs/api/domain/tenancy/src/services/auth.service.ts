import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { In, IsNull } from 'typeorm';
import type { EntityManager } from 'typeorm';
import {
  AccessTokens,
  applyDbScope,
  BatonConfig,
  hashPassword,
  RequestContext,
  ResolvedPrincipal,
  safeEqualHex,
  sha256,
  TenantTransactions,
  verifyPassword,
} from '@baton/api/core';
import { AgencyEntity } from '../entities/agency.entity';
import { RefreshSessionEntity } from '../entities/credential.entity';
import { HotelEntity } from '../entities/hotel.entity';
import { AgencyMembershipEntity, HotelMembershipEntity } from '../entities/membership.entity';
import { UserEntity } from '../entities/user.entity';
import { AuthPayloadObject, MeObject } from '../objects/tenancy.objects';
import { TenancyError, tenancyError } from '../tenancy.errors';
import { formatCredential, parseCredential, REFRESH_PREFIX } from './credentials';
import { toHotelObject } from './hotel.mapper';
import { TenancyPrincipalResolver } from './principal-resolver.service';

/** Compared against when the e-mail is unknown, so a login takes as long whether or not the account exists. */
let decoyHash: Promise<string> | null = null;

/**
 * Login, refresh-token rotation, logout and `me`. These run before a tenant scope exists, so they set the
 * identity scope (the user's own rows) inside the request transaction themselves.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly config: BatonConfig,
    private readonly accessTokens: AccessTokens,
    private readonly principals: TenancyPrincipalResolver,
    private readonly transactions: TenantTransactions,
  ) {}

  async login(ctx: RequestContext, email: string, password: string): Promise<AuthPayloadObject> {
    const em = ctx.tx;
    const user = await em.getRepository(UserEntity).findOneBy({ email: email.trim().toLowerCase() });
    decoyHash ??= hashPassword('decoy-password-never-used');
    const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);
    if (!user || !ok) {
      throw tenancyError(TenancyError.InvalidCredentials);
    }
    return this.startSession(em, user.id);
  }

  async refresh(ctx: RequestContext, refreshToken: string): Promise<AuthPayloadObject> {
    const em = ctx.tx;
    const session = await this.findSession(em, refreshToken);
    await applyDbScope(em, { tenantIds: [], identityUserId: session.userId });
    const repo = em.getRepository(RefreshSessionEntity);
    if (session.rotatedAt) {
      // A rotated token used again means it was copied: end every session of this user. In its own transaction,
      // because the request's transaction rolls back with the error we return.
      await this.transactions.runIdentity({ tenantIds: [], identityUserId: session.userId }, (other) =>
        other
          .getRepository(RefreshSessionEntity)
          .update({ userId: session.userId, revokedAt: IsNull() }, { revokedAt: new Date() }),
      );
      throw tenancyError(TenancyError.InvalidRefreshToken, { reused: true });
    }
    await repo.update({ id: session.id }, { rotatedAt: new Date() });
    return this.startSession(em, session.userId);
  }

  async logout(ctx: RequestContext, refreshToken: string): Promise<boolean> {
    const em = ctx.tx;
    const session = await this.findSession(em, refreshToken);
    await em.getRepository(RefreshSessionEntity).update({ id: session.id }, { revokedAt: new Date() });
    return true;
  }

  /** The caller's profile, memberships and reachable hotels (user sessions only). */
  async me(ctx: RequestContext): Promise<MeObject> {
    const userId = ctx.userId;
    if (!userId) {
      throw tenancyError(TenancyError.UserSessionRequired);
    }
    await applyDbScope(ctx.tx, { tenantIds: [...ctx.grants.keys()], identityUserId: userId });
    return this.buildMe(ctx.tx, { principal: ctx.principal!, grants: ctx.grants }, userId);
  }

  private async findSession(em: EntityManager, refreshToken: string): Promise<RefreshSessionEntity> {
    const parsed = parseCredential(REFRESH_PREFIX, refreshToken, 1);
    if (!parsed) {
      throw tenancyError(TenancyError.InvalidRefreshToken);
    }
    const [sessionId] = parsed.ids;
    await applyDbScope(em, { tenantIds: [], sessionId });
    const session = await em.getRepository(RefreshSessionEntity).findOneBy({ id: sessionId });
    if (!session || !safeEqualHex(session.tokenHash, sha256(parsed.secret))) {
      throw tenancyError(TenancyError.InvalidRefreshToken);
    }
    if (session.revokedAt || session.expiresAt.getTime() <= Date.now()) {
      throw tenancyError(TenancyError.InvalidRefreshToken);
    }
    return session;
  }

  private async startSession(em: EntityManager, userId: string): Promise<AuthPayloadObject> {
    await applyDbScope(em, { tenantIds: [], identityUserId: userId });
    const resolved = await this.principals.resolveUser(em, userId);
    const sessions = em.getRepository(RefreshSessionEntity);
    // Expired sessions of this user are dead weight; drop them while we are here.
    await sessions
      .createQueryBuilder()
      .delete()
      .where('user_id = :userId AND expires_at < now()', { userId })
      .execute();
    const sessionId = randomUUID();
    const refresh = formatCredential(REFRESH_PREFIX, [sessionId]);
    await sessions.insert({
      id: sessionId,
      userId,
      tokenHash: sha256(refresh.secret),
      expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_SECONDS * 1000),
    });
    const access = await this.accessTokens.issue(userId);
    await applyDbScope(em, { tenantIds: [...resolved.grants.keys()], identityUserId: userId });
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken: refresh.value,
      me: await this.buildMe(em, resolved, userId),
    };
  }

  private async buildMe(em: EntityManager, resolved: ResolvedPrincipal, userId: string): Promise<MeObject> {
    const user = await em.getRepository(UserEntity).findOneByOrFail({ id: userId });
    const hotelIds = [...resolved.grants.keys()];
    const hotels = hotelIds.length
      ? await em.getRepository(HotelEntity).find({ where: { id: In(hotelIds) }, order: { name: 'ASC' } })
      : [];
    const hotelMemberships = await em.getRepository(HotelMembershipEntity).findBy({ userId });
    const agencyMemberships = await em.getRepository(AgencyMembershipEntity).findBy({ userId });
    const agencies = agencyMemberships.length
      ? await em.getRepository(AgencyEntity).findBy({ id: In(agencyMemberships.map((a) => a.agencyId)) })
      : [];
    const hotelName = new Map(hotels.map((h) => [h.id, h.name]));
    return {
      user: { id: user.id, email: user.email, displayName: user.displayName, locale: user.locale },
      agencies: agencyMemberships.map((a) => ({
        agencyId: a.agencyId,
        agencyName: agencies.find((g) => g.id === a.agencyId)?.name ?? '',
        role: a.role,
      })),
      memberships: hotelMemberships.map((m) => ({
        hotelId: m.hotelId,
        hotelName: hotelName.get(m.hotelId) ?? '',
        userId,
        email: user.email,
        displayName: user.displayName,
        role: m.role,
      })),
      hotels: hotels.map((h) => toHotelObject(h, resolved.grants)),
    };
  }
}
