import { Injectable } from '@nestjs/common';
import { isUuid, RequestContext } from '@baton/api/core';
import { TicketsError, ticketsError } from '../tickets.errors';

/**
 * Checks of what a ticket points at: its case, its owner and its team. These live in other domains (cases, tenancy),
 * which this library must not import, so they are read by SQL in the caller's tenant-scoped transaction.
 */
@Injectable()
export class TicketReferences {
  /** A case of this hotel; another hotel's case is refused exactly like a missing one (RLS hides it as well). */
  async assertCase(ctx: RequestContext, hotelId: string, caseId: string): Promise<void> {
    const rows: unknown[] = isUuid(caseId)
      ? await ctx.tx.query(`SELECT 1 FROM guest_case WHERE tenant_id = $1 AND id = $2`, [hotelId, caseId])
      : [];
    if (rows.length === 0) {
      throw ticketsError(TicketsError.UnknownCase, { field: 'caseId' });
    }
  }

  /**
   * A team code of the hotel's dictionary (the one cases use). A hotel whose team list was never opened has no rows
   * yet: then any well-formed code is taken, since the list would be seeded from defaults on its first use.
   */
  async assertTeam(ctx: RequestContext, hotelId: string, team: string): Promise<void> {
    const rows: Array<{ code: string; active: boolean }> = await ctx.tx.query(
      `SELECT code, active FROM hotel_dictionary WHERE tenant_id = $1 AND kind = 'team'`,
      [hotelId],
    );
    const known = rows.length === 0 ? /^[a-z0-9_]{1,40}$/.test(team) : rows.some((r) => r.code === team && r.active);
    if (!known) {
      throw ticketsError(TicketsError.UnknownTeam, { field: 'team', code: team });
    }
  }

  /**
   * An enabled user with a role on the hotel, or with an agency role on the hotel's agency. agency_membership rows are
   * readable only by their own user (RLS on baton_identity_user_id()), so the agency check sets the identity to the
   * candidate for one SELECT and restores it, inside this transaction only (set_config is_local).
   */
  async assertMember(ctx: RequestContext, hotelId: string, userId: string): Promise<void> {
    if (!(await this.isMember(ctx, hotelId, userId))) {
      throw ticketsError(TicketsError.NotAMember, { field: 'ownerId' });
    }
  }

  private async isMember(ctx: RequestContext, hotelId: string, userId: string): Promise<boolean> {
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
