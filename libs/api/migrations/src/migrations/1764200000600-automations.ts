import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../roles';

const TENANT_SCOPE = `tenant_id = ANY (baton_tenant_ids())`;

/**
 * Automation rules (trigger + conditions + actions), their version history, their run log and the hotels' keyword
 * sets. `automation_rule.definition` is the current version's definition (the evaluator reads one row per rule);
 * `automation_rule_version` keeps every version (who, when, the full definition, the diff to the one before) and is
 * append-only for the app, like the run log. A deleted rule is kept (deleted_at) so its versions and runs stay
 * readable and a deleted default rule is not seeded again.
 */
export class Automations1764200000600 implements MigrationInterface {
  name = 'Automations1764200000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE automation_rule (
        tenant_id uuid NOT NULL REFERENCES hotel(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        enabled boolean NOT NULL DEFAULT true,
        trigger text NOT NULL,
        version int NOT NULL DEFAULT 1 CHECK (version >= 1),
        definition jsonb NOT NULL,
        -- the playbook default this rule was seeded from (null for the hotel's own rules)
        default_key text,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, default_key)
      );
      -- what the evaluator reads on every domain event: the hotel's live rules of one trigger
      CREATE INDEX automation_rule_trigger_idx ON automation_rule (tenant_id, trigger)
        WHERE enabled AND deleted_at IS NULL;

      CREATE TABLE automation_rule_version (
        tenant_id uuid NOT NULL,
        rule_id uuid NOT NULL,
        version int NOT NULL,
        name text NOT NULL,
        enabled boolean NOT NULL,
        definition jsonb NOT NULL,
        -- [{path, before, after}] against the previous version (secrets masked)
        diff jsonb NOT NULL DEFAULT '[]',
        change text NOT NULL CHECK (change IN ('created', 'saved', 'enabled', 'disabled', 'rolled_back', 'deleted')),
        rolled_back_to int,
        created_by uuid,
        created_by_name text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, rule_id, version),
        FOREIGN KEY (tenant_id, rule_id) REFERENCES automation_rule (tenant_id, id)
      );

      CREATE TABLE automation_run (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        rule_id uuid NOT NULL,
        rule_version int NOT NULL,
        event_type text NOT NULL,
        trigger text NOT NULL,
        case_id uuid,
        case_number text,
        ticket_id uuid,
        depth int NOT NULL DEFAULT 0,
        outcome text NOT NULL CHECK (outcome IN ('succeeded', 'partial', 'failed', 'loop_blocked')),
        -- [{type, status: done | skipped | failed, detail}] in rule order
        actions jsonb NOT NULL DEFAULT '[]',
        matched_keywords text[] NOT NULL DEFAULT '{}',
        error text,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, rule_id) REFERENCES automation_rule (tenant_id, id)
      );
      CREATE INDEX automation_run_recent_idx ON automation_run (tenant_id, occurred_at DESC, id DESC);
      CREATE INDEX automation_run_rule_idx ON automation_run (tenant_id, rule_id, occurred_at DESC, id DESC);
      CREATE INDEX automation_run_case_idx ON automation_run (tenant_id, case_id) WHERE case_id IS NOT NULL;

      CREATE TABLE automation_keyword_set (
        tenant_id uuid NOT NULL REFERENCES hotel(id),
        name text NOT NULL CHECK (name ~ '^[a-z0-9_]{1,40}$'),
        keywords text[] NOT NULL DEFAULT '{}' CHECK (cardinality(keywords) <= 200),
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, name)
      );

      -- which set of playbook defaults a hotel has received (lazy seeding reads one row)
      CREATE TABLE automation_setup (
        tenant_id uuid NOT NULL REFERENCES hotel(id),
        defaults_version int NOT NULL,
        seeded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id)
      );
    `);

    for (const table of [
      'automation_rule',
      'automation_rule_version',
      'automation_run',
      'automation_keyword_set',
      'automation_setup',
    ]) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_scope ON ${table} USING (${TENANT_SCOPE}) WITH CHECK (${TENANT_SCOPE});
      `);
    }
    await q.query(`
      GRANT SELECT, INSERT, UPDATE ON automation_rule, automation_keyword_set, automation_setup TO ${APP_ROLE};
      -- history is append-only for the app
      GRANT SELECT, INSERT ON automation_rule_version, automation_run TO ${APP_ROLE};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE automation_setup, automation_keyword_set, automation_run, automation_rule_version, automation_rule;
    `);
  }
}
