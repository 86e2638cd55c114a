/**
 * What travels on `tenantChannel(hotelId, TenantEvent.Notifications)` after commit. Every event names its recipient
 * (`userId`); the hub hands it only to that user's subscriptions, so no one sees another user's notifications.
 */
export interface NotificationView {
  id: string;
  hotelId: string;
  kind: string;
  title: string;
  body: string;
  caseId: string | null;
  ticketId: string | null;
  /** ISO */
  createdAt: string;
  readAt: string | null;
}

export type NotificationEventPayload =
  | { kind: 'created'; hotelId: string; userId: string; notification: NotificationView }
  | { kind: 'read'; hotelId: string; userId: string; ids: string[]; all: boolean };
