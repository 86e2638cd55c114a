import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../roles';

const TENANT_SCOPE = `tenant_id = ANY (baton_tenant_ids())`;

/**
 * Tickets and tasks: numbered per hotel (BLK-T-000123), with a per-hotel category list, an append-only history of
 * status changes and notes, and an optional link to a case of the same hotel (the foreign key carries tenant_id, so
 * a ticket can never point at another hotel's case).
 */
export class Tickets1764200000400 implements MigrationInterface {
  name = 'Tickets1764200000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Gapless per hotel: the row lock of the UPSERT serialises allocation; a rollback leaves no hole.
      CREATE TABLE ticket_counter (
        tenant_id uuid NOT NULL REFERENCES hotel(id),
        last_value int NOT NULL,
        PRIMARY KEY (tenant_id)
      );

      -- Seeded with the defaults on first use; a hotel may deactivate a category but never delete one in use.
      CREATE TABLE ticket_category (
        tenant_id uuid NOT NULL REFERENCES hotel(id),
        code text NOT NULL CHECK (code ~ '^[a-z0-9_]{1,40}$'),
        label_tr text NOT NULL,
        label_en text NOT NULL,
        sort int NOT NULL DEFAULT 0,
        active boolean NOT NULL DEFAULT true,
        PRIMARY KEY (tenant_id, code)
      );

      CREATE TABLE ticket (
        tenant_id uuid NOT NULL REFERENCES hotel(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        number text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('ticket', 'task', 'callback', 'approval')),
        category text NOT NULL,
        priority text NOT NULL DEFAULT 'P3' CHECK (priority IN ('P1', 'P2', 'P3', 'P4')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'open'
          CHECK (status IN ('open', 'in_progress', 'awaiting_confirmation', 'resolved', 'closed', 'cancelled')),
        owner_id uuid,
        team text,
        case_id uuid,
        source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'rule')),
        rule_id uuid,
        created_by_id uuid,
        created_by_name text,
        due_at timestamptz,
        first_response_at timestamptz,
        resolved_at timestamptz,
        closed_at timestamptz,
        closure text CHECK (closure IN ('guest_confirmed', 'no_answer', 'closed_by_staff')),
        confirmation_days int NOT NULL DEFAULT 3 CHECK (confirmation_days BETWEEN 1 AND 60),
        confirmation_due_at timestamptz,
        approval_decision text CHECK (approval_decision IN ('approved', 'rejected')),
        approval_note text,
        decided_by_id uuid,
        decided_by_name text,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, number),
        FOREIGN KEY (tenant_id, case_id) REFERENCES guest_case (tenant_id, id),
        FOREIGN KEY (tenant_id, category) REFERENCES ticket_category (tenant_id, code),
        -- A closed ticket always says how it was closed, and only a closed one does.
        CHECK ((status = 'closed') = (closure IS NOT NULL)),
        CHECK ((source = 'rule') = (rule_id IS NOT NULL))
      );
      CREATE INDEX ticket_list_idx ON ticket (tenant_id, created_at DESC, id DESC);
      CREATE INDEX ticket_status_idx ON ticket (tenant_id, status, created_at DESC);
      CREATE INDEX ticket_owner_idx ON ticket (tenant_id, owner_id, status);
      CREATE INDEX ticket_case_idx ON ticket (tenant_id, case_id) WHERE case_id IS NOT NULL;

      CREATE TABLE ticket_transition (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        ticket_id uuid NOT NULL,
        from_status text,
        to_status text NOT NULL,
        closure text,
        reason text,
        actor_id uuid,
        actor_name text,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, ticket_id) REFERENCES ticket (tenant_id, id)
      );
      CREATE INDEX ticket_transition_ticket_idx ON ticket_transition (tenant_id, ticket_id, occurred_at);

      CREATE TABLE ticket_note (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        ticket_id uuid NOT NULL,
        author_id uuid,
        author_name text,
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, ticket_id) REFERENCES ticket (tenant_id, id)
      );
      CREATE INDEX ticket_note_ticket_idx ON ticket_note (tenant_id, ticket_id, created_at);
    `);

    for (const table of ['ticket_counter', 'ticket_category', 'ticket', 'ticket_transition', 'ticket_note']) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_scope ON ${table} USING (${TENANT_SCOPE}) WITH CHECK (${TENANT_SCOPE});
      `);
    }
    await q.query(`
      GRANT SELECT, INSERT, UPDATE ON ticket_counter, ticket_category, ticket TO ${APP_ROLE};
      -- history tables are append-only for the app
      GRANT SELECT, INSERT ON ticket_transition, ticket_note TO ${APP_ROLE};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ticket_note, ticket_transition, ticket, ticket_category, ticket_counter`);
  }
}
