import { Injectable } from '@nestjs/common';
import { HotelRole } from '@baton/shared/contracts';
import { isUuid, RequestContext } from '@baton/api/core';

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/**
 * Who stands behind a party: explicit users (enabled staff of the hotel or of its agency) and holders of hotel roles.
 *
 * agency_membership rows are readable only by their own identity (RLS: user_id = baton_identity_user_id()), so agency
 * staff are looked up as themselves, one SELECT each, with the identity set for this transaction only (set_config
 * is_local) and restored at once.
 */
@Injectable()
export class RaciMembers {
  /** The ids among `userIds` that are not enabled members of the hotel or of its agency (input order, no repeats). */
  async outsiders(ctx: RequestContext, hotelId: string, userIds: readonly string[]): Promise<string[]> {
    const wanted = unique(userIds);
    const ids = wanted.filter(isUuid);
    if (ids.length === 0) {
      return wanted;
    }
    const direct = await ctx.tx.query<Array<{ user_id: string }>>(
      `SELECT m.user_id FROM hotel_membership m JOIN app_user u ON u.id = m.user_id
        WHERE m.hotel_id = $1 AND m.user_id = ANY ($2::uuid[]) AND u.disabled_at IS NULL`,
      [hotelId, ids],
    );
    const members = new Set(direct.map((r) => r.user_id));
    for (const userId of ids.filter((id) => !members.has(id))) {
      const staff = await this.withIdentity(ctx, userId, () =>
        ctx.tx.query<unknown[]>(
          `SELECT 1 FROM agency_membership am
             JOIN hotel h ON h.agency_id = am.agency_id
             JOIN app_user u ON u.id = am.user_id
            WHERE h.id = $1 AND am.user_id = $2 AND u.disabled_at IS NULL`,
          [hotelId, userId],
        ),
      );
      if (staff.length > 0) {
        members.add(userId);
      }
    }
    return wanted.filter((id) => !members.has(id));
  }

  /** Enabled users holding one of `roles` on the hotel, by name. */
  async roleHolders(ctx: RequestContext, hotelId: string, roles: readonly HotelRole[]): Promise<string[]> {
    if (roles.length === 0) {
      return [];
    }
    const rows = await ctx.tx.query<Array<{ user_id: string }>>(
      `SELECT m.user_id FROM hotel_membership m JOIN app_user u ON u.id = m.user_id
        WHERE m.hotel_id = $1 AND m.role = ANY ($2::text[]) AND u.disabled_at IS NULL
        ORDER BY u.display_name, m.user_id`,
      [hotelId, unique(roles)],
    );
    return rows.map((r) => r.user_id);
  }

  /** Display names (app_user has no row-level security; only ids already known to the caller are asked for). */
  async names(ctx: RequestContext, userIds: readonly string[]): Promise<Map<string, string>> {
    const ids = unique(userIds).filter(isUuid);
    if (ids.length === 0) {
      return new Map();
    }
    const rows = await ctx.tx.query<Array<{ id: string; display_name: string }>>(
      `SELECT id, display_name FROM app_user WHERE id = ANY ($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }

  /** Runs `work` with app.identity_user_id = `userId` (transaction-local), then puts the previous identity back. */
  async withIdentity<T>(ctx: RequestContext, userId: string, work: () => Promise<T>): Promise<T> {
    const [previous] = await ctx.tx.query<Array<{ identity: string | null }>>(
      `SELECT current_setting('app.identity_user_id', true) AS identity`,
    );
    await ctx.tx.query(`SELECT set_config('app.identity_user_id', $1, true)`, [userId]);
    // No finally: any error here rolls the whole transaction back, the setting with it.
    const result = await work();
    await ctx.tx.query(`SELECT set_config('app.identity_user_id', $1, true)`, [previous?.identity ?? '']);
    return result;
  }
}
