import { NotificationEntity } from '../entities/notification.entity';
import { NotificationView } from '../events/notification.events';
import { NotificationObject } from '../objects/notification.object';

export function toNotificationObject(row: NotificationEntity): NotificationObject {
  return {
    id: row.id,
    hotelId: row.tenantId,
    kind: row.kind,
    title: row.title,
    body: row.body,
    caseId: row.caseId,
    ticketId: row.ticketId,
    createdAt: row.createdAt,
    readAt: row.readAt,
  };
}

export function toNotificationView(row: NotificationEntity): NotificationView {
  return {
    ...toNotificationObject(row),
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

export function reviveNotification(view: NotificationView): NotificationObject {
  return { ...view, createdAt: new Date(view.createdAt), readAt: view.readAt ? new Date(view.readAt) : null };
}
