import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AuditAction, HotelRole, isHotelRole, ROLE_PERMISSIONS } from '@baton/shared/contracts';
import { AuditWriter, BatonError, isUuid, RequestContext } from '@baton/api/core';
import { HotelEntity } from '../entities/hotel.entity';
import { HotelMembershipEntity } from '../entities/membership.entity';
import { UserEntity } from '../entities/user.entity';
import { MembershipObject } from '../objects/tenancy.objects';
import { TenancyError, tenancyError } from '../tenancy.errors';
import { loadScopedHotel } from './scoped-hotels';

const ENTITY_TYPE = 'membership';

function toMembershipObject(hotel: HotelEntity, user: UserEntity, role: HotelRole): MembershipObject {
  return {
    hotelId: hotel.id,
    hotelName: hotel.name,
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    role,
  };
}

/**
 * Hotel-level memberships (agency roles are managed elsewhere). Every change is audited on the hotel, and the writes
 * of one hotel are serialised on its row so the last-admin rule cannot be raced.
 */
@Injectable()
export class MembershipsService {
  constructor(private readonly audit: AuditWriter) {}

  async list(ctx: RequestContext, hotelId: string): Promise<MembershipObject[]> {
    const hotel = await loadScopedHotel(ctx, hotelId);
    const memberships = await ctx.tx.getRepository(HotelMembershipEntity).findBy({ hotelId: hotel.id });
    if (memberships.length === 0) {
      return [];
    }
    const users = await ctx.tx.getRepository(UserEntity).findBy({ id: In(memberships.map((m) => m.userId)) });
    const byId = new Map(users.map((u) => [u.id, u]));
    return memberships
      .flatMap((m) => {
        const user = byId.get(m.userId);
        return user ? [toMembershipObject(hotel, user, m.role)] : [];
      })
      .sort((a, b) => a.email.localeCompare(b.email));
  }

  async add(ctx: RequestContext, hotelId: string, email: string, role: string): Promise<MembershipObject> {
    const newRole = this.parseRole(role);
    const hotel = await loadScopedHotel(ctx, hotelId, { lock: true });
    this.assertCallerHolds(ctx, hotel.id, newRole);
    // app_user has no row-level security: any account may be added by its e-mail.
    const user = await ctx.tx.getRepository(UserEntity).findOneBy({ email: email.trim().toLowerCase() });
    if (!user) {
      throw tenancyError(TenancyError.UnknownUser);
    }
    const inserted: unknown[] = await ctx.tx.query(
      `INSERT INTO hotel_membership (hotel_id, user_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (hotel_id, user_id) DO NOTHING RETURNING user_id`,
      [hotel.id, user.id, newRole],
    );
    if (inserted.length === 0) {
      throw tenancyError(TenancyError.AlreadyMember);
    }
    await this.audit.record(ctx, {
      tenantId: hotel.id,
      action: AuditAction.MembershipAdded,
      entityType: ENTITY_TYPE,
      entityId: user.id,
      before: null,
      after: { role: newRole, email: user.email },
    });
    return toMembershipObject(hotel, user, newRole);
  }

  async changeRole(ctx: RequestContext, hotelId: string, userId: string, role: string): Promise<MembershipObject> {
    const newRole = this.parseRole(role);
    const hotel = await loadScopedHotel(ctx, hotelId, { lock: true });
    const { membership, user } = await this.loadMembership(ctx, hotel.id, userId);
    if (membership.role === newRole) {
      return toMembershipObject(hotel, user, newRole);
    }
    this.assertCallerHolds(ctx, hotel.id, membership.role);
    this.assertCallerHolds(ctx, hotel.id, newRole);
    await this.assertNotLastAdmin(ctx, hotel, membership);
    await ctx.tx.getRepository(HotelMembershipEntity).update({ hotelId: hotel.id, userId: user.id }, { role: newRole });
    await this.audit.record(ctx, {
      tenantId: hotel.id,
      action: AuditAction.MembershipRoleChanged,
      entityType: ENTITY_TYPE,
      entityId: user.id,
      before: { role: membership.role, email: user.email },
      after: { role: newRole, email: user.email },
    });
    return toMembershipObject(hotel, user, newRole);
  }

  async remove(ctx: RequestContext, hotelId: string, userId: string): Promise<boolean> {
    const hotel = await loadScopedHotel(ctx, hotelId, { lock: true });
    const { membership, user } = await this.loadMembership(ctx, hotel.id, userId);
    this.assertCallerHolds(ctx, hotel.id, membership.role);
    await this.assertNotLastAdmin(ctx, hotel, membership);
    await ctx.tx.getRepository(HotelMembershipEntity).delete({ hotelId: hotel.id, userId: user.id });
    await this.audit.record(ctx, {
      tenantId: hotel.id,
      action: AuditAction.MembershipRemoved,
      entityType: ENTITY_TYPE,
      entityId: user.id,
      before: { role: membership.role, email: user.email },
      after: null,
    });
    return true;
  }

  private parseRole(role: string): HotelRole {
    if (!isHotelRole(role)) {
      throw tenancyError(TenancyError.InvalidRole, { field: 'role' });
    }
    return role;
  }

  private async loadMembership(
    ctx: RequestContext,
    hotelId: string,
    userId: string,
  ): Promise<{ membership: HotelMembershipEntity; user: UserEntity }> {
    const membership = isUuid(userId)
      ? await ctx.tx.getRepository(HotelMembershipEntity).findOneBy({ hotelId, userId })
      : null;
    const user = membership ? await ctx.tx.getRepository(UserEntity).findOneBy({ id: userId }) : null;
    if (!membership || !user) {
      throw BatonError.notFound('Membership', userId);
    }
    return { membership, user };
  }

  /** No one hands out (or takes away) more than they hold: an agency manager cannot make anyone a hotel admin. */
  private assertCallerHolds(ctx: RequestContext, hotelId: string, role: HotelRole): void {
    if (!ROLE_PERMISSIONS[role].every((permission) => ctx.can(permission, hotelId))) {
      throw tenancyError(TenancyError.RoleAboveCaller, { role });
    }
  }

  /**
   * A standalone hotel (no agency) must keep one hotel-level admin, or nobody could manage it any more. Hotels of an
   * agency are still reachable by the agency's admins.
   */
  private async assertNotLastAdmin(
    ctx: RequestContext,
    hotel: HotelEntity,
    membership: HotelMembershipEntity,
  ): Promise<void> {
    if (membership.role !== HotelRole.Admin || hotel.agencyId !== null) {
      return;
    }
    const admins = await ctx.tx
      .getRepository(HotelMembershipEntity)
      .countBy({ hotelId: hotel.id, role: HotelRole.Admin });
    if (admins <= 1) {
      throw tenancyError(TenancyError.LastAdmin);
    }
  }
}
