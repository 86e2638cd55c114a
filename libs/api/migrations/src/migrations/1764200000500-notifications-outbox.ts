import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../roles';

const TENANT_SCOPE = `tenant_id = ANY (baton_tenant_ids())`;

/**
 * In-app notifications and the delivery outbox (e-mail, signed outbound webhooks).
 *
 * notification: one row per recipient; (tenant_id, idempotency_key, user_id) is unique, so a caller that retries after a
 * crash (a timer step, an automation) never notifies twice. case_id/ticket_id are links, not foreign keys: a notification
 * outlives a merged case and must not block deleting a ticket.
 *
 * delivery: one row per outbound send, unique on (tenant_id, idempotency_key). Workers claim due pending rows with
 * FOR UPDATE SKIP LOCKED and lease them (next_attempt_at moves past the send timeout, claim_token fences the outcome), so
 * no transaction stays open during an SMTP or HTTP round trip. Webhook signing secrets are stored sealed (SecretBox) and
 * never leave the API.
 */
export class NotificationsOutbox1764200000500 implements MigrationInterface {
  name = 'NotificationsOutbox1764200000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification (
        tenant_id uuid NOT NULL REFERENCES hotel(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (length(kind) BETWEEN 1 AND 100),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        body text NOT NULL DEFAULT '' CHECK (length(body) <= 4000),
        case_id uuid,
        ticket_id uuid,
        idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 300),
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, idempotency_key, user_id)
      );
      -- A user's list (newest first, keyset) and their unread count.
      CREATE INDEX notification_user_idx ON notification (tenant_id, user_id, created_at DESC, id DESC);
      CREATE INDEX notification_unread_idx ON notification (tenant_id, user_id) WHERE read_at IS NULL;

      CREATE TABLE delivery (
        tenant_id uuid NOT NULL REFERENCES hotel(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        channel text NOT NULL CHECK (channel IN ('email', 'webhook')),
        -- an e-mail address or an http(s) URL
        target text NOT NULL CHECK (length(target) BETWEEN 3 AND 2000),
        subject text CHECK (length(subject) <= 300),
        body text CHECK (length(body) <= 20000),
        payload jsonb,
        -- AES-256-GCM ciphertext of the webhook signing secret (SecretBox); never returned by the API
        secret_enc text,
        idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 300),
        source_kind text,
        source_id text,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'dead')),
        attempts int NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        max_attempts int NOT NULL DEFAULT 6 CHECK (max_attempts BETWEEN 1 AND 50),
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        -- set while a worker holds the lease: only that worker may record the outcome
        claim_token uuid,
        last_error text,
        last_status int,
        sent_at timestamptz,
        dead_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, idempotency_key)
      );
      CREATE INDEX delivery_due_idx ON delivery (tenant_id, next_attempt_at) WHERE state = 'pending';
      CREATE INDEX delivery_list_idx ON delivery (tenant_id, state, created_at DESC, id DESC);
    `);
    for (const table of ['notification', 'delivery']) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_scope ON ${table} USING (${TENANT_SCOPE}) WITH CHECK (${TENANT_SCOPE});
      `);
    }
    await q.query(`
      GRANT SELECT, INSERT, UPDATE ON notification, delivery TO ${APP_ROLE};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE delivery, notification;`);
  }
}
