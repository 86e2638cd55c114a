import { Injectable } from '@nestjs/common';
import { TenantEvent, tenantChannel } from '@baton/shared/contracts';
import { isUuid, RequestContext } from '@baton/api/core';
import { MarkNotificationsReadInput } from '../dto/mark-notifications-read.input';
import { NotificationsArgs } from '../dto/notifications.args';
import { NotificationEventPayload } from '../events/notification.events';
import { NotificationsError, notificationsError } from '../notifications.errors';
import { NotificationConnectionObject } from '../objects/notification.object';
import { createdKeySql, decodeCursor, encodeCursor } from './keyset-cursor';
import { notificationFromRow, NotificationRow } from './notification-rows';
import { toNotificationObject } from './notification-views';
import { updateReturning } from './update-returning';

/**
 * The calling user's own notifications. The transaction's tenant scope is the caller's hotels (or the one asked for),
 * and every query also filters on the caller's user id: someone else's notification, or another hotel's, is simply
 * not there. Principals without a user (API keys, wallboards) have no notifications.
 */
@Injectable()
export class NotificationInbox {
  async list(ctx: RequestContext, args: NotificationsArgs): Promise<NotificationConnectionObject> {
    const hotelIds = this.hotels(ctx, args.hotelId);
    const userId = ctx.userId;
    if (!userId || hotelIds.length === 0) {
      return { nodes: [], endCursor: null, hasNextPage: false };
    }
    const first = Math.min(Math.max(args.first, 1), 100);
    const params: unknown[] = [hotelIds, userId, first + 1];
    const where = ['n.tenant_id = ANY ($1::uuid[])', 'n.user_id = $2'];
    if (args.unreadOnly) {
      where.push('n.read_at IS NULL');
    }
    if (args.after) {
      const cursor = decodeCursor(args.after);
      params.push(cursor.createdKey, cursor.id);
      where.push(`(n.created_at, n.id) < ($4::timestamptz, $5::uuid)`);
    }
    const rows: Array<NotificationRow & { created_key: string }> = await ctx.tx.query(
      `SELECT n.*, ${createdKeySql('n')} AS created_key FROM notification n
        WHERE ${where.join(' AND ')}
        ORDER BY n.created_at DESC, n.id DESC
        LIMIT $3`,
      params,
    );
    const page = rows.slice(0, first);
    const last = page.at(-1);
    return {
      nodes: page.map((row) => toNotificationObject(notificationFromRow(row))),
      endCursor: last ? encodeCursor({ createdKey: last.created_key, id: last.id }) : null,
      hasNextPage: rows.length > first,
    };
  }

  async unreadCount(ctx: RequestContext, hotelId?: string | null): Promise<number> {
    const hotelIds = this.hotels(ctx, hotelId);
    if (!ctx.userId || hotelIds.length === 0) {
      return 0;
    }
    const [row]: Array<{ n: number }> = await ctx.tx.query(
      `SELECT count(*)::int AS n FROM notification
        WHERE tenant_id = ANY ($1::uuid[]) AND user_id = $2 AND read_at IS NULL`,
      [hotelIds, ctx.userId],
    );
    return row.n;
  }

  /** Marks the caller's own unread notifications read; returns how many changed. Foreign or unknown ids are ignored. */
  async markRead(ctx: RequestContext, input: MarkNotificationsReadInput): Promise<number> {
    const all = input.all === true;
    const ids = (input.ids ?? []).filter(isUuid);
    if (!all && !input.ids) {
      throw notificationsError(NotificationsError.NothingToMark);
    }
    const hotelIds = this.hotels(ctx, input.hotelId);
    if (!ctx.userId || hotelIds.length === 0 || (!all && ids.length === 0)) {
      return 0;
    }
    const rows = await updateReturning<{ tenant_id: string; id: string }>(
      ctx,
      `UPDATE notification SET read_at = now()
        WHERE tenant_id = ANY ($1::uuid[]) AND user_id = $2 AND read_at IS NULL
          AND ($3::boolean OR id = ANY ($4::uuid[]))
        RETURNING tenant_id, id`,
      [hotelIds, ctx.userId, all, ids],
    );
    const byHotel = new Map<string, string[]>();
    rows.forEach((r) => byHotel.set(r.tenant_id, [...(byHotel.get(r.tenant_id) ?? []), r.id]));
    for (const [hotelId, changed] of byHotel) {
      const event: NotificationEventPayload = { kind: 'read', hotelId, userId: ctx.userId, ids: changed, all };
      ctx.publishAfterCommit(tenantChannel(hotelId, TenantEvent.Notifications), event);
    }
    return rows.length;
  }

  /** One hotel (NOT_FOUND when outside the caller's reach, like a hotel that does not exist), or all of the scope. */
  private hotels(ctx: RequestContext, hotelId?: string | null): string[] {
    if (hotelId) {
      ctx.assertInScope(hotelId);
      return [hotelId];
    }
    return [...ctx.tenantIds];
  }
}
