import { NotificationEntity } from '../entities/notification.entity';

/** A `notification` row as ctx.tx.query returns it. */
export interface NotificationRow {
  tenant_id: string;
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  case_id: string | null;
  ticket_id: string | null;
  idempotency_key: string;
  created_at: Date;
  read_at: Date | null;
}

export function notificationFromRow(row: NotificationRow): NotificationEntity {
  return {
    tenantId: row.tenant_id,
    id: row.id,
    userId: row.user_id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    caseId: row.case_id,
    ticketId: row.ticket_id,
    idempotencyKey: row.idempotency_key,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}
