import { Injectable } from '@nestjs/common';
import { RequestContext } from '@baton/api/core';

export interface Recipient {
  userId: string;
  email: string;
}

/**
 * The users among `userIds` who may hear about the hotel: enabled, with a role on it, or an agency role on its agency.
 * A caller that passes a stray id (another hotel's user, a deleted one) notifies no one by mistake, and no e-mail
 * leaves for someone outside the hotel.
 *
 * agency_membership rows are readable only by their own user (RLS: user_id = baton_identity_user_id()), so the agency
 * check sets the identity to each candidate for one SELECT and restores it, inside this transaction only
 * (set_config is_local). Recipient lists are short (an owner, a RACI party).
 */
@Injectable()
export class Recipients {
  async resolve(ctx: RequestContext, hotelId: string, userIds: readonly string[]): Promise<Recipient[]> {
    if (userIds.length === 0) {
      return [];
    }
    const users: Array<{ id: string; email: string; direct: boolean }> = await ctx.tx.query(
      `SELECT u.id, u.email,
              EXISTS (SELECT 1 FROM hotel_membership m WHERE m.hotel_id = $1 AND m.user_id = u.id) AS direct
         FROM app_user u
        WHERE u.id = ANY ($2::uuid[]) AND u.disabled_at IS NULL
        ORDER BY u.id`,
      [hotelId, userIds],
    );
    const out: Recipient[] = [];
    const viaAgency = users.filter((u) => !u.direct);
    if (viaAgency.length > 0) {
      const [previous]: Array<{ identity: string | null }> = await ctx.tx.query(
        `SELECT current_setting('app.identity_user_id', true) AS identity`,
      );
      for (const user of viaAgency) {
        await ctx.tx.query(`SELECT set_config('app.identity_user_id', $1, true)`, [user.id]);
        const rows: unknown[] = await ctx.tx.query(
          `SELECT 1 FROM agency_membership am JOIN hotel h ON h.agency_id = am.agency_id
            WHERE h.id = $1 AND am.user_id = $2`,
          [hotelId, user.id],
        );
        if (rows.length > 0) {
          out.push({ userId: user.id, email: user.email });
        }
      }
      // No finally: a failed SELECT aborts the transaction, which rolls the setting back anyway.
      await ctx.tx.query(`SELECT set_config('app.identity_user_id', $1, true)`, [previous?.identity ?? '']);
    }
    return [...users.filter((u) => u.direct).map((u) => ({ userId: u.id, email: u.email })), ...out];
  }
}
