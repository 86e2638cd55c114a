import { Inject, Injectable } from '@nestjs/common';
import { NotificationChannel, TenantEvent, tenantChannel } from '@baton/shared/contracts';
import { BatonError, isUuid, RequestContext } from '@baton/api/core';
import { NotificationEventPayload } from '../events/notification.events';
import { DELIVERY_OPTIONS, DeliveryOptions } from '../notifications.options';
import { Deliveries } from './deliveries.service';
import { notificationFromRow, NotificationRow } from './notification-rows';
import { toNotificationView } from './notification-views';
import { Recipient, Recipients } from './recipients';

export interface NotifyInput {
  hotelId: string;
  userIds: string[];
  /** Dotted, what it is about: `sla.reminder`, `automation.notify`, … */
  kind: string;
  title: string;
  body: string;
  link?: { caseId?: string; ticketId?: string };
  /** in_app and/or email (a webhook is not addressed to a user: use Deliveries.enqueue). */
  channels: NotificationChannel[];
  /** Unique per hotel and recipient: the same key again notifies (and e-mails) no one twice. */
  idempotencyKey: string;
}

const MAX_TITLE = 300;
const MAX_BODY = 4000;

/**
 * Notifies users of a hotel inside the caller's transaction: one in-app row per recipient and one e-mail delivery per
 * recipient when asked, all committed (or rolled back) with the change that caused them. Live subscribers hear of new
 * rows after commit. Recipients who are not members of the hotel are skipped (Recipients).
 */
@Injectable()
export class Notifications {
  constructor(
    @Inject(DELIVERY_OPTIONS) private readonly options: DeliveryOptions,
    private readonly recipients: Recipients,
    private readonly deliveries: Deliveries,
  ) {}

  async notify(ctx: RequestContext, input: NotifyInput): Promise<void> {
    ctx.assertInScope(input.hotelId);
    const key = input.idempotencyKey.trim();
    if (key === '' || key.length > 200) {
      throw BatonError.badInput('idempotencyKey must be 1 to 200 characters');
    }
    const userIds = [...new Set(input.userIds.filter(isUuid))];
    const title = input.title.trim().slice(0, MAX_TITLE) || input.kind;
    const body = input.body.slice(0, MAX_BODY);
    const recipients = await this.recipients.resolve(ctx, input.hotelId, userIds);
    if (recipients.length === 0) {
      return;
    }
    const caseId = input.link?.caseId && isUuid(input.link.caseId) ? input.link.caseId : null;
    const ticketId = input.link?.ticketId && isUuid(input.link.ticketId) ? input.link.ticketId : null;
    if (input.channels.includes(NotificationChannel.InApp)) {
      const rows: NotificationRow[] = await ctx.tx.query(
        `INSERT INTO notification (tenant_id, user_id, kind, title, body, case_id, ticket_id, idempotency_key)
         SELECT $1, u, $3, $4, $5, $6, $7, $8 FROM unnest($2::uuid[]) AS u
         ON CONFLICT (tenant_id, idempotency_key, user_id) DO NOTHING
         RETURNING *`,
        [input.hotelId, recipients.map((r) => r.userId), input.kind.slice(0, 100), title, body, caseId, ticketId, key],
      );
      for (const row of rows.map(notificationFromRow)) {
        const event: NotificationEventPayload = {
          kind: 'created',
          hotelId: input.hotelId,
          userId: row.userId,
          notification: toNotificationView(row),
        };
        ctx.publishAfterCommit(tenantChannel(input.hotelId, TenantEvent.Notifications), event);
      }
    }
    if (input.channels.includes(NotificationChannel.Email)) {
      for (const recipient of recipients) {
        await this.email(ctx, input.hotelId, recipient, { key, title, body, caseId, ticketId });
      }
    }
  }

  private async email(
    ctx: RequestContext,
    hotelId: string,
    recipient: Recipient,
    n: { key: string; title: string; body: string; caseId: string | null; ticketId: string | null },
  ): Promise<void> {
    const base = this.options.dashboardUrl;
    const path = n.caseId ? `cases/${n.caseId}` : n.ticketId ? `tickets/${n.ticketId}` : null;
    const link = base && path ? `\n\n${base}/hotels/${hotelId}/${path}` : '';
    await this.deliveries.enqueue(ctx, {
      hotelId,
      channel: NotificationChannel.Email,
      target: recipient.email,
      subject: n.title,
      body: `${n.body}${link}`,
      idempotencyKey: `notification:${n.key}:email:${recipient.userId}`,
      source: { kind: 'notification', id: n.key },
    });
  }
}
