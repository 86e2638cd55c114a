import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { ActorKind, WallboardBoard } from '@baton/shared/contracts';
import {
  AccessTokens,
  applyDbScope,
  PrincipalResolver,
  ResolvedPrincipal,
  safeEqualHex,
  sha256,
  TenantTransactions,
} from '@baton/api/core';
import type { EntityManager } from 'typeorm';
import { ApiKeyEntity, WallboardTokenEntity } from '../entities/credential.entity';
import { HotelEntity } from '../entities/hotel.entity';
import { AgencyMembershipEntity, HotelMembershipEntity } from '../entities/membership.entity';
import { UserEntity } from '../entities/user.entity';
import { TenancyError, tenancyError } from '../tenancy.errors';
import { API_KEY_PREFIX, parseCredential, WALLBOARD_PREFIX } from './credentials';
import { apiKeyGrants, userGrants, wallboardGrants } from './grants';

/** Recording last use on every request would turn reads into writes; once a minute is enough to answer "is it used?". */
const LAST_USED_RESOLUTION_MS = 60_000;

/** Resolves bearer credentials to principals and their grants (the core PrincipalResolver port). */
@Injectable()
export class TenancyPrincipalResolver extends PrincipalResolver {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly accessTokens: AccessTokens,
  ) {
    super();
  }

  async resolve(credential: string): Promise<ResolvedPrincipal> {
    if (credential.startsWith(API_KEY_PREFIX)) {
      return this.resolveApiKey(credential);
    }
    if (credential.startsWith(WALLBOARD_PREFIX)) {
      return this.resolveWallboard(credential);
    }
    const userId = await this.accessTokens.verify(credential);
    return this.transactions.runIdentity({ tenantIds: [], identityUserId: userId }, (em) =>
      this.resolveUser(em, userId),
    );
  }

  /** Loads a user's principal and grants; `em` must carry the identity scope of that user. */
  async resolveUser(em: EntityManager, userId: string): Promise<ResolvedPrincipal> {
    const user = await em.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user) {
      throw tenancyError(TenancyError.InvalidCredentials);
    }
    if (user.disabledAt) {
      throw tenancyError(TenancyError.UserDisabled);
    }
    const hotelRoles = await em.getRepository(HotelMembershipEntity).findBy({ userId });
    const agencyRoles = await em.getRepository(AgencyMembershipEntity).findBy({ userId });
    const agencyHotels = agencyRoles.length
      ? await em.getRepository(HotelEntity).findBy({ agencyId: In(agencyRoles.map((a) => a.agencyId)) })
      : [];
    const grants = userGrants(
      hotelRoles,
      agencyRoles.map((a) => ({
        role: a.role,
        hotelIds: agencyHotels.filter((h) => h.agencyId === a.agencyId).map((h) => h.id),
      })),
    );
    return {
      principal: { kind: ActorKind.User, userId: user.id, email: user.email, displayName: user.displayName },
      grants,
    };
  }

  private async resolveApiKey(credential: string): Promise<ResolvedPrincipal> {
    const parsed = parseCredential(API_KEY_PREFIX, credential, 1);
    if (!parsed) {
      throw tenancyError(TenancyError.InvalidApiKey);
    }
    const [keyId] = parsed.ids;
    return this.transactions.runIdentity({ tenantIds: [], apiKeyId: keyId }, async (em) => {
      const key = await em.getRepository(ApiKeyEntity).findOneBy({ id: keyId });
      if (!key || !safeEqualHex(key.secretHash, sha256(parsed.secret))) {
        throw tenancyError(TenancyError.InvalidApiKey);
      }
      if (key.revokedAt) {
        throw tenancyError(TenancyError.ApiKeyRevoked);
      }
      if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
        await applyDbScope(em, { tenantIds: key.hotelIds, apiKeyId: keyId });
        await em.getRepository(ApiKeyEntity).update({ id: keyId }, { lastUsedAt: new Date() });
      }
      return {
        principal: { kind: ActorKind.ApiKey, apiKeyId: key.id, name: key.name },
        grants: apiKeyGrants(key.hotelIds, key.scopes),
      };
    });
  }

  private async resolveWallboard(credential: string): Promise<ResolvedPrincipal> {
    const parsed = parseCredential(WALLBOARD_PREFIX, credential, 2);
    if (!parsed) {
      throw tenancyError(TenancyError.InvalidWallboardToken);
    }
    const [hotelId, tokenId] = parsed.ids;
    return this.transactions.runIdentity({ tenantIds: [hotelId] }, async (em) => {
      const repo = em.getRepository(WallboardTokenEntity);
      const token = await repo.findOneBy({ tenantId: hotelId, id: tokenId });
      if (!token || !safeEqualHex(token.secretHash, sha256(parsed.secret))) {
        throw tenancyError(TenancyError.InvalidWallboardToken);
      }
      if (token.revokedAt) {
        throw tenancyError(TenancyError.WallboardTokenRevoked);
      }
      if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
        await repo.update({ tenantId: hotelId, id: tokenId, revokedAt: IsNull() }, { lastUsedAt: new Date() });
      }
      return {
        principal: {
          kind: ActorKind.Wallboard,
          tokenId: token.id,
          hotelId,
          board: token.board as WallboardBoard,
          name: token.name,
        },
        grants: wallboardGrants(hotelId),
      };
    });
  }
}
