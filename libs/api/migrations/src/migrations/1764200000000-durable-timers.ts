import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../roles';

const TENANT_SCOPE = `tenant_id = ANY (baton_tenant_ids())`;

/**
 * Durable timers: SLA ladder steps, ticket closure, automation inactivity and schedules (reservation holds later).
 *
 * durable_timer holds the timers still to fire (and dead ones): one row per (tenant, kind, target, key), written in
 * the transaction of the change that needs it; moving its deadline bumps `version`. `run_at` is when the next attempt
 * may start: due_at, or a retry's backoff. Firing takes the row out of durable_timer (DELETE, in the firing
 * transaction, under FOR UPDATE SKIP LOCKED) and writes durable_timer_firing, the history and idempotency record: one
 * row per (timer, version). A fired deadline is thus never pending again unless it is scheduled anew (a new version
 * of the same timer id). Deleting instead of updating keeps the firing path free of index maintenance on
 * durable_timer and the table the size of what is pending.
 *
 * Workers find the hotels with due timers in one cross-tenant read (the `app.timer_sweep` flag, which admits SELECT
 * of unfinished timers and nothing else), then claim and fire each hotel's due rows in a tenant-scoped transaction.
 * Indexes: tenant_id leads every one. The due index is partial (timers that are not dead), so the cross-tenant read
 * walks it once per hotel (a loose index scan) and each claim reads one hotel's slice in run_at order: neither sorts
 * nor scans the due backlog.
 */
export class DurableTimers1764200000000 implements MigrationInterface {
  name = 'DurableTimers1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION baton_timer_sweep() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT coalesce(current_setting('app.timer_sweep', true), '') = 'on'
      $$;

      CREATE TABLE durable_timer (
        tenant_id uuid NOT NULL REFERENCES hotel(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_.:-]{0,59}$'),
        target_id text NOT NULL CHECK (length(target_id) BETWEEN 1 AND 200),
        key text NOT NULL DEFAULT '' CHECK (length(key) <= 200),
        due_at timestamptz NOT NULL,
        run_at timestamptz NOT NULL,
        version int NOT NULL DEFAULT 1 CHECK (version > 0),
        payload jsonb NOT NULL DEFAULT '{}',
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        dead_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        -- also serves list(target) and cancel(kind, target)
        UNIQUE (tenant_id, target_id, kind, key)
      );
      CREATE INDEX durable_timer_due_idx ON durable_timer (tenant_id, run_at) WHERE dead_at IS NULL;

      -- History and idempotency record: one row per fired version of a timer, written in the firing transaction;
      -- append-only. A timer keeps its id across versions, so (tenant, target, kind, key, version) is (timer, version)
      -- and the key also serves list(target) and "did this deadline fire already". No foreign key to hotel: written
      -- on the hot path, it copies tenant_id from a timer row that has one.
      CREATE TABLE durable_timer_firing (
        tenant_id uuid NOT NULL,
        target_id text NOT NULL,
        kind text NOT NULL,
        key text NOT NULL,
        version int NOT NULL,
        timer_id uuid NOT NULL,
        due_at timestamptz NOT NULL,
        fired_at timestamptz NOT NULL,
        -- failed attempts before the one that fired
        attempts int NOT NULL,
        fired_by text,
        PRIMARY KEY (tenant_id, target_id, kind, key, version)
      );
    `);

    await q.query(`
      ALTER TABLE durable_timer ENABLE ROW LEVEL SECURITY;
      ALTER TABLE durable_timer FORCE ROW LEVEL SECURITY;
      CREATE POLICY durable_timer_scope ON durable_timer USING (${TENANT_SCOPE}) WITH CHECK (${TENANT_SCOPE});
      -- The worker's cross-tenant read: which hotels have timers to fire, and when. Read-only, live timers only.
      CREATE POLICY durable_timer_sweep ON durable_timer FOR SELECT
        USING (baton_timer_sweep() AND dead_at IS NULL);

      ALTER TABLE durable_timer_firing ENABLE ROW LEVEL SECURITY;
      ALTER TABLE durable_timer_firing FORCE ROW LEVEL SECURITY;
      CREATE POLICY durable_timer_firing_scope ON durable_timer_firing
        USING (${TENANT_SCOPE}) WITH CHECK (${TENANT_SCOPE});

      GRANT EXECUTE ON FUNCTION baton_timer_sweep() TO ${APP_ROLE};
      GRANT SELECT, INSERT, UPDATE, DELETE ON durable_timer TO ${APP_ROLE};
      GRANT SELECT, INSERT ON durable_timer_firing TO ${APP_ROLE};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE durable_timer_firing, durable_timer;
      DROP FUNCTION baton_timer_sweep();
    `);
  }
}
