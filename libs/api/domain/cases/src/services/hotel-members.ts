import { Injectable } from '@nestjs/common';
import { isUuid, RequestContext } from '@baton/api/core';

/**
 * Who may own a case: an enabled user with a role on the hotel, or with an agency role on the hotel's agency (agency
 * staff answer the social channels of their hotels).
 *
 * agency_membership rows are readable only by their own user (RLS: user_id = baton_identity_user_id()), so the agency
 * check sets the identity to the candidate for a single SELECT and restores it at once, inside this transaction only
 * (set_config is_local). A migration exposing "is user X an agency member of hotel Y" to the tenant scope would make
 * this unnecessary.
 */
@Injectable()
export class HotelMembers {
  async isMember(ctx: RequestContext, hotelId: string, userId: string): Promise<boolean> {
    ctx.assertInScope(hotelId);
    if (!isUuid(userId)) {
      return false;
    }
    const direct: unknown[] = await ctx.tx.query(
      `SELECT 1 FROM hotel_membership m JOIN app_user u ON u.id = m.user_id
        WHERE m.hotel_id = $1 AND m.user_id = $2 AND u.disabled_at IS NULL`,
      [hotelId, userId],
    );
    if (direct.length > 0) {
      return true;
    }
    const [previous]: Array<{ identity: string | null }> = await ctx.tx.query(
      `SELECT current_setting('app.identity_user_id', true) AS identity`,
    );
    await ctx.tx.query(`SELECT set_config('app.identity_user_id', $1, true)`, [userId]);
    // No finally: if the SELECT fails, the transaction is aborted and rolls the setting back anyway.
    const viaAgency: unknown[] = await ctx.tx.query(
      `SELECT 1 FROM agency_membership am
         JOIN hotel h ON h.agency_id = am.agency_id
         JOIN app_user u ON u.id = am.user_id
        WHERE h.id = $1 AND am.user_id = $2 AND u.disabled_at IS NULL`,
      [hotelId, userId],
    );
    await ctx.tx.query(`SELECT set_config('app.identity_user_id', $1, true)`, [previous?.identity ?? '']);
    return viaAgency.length > 0;
  }
}
