import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../roles';

const TENANT_SCOPE = `tenant_id = ANY (baton_tenant_ids())`;
const METRICS = `('first_response', 'next_response', 'handoff_to_sales', 'resolution', 'approval')`;
const STATES = `('running', 'paused', 'met', 'breached', 'met_late', 'cancelled')`;
const STEPS = `('started', 'reminder', 'warning', 'breach')`;

/**
 * SLA policies and clocks.
 *
 * sla_policy: a hotel's ordered list (position); the first enabled policy whose conditions match a case or ticket applies.
 * Empty condition arrays match anything. `metrics` holds one target per SlaMetric ({minutes, basis, raciStep, ladder});
 * `version` guards concurrent edits (STALE_VERSION).
 *
 * sla_clock: one measurement of one metric on one case or ticket. A clock copies what it needs from its policy when it
 * starts (target, basis, calendar, ladder, pause statuses), so editing or deleting a policy never rewrites a running
 * clock's past; a re-evaluation cancels the clock and starts a new one from the same start time instead. At most one live
 * clock (running, paused or breached) per target and metric. `pauses` keeps the closed pause intervals, so the due time
 * can always be recomputed from the history.
 *
 * sla_clock_event: the clock's history. A ladder step is a row too, and the unique index on (clock, step) is what makes
 * each step fire once even when a timer is retried.
 */
export class SlaPolicies1764200000200 implements MigrationInterface {
  name = 'SlaPolicies1764200000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sla_policy (
        tenant_id uuid NOT NULL REFERENCES hotel(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        position int NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        -- a business_calendar of the hotel; null = the hotel's default calendar
        calendar_id uuid,
        channels text[] NOT NULL DEFAULT '{}',
        priorities text[] NOT NULL DEFAULT '{}',
        request_types text[] NOT NULL DEFAULT '{}',
        labels text[] NOT NULL DEFAULT '{}',
        teams text[] NOT NULL DEFAULT '{}',
        pause_statuses text[] NOT NULL DEFAULT '{}',
        metrics jsonb NOT NULL DEFAULT '{}',
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid,
        PRIMARY KEY (tenant_id, id)
      );
      CREATE INDEX sla_policy_order_idx ON sla_policy (tenant_id, position, id);

      CREATE TABLE sla_clock (
        tenant_id uuid NOT NULL REFERENCES hotel(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        target_type text NOT NULL CHECK (target_type IN ('case', 'ticket')),
        target_id uuid NOT NULL,
        metric text NOT NULL CHECK (metric IN ${METRICS}),
        policy_id uuid,
        policy_version int NOT NULL,
        policy_name text NOT NULL,
        target_minutes int NOT NULL CHECK (target_minutes > 0),
        basis text NOT NULL CHECK (basis IN ('business', 'calendar')),
        calendar_id uuid,
        raci_step text NOT NULL,
        reminder_minutes int,
        warning_minutes int,
        escalate boolean NOT NULL DEFAULT true,
        pause_statuses text[] NOT NULL DEFAULT '{}',
        state text NOT NULL CHECK (state IN ${STATES}),
        started_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        stopped_at timestamptz,
        paused_since timestamptz,
        -- closed pauses: [{"from": iso, "to": iso}, ...]
        pauses jsonb NOT NULL DEFAULT '[]',
        steps_fired text[] NOT NULL DEFAULT '{}',
        breached_at timestamptz,
        escalated_at timestamptz,
        -- the clock that replaced this one when a different policy started to apply
        superseded_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      );
      CREATE INDEX sla_clock_target_idx ON sla_clock (tenant_id, target_type, target_id, started_at);
      CREATE UNIQUE INDEX sla_clock_live_idx ON sla_clock (tenant_id, target_type, target_id, metric)
        WHERE state IN ('running', 'paused', 'breached');
      CREATE INDEX sla_clock_started_idx ON sla_clock (tenant_id, started_at);

      CREATE TABLE sla_clock_event (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        clock_id uuid NOT NULL,
        kind text NOT NULL
          CHECK (kind IN ('started', 'paused', 'resumed', 'step', 'policy_changed', 'stopped')),
        step text CHECK (step IN ${STEPS}),
        at timestamptz NOT NULL,
        -- insertion order, for events of one instant (stopped, then policy_changed)
        seq bigint GENERATED ALWAYS AS IDENTITY,
        detail jsonb NOT NULL DEFAULT '{}',
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, clock_id) REFERENCES sla_clock (tenant_id, id),
        CHECK ((kind = 'step') = (step IS NOT NULL))
      );
      CREATE INDEX sla_clock_event_clock_idx ON sla_clock_event (tenant_id, clock_id, at);
      -- each ladder step of a clock fires once: a retried timer finds its row and does nothing
      CREATE UNIQUE INDEX sla_clock_event_step_idx ON sla_clock_event (tenant_id, clock_id, step) WHERE kind = 'step';
    `);
    for (const table of ['sla_policy', 'sla_clock', 'sla_clock_event']) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_scope ON ${table} USING (${TENANT_SCOPE}) WITH CHECK (${TENANT_SCOPE});
      `);
    }
    await q.query(`
      GRANT SELECT, INSERT, UPDATE, DELETE ON sla_policy TO ${APP_ROLE};
      GRANT SELECT, INSERT, UPDATE ON sla_clock TO ${APP_ROLE};
      -- history is append-only for the app
      GRANT SELECT, INSERT ON sla_clock_event TO ${APP_ROLE};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sla_clock_event, sla_clock, sla_policy;`);
  }
}
