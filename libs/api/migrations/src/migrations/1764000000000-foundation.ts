import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../roles';

/**
 * Foundation schema: identity (agencies, hotels, users, memberships, API keys, sessions), wallboard tokens and the audit log.
 *
 * Row-level security: every table the app role touches has RLS ENABLED and FORCED. The request boundary sets
 * transaction-local settings (`set_config(..., true)`) read by the helper functions below; no setting → empty set →
 * no rows (fail closed). Identity tables are also scoped by the acting user / API key so login can read its own rows
 * before a tenant scope exists.
 */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION baton_tenant_ids() RETURNS uuid[] LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT coalesce(string_to_array(nullif(current_setting('app.tenant_ids', true), ''), ',')::uuid[], '{}'::uuid[])
      $$;
      CREATE FUNCTION baton_identity_user_id() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT nullif(current_setting('app.identity_user_id', true), '')::uuid
      $$;
      CREATE FUNCTION baton_session_id() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT nullif(current_setting('app.session_id', true), '')::uuid
      $$;
      CREATE FUNCTION baton_api_key_id() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT nullif(current_setting('app.api_key_id', true), '')::uuid
      $$;

      CREATE TABLE agency (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        slug text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE hotel (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid REFERENCES agency(id),
        name text NOT NULL,
        slug text NOT NULL UNIQUE,
        code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z]{2,6}$'),
        time_zone text NOT NULL DEFAULT 'Europe/Istanbul',
        locale text NOT NULL DEFAULT 'tr' CHECK (locale IN ('tr', 'en')),
        currency char(3) NOT NULL DEFAULT 'TRY',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX hotel_agency_idx ON hotel (agency_id);

      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE CHECK (email = lower(email)),
        password_hash text NOT NULL,
        display_name text NOT NULL,
        locale text NOT NULL DEFAULT 'tr' CHECK (locale IN ('tr', 'en')),
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE agency_membership (
        agency_id uuid NOT NULL REFERENCES agency(id),
        user_id uuid NOT NULL REFERENCES app_user(id),
        role text NOT NULL CHECK (role IN ('agency_admin', 'agency_manager')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (agency_id, user_id)
      );
      CREATE INDEX agency_membership_user_idx ON agency_membership (user_id);

      CREATE TABLE hotel_membership (
        hotel_id uuid NOT NULL REFERENCES hotel(id),
        user_id uuid NOT NULL REFERENCES app_user(id),
        role text NOT NULL CHECK (role IN ('viewer', 'agent', 'supervisor', 'gm', 'admin')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (hotel_id, user_id)
      );
      CREATE INDEX hotel_membership_user_idx ON hotel_membership (user_id);

      CREATE TABLE refresh_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id),
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        rotated_at timestamptz,
        revoked_at timestamptz
      );
      CREATE INDEX refresh_session_user_idx ON refresh_session (user_id);

      CREATE TABLE api_key (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid REFERENCES agency(id),
        hotel_ids uuid[] NOT NULL CHECK (cardinality(hotel_ids) > 0),
        name text NOT NULL,
        secret_hash text NOT NULL,
        scopes text[] NOT NULL DEFAULT '{read}',
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      );
      CREATE INDEX api_key_hotels_idx ON api_key USING gin (hotel_ids);

      CREATE TABLE wallboard_token (
        tenant_id uuid NOT NULL REFERENCES hotel(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        board text NOT NULL CHECK (board IN ('activity', 'queue', 'kpi')),
        secret_hash text NOT NULL,
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz,
        PRIMARY KEY (tenant_id, id)
      );

      CREATE TABLE audit_log (
        tenant_id uuid NOT NULL REFERENCES hotel(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_kind text NOT NULL CHECK (actor_kind IN ('user', 'api_key', 'wallboard', 'system')),
        actor_id uuid,
        actor_name text,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        before jsonb,
        after jsonb,
        request_id text,
        PRIMARY KEY (tenant_id, id)
      );
      CREATE INDEX audit_log_recent_idx ON audit_log (tenant_id, occurred_at DESC, id DESC);
    `);

    // The hotel row is the tenant itself; agency users may read their agency's hotels while their identity resolves.
    await this.enableRls(
      q,
      'hotel',
      `id = ANY (baton_tenant_ids())
       OR agency_id IN (SELECT am.agency_id FROM agency_membership am WHERE am.user_id = baton_identity_user_id())`,
      `id = ANY (baton_tenant_ids())`,
    );
    await this.enableRls(
      q,
      'hotel_membership',
      `user_id = baton_identity_user_id() OR hotel_id = ANY (baton_tenant_ids())`,
      `hotel_id = ANY (baton_tenant_ids())`,
    );
    await this.enableRls(
      q,
      'agency_membership',
      `user_id = baton_identity_user_id()`,
      `user_id = baton_identity_user_id()`,
    );
    await this.enableRls(
      q,
      'refresh_session',
      `user_id = baton_identity_user_id() OR id = baton_session_id()`,
      `user_id = baton_identity_user_id() OR id = baton_session_id()`,
    );
    // A key is visible to its own authentication, or to a scope that covers every hotel it is bound to.
    await this.enableRls(
      q,
      'api_key',
      `id = baton_api_key_id() OR (cardinality(baton_tenant_ids()) > 0 AND hotel_ids <@ baton_tenant_ids())`,
      `hotel_ids <@ baton_tenant_ids()`,
    );
    for (const table of ['wallboard_token', 'audit_log']) {
      await this.enableRls(q, table, `tenant_id = ANY (baton_tenant_ids())`, `tenant_id = ANY (baton_tenant_ids())`);
    }

    await q.query(`
      GRANT USAGE ON SCHEMA public TO ${APP_ROLE};
      GRANT EXECUTE ON FUNCTION baton_tenant_ids(), baton_identity_user_id(), baton_session_id(), baton_api_key_id() TO ${APP_ROLE};
      GRANT SELECT ON agency TO ${APP_ROLE};
      GRANT SELECT, UPDATE ON hotel TO ${APP_ROLE};
      GRANT SELECT, INSERT, UPDATE ON app_user TO ${APP_ROLE};
      GRANT SELECT ON agency_membership TO ${APP_ROLE};
      GRANT SELECT, INSERT, UPDATE, DELETE ON hotel_membership TO ${APP_ROLE};
      GRANT SELECT, INSERT, UPDATE ON api_key, wallboard_token TO ${APP_ROLE};
      GRANT SELECT, INSERT, UPDATE, DELETE ON refresh_session TO ${APP_ROLE};
      -- append-only: the app may write and read the audit trail, never rewrite it
      GRANT SELECT, INSERT ON audit_log TO ${APP_ROLE};
      REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${APP_ROLE};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE audit_log, wallboard_token, api_key, refresh_session, hotel_membership, agency_membership, app_user,
        hotel, agency;
      DROP FUNCTION baton_tenant_ids(), baton_identity_user_id(), baton_session_id(), baton_api_key_id();
    `);
  }

  private async enableRls(q: QueryRunner, table: string, using: string, check: string): Promise<void> {
    await q.query(`
      ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
      ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
      CREATE POLICY ${table}_scope ON ${table} USING (${using}) WITH CHECK (${check});
    `);
  }
}
