import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../roles';

const TENANT_SCOPE = `tenant_id = ANY (baton_tenant_ids())`;

/**
 * RACI matrix per hotel: parties (columns), process steps (rows) and one letter per cell. `raci_matrix` carries the
 * version for optimistic concurrency; the rows below it are replaced as a whole on every save.
 *
 * "At most one Accountable per step" is also a partial unique index, so no write path can store two A's; "exactly one
 * A and at least one R" as a whole is checked by the service (a half-edited matrix has no valid intermediate state).
 *
 * Agency templates are agency-level documents (no tenant_id: they belong to no hotel). They are visible to a scope that
 * holds at least one hotel of the agency, and writable only while the acting identity is a member of that agency
 * (the service sets app.identity_user_id to the caller for the write, as identity lookups do).
 */
export class Raci1764200000300 implements MigrationInterface {
  name = 'Raci1764200000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE raci_matrix (
        tenant_id uuid NOT NULL REFERENCES hotel(id),
        version int NOT NULL CHECK (version > 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES app_user(id),
        PRIMARY KEY (tenant_id)
      );

      CREATE TABLE raci_party (
        tenant_id uuid NOT NULL,
        key text NOT NULL CHECK (key ~ '^[a-z0-9_]{1,40}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        -- a case team key (hotel dictionary, kind team); kept as text: the dictionary belongs to the cases domain
        team text CHECK (team ~ '^[a-z0-9_]{1,40}$'),
        position int NOT NULL,
        user_ids uuid[] NOT NULL DEFAULT '{}',
        roles text[] NOT NULL DEFAULT '{}'
          CHECK (roles <@ ARRAY['viewer', 'agent', 'supervisor', 'gm', 'admin']::text[]),
        PRIMARY KEY (tenant_id, key),
        FOREIGN KEY (tenant_id) REFERENCES raci_matrix (tenant_id) ON DELETE CASCADE
      );

      CREATE TABLE raci_step (
        tenant_id uuid NOT NULL,
        key text NOT NULL CHECK (key ~ '^[a-z0-9_]{1,40}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        position int NOT NULL,
        PRIMARY KEY (tenant_id, key),
        FOREIGN KEY (tenant_id) REFERENCES raci_matrix (tenant_id) ON DELETE CASCADE
      );

      CREATE TABLE raci_assignment (
        tenant_id uuid NOT NULL,
        step_key text NOT NULL,
        party_key text NOT NULL,
        role char(1) NOT NULL CHECK (role IN ('R', 'A', 'C', 'I')),
        PRIMARY KEY (tenant_id, step_key, party_key),
        FOREIGN KEY (tenant_id, step_key) REFERENCES raci_step (tenant_id, key) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, party_key) REFERENCES raci_party (tenant_id, key) ON DELETE CASCADE
      );
      CREATE UNIQUE INDEX raci_assignment_one_accountable ON raci_assignment (tenant_id, step_key) WHERE role = 'A';
      -- resolve(step, role) and the party foreign key's cascade
      CREATE INDEX raci_assignment_role_idx ON raci_assignment (tenant_id, step_key, role);
      CREATE INDEX raci_assignment_party_idx ON raci_assignment (tenant_id, party_key);

      CREATE TABLE raci_template (
        agency_id uuid NOT NULL REFERENCES agency(id),
        document jsonb NOT NULL,
        version int NOT NULL CHECK (version > 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES app_user(id),
        PRIMARY KEY (agency_id)
      );
    `);

    for (const table of ['raci_matrix', 'raci_party', 'raci_step', 'raci_assignment']) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_scope ON ${table} USING (${TENANT_SCOPE}) WITH CHECK (${TENANT_SCOPE});
      `);
    }
    await q.query(`
      ALTER TABLE raci_template ENABLE ROW LEVEL SECURITY;
      ALTER TABLE raci_template FORCE ROW LEVEL SECURITY;
      CREATE POLICY raci_template_scope ON raci_template
        USING (agency_id IN (SELECT h.agency_id FROM hotel h WHERE h.id = ANY (baton_tenant_ids())))
        WITH CHECK (
          agency_id IN (SELECT h.agency_id FROM hotel h WHERE h.id = ANY (baton_tenant_ids()))
          AND EXISTS (SELECT 1 FROM agency_membership am
                       WHERE am.agency_id = raci_template.agency_id AND am.user_id = baton_identity_user_id())
        );

      GRANT SELECT, INSERT, UPDATE, DELETE ON raci_matrix, raci_party, raci_step, raci_assignment TO ${APP_ROLE};
      GRANT SELECT, INSERT, UPDATE ON raci_template TO ${APP_ROLE};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE raci_template, raci_assignment, raci_step, raci_party, raci_matrix`);
  }
}
