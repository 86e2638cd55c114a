import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../roles';

const TENANT_SCOPE = `tenant_id = ANY (baton_tenant_ids())`;

/**
 * Omnichannel intake, guest identity and cases.
 * Every table leads with tenant_id (Citus distribution column) and has forced RLS on the tenant scope. The one table
 * without a tenant_id, channel_route, maps a provider account (WhatsApp phone_number_id, page id, form key) to its hotel
 * before any tenant scope exists; it is readable only for the one key the webhook is resolving (like an API key).
 */
export class IntakeGuestsCases1764100000000 implements MigrationInterface {
  name = 'IntakeGuestsCases1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE EXTENSION IF NOT EXISTS btree_gin;
      CREATE EXTENSION IF NOT EXISTS unaccent;
      -- Turkish stemming, accent-insensitive: "sikayet" finds "şikayet", "iptal" finds "İptal".
      CREATE TEXT SEARCH CONFIGURATION baton_tr (COPY = pg_catalog.turkish);
      ALTER TEXT SEARCH CONFIGURATION baton_tr ALTER MAPPING FOR hword, hword_part, word WITH unaccent, turkish_stem;

      CREATE FUNCTION baton_channel_lookup() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT NULLIF(current_setting('app.channel_lookup', true), '')
      $$;
      CREATE FUNCTION baton_tenant_directory() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT coalesce(current_setting('app.tenant_directory', true), '') = 'on'
      $$;

      CREATE TABLE channel_account (
        tenant_id uuid NOT NULL REFERENCES hotel(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        provider text NOT NULL CHECK (provider IN ('whatsapp', 'instagram', 'messenger', 'webform', 'email', 'ota', 'pbx')),
        external_id text NOT NULL CHECK (length(external_id) BETWEEN 1 AND 200),
        display_name text NOT NULL,
        -- AES-256-GCM ciphertexts (iv.tag.data, base64); never returned by the API
        app_secret_enc text,
        access_token_enc text,
        verify_token_hash text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, provider, external_id)
      );

      CREATE TABLE channel_route (
        provider text NOT NULL,
        external_id text NOT NULL,
        hotel_id uuid NOT NULL REFERENCES hotel(id),
        account_id uuid NOT NULL,
        verify_token_hash text,
        PRIMARY KEY (provider, external_id),
        FOREIGN KEY (hotel_id, account_id) REFERENCES channel_account (tenant_id, id) ON DELETE CASCADE
      );
      CREATE INDEX channel_route_verify_idx ON channel_route (provider, verify_token_hash);
      CREATE INDEX channel_route_hotel_idx ON channel_route (hotel_id);

      CREATE TABLE inbound_event (
        tenant_id uuid NOT NULL REFERENCES hotel(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        provider text NOT NULL,
        external_id text NOT NULL,
        account_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('message', 'status', 'call', 'form', 'email')),
        payload jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz,
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, provider, external_id)
      );
      CREATE INDEX inbound_event_pending_idx ON inbound_event (tenant_id, next_attempt_at) WHERE processed_at IS NULL;

      CREATE TABLE guest (
        tenant_id uuid NOT NULL REFERENCES hotel(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        display_name text,
        merged_into_id uuid,
        past_case_count int NOT NULL DEFAULT 0,
        won_case_count int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      );
      CREATE INDEX guest_name_idx ON guest (tenant_id, lower(display_name)) WHERE merged_into_id IS NULL;

      CREATE TABLE guest_identity (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        guest_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('phone', 'whatsapp', 'instagram', 'messenger', 'email')),
        value text NOT NULL,
        -- the guest this identity was first seen on: unmerge moves it back there
        origin_guest_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, kind, value),
        FOREIGN KEY (tenant_id, guest_id) REFERENCES guest (tenant_id, id)
      );
      CREATE INDEX guest_identity_guest_idx ON guest_identity (tenant_id, guest_id);

      CREATE TABLE guest_merge (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        survivor_id uuid NOT NULL,
        merged_id uuid NOT NULL,
        moved_identity_ids uuid[] NOT NULL DEFAULT '{}',
        moved_case_ids uuid[] NOT NULL DEFAULT '{}',
        reasons jsonb NOT NULL DEFAULT '[]',
        merged_by uuid,
        merged_at timestamptz NOT NULL DEFAULT now(),
        undone_by uuid,
        undone_at timestamptz,
        PRIMARY KEY (tenant_id, id)
      );
      CREATE INDEX guest_merge_guest_idx ON guest_merge (tenant_id, survivor_id);

      CREATE TABLE guest_match_suggestion (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        guest_id uuid NOT NULL,
        candidate_id uuid NOT NULL,
        score int NOT NULL,
        reasons jsonb NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'merged', 'dismissed')),
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid,
        decided_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, guest_id, candidate_id)
      );

      CREATE TABLE hotel_dictionary (
        tenant_id uuid NOT NULL REFERENCES hotel(id),
        kind text NOT NULL CHECK (kind IN ('request_type', 'label', 'lost_reason', 'team')),
        code text NOT NULL CHECK (code ~ '^[a-z0-9_]{1,40}$'),
        label_tr text NOT NULL,
        label_en text NOT NULL,
        sort int NOT NULL DEFAULT 0,
        active boolean NOT NULL DEFAULT true,
        PRIMARY KEY (tenant_id, kind, code)
      );

      CREATE TABLE campaign (
        tenant_id uuid NOT NULL REFERENCES hotel(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        utm_campaign text NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL CHECK (ends_on >= starts_on),
        offer_text text NOT NULL DEFAULT '',
        channels text[] NOT NULL DEFAULT '{}',
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, utm_campaign)
      );

      -- Gapless per hotel and year: the row lock of the UPSERT serialises allocation; a rollback leaves no hole.
      CREATE TABLE case_counter (
        tenant_id uuid NOT NULL REFERENCES hotel(id),
        year int NOT NULL,
        last_value int NOT NULL,
        PRIMARY KEY (tenant_id, year)
      );

      CREATE TABLE guest_case (
        tenant_id uuid NOT NULL REFERENCES hotel(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        number text NOT NULL,
        guest_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'new'
          CHECK (status IN ('new', 'open', 'in_progress', 'handed_off', 'quoted', 'won', 'lost', 'closed')),
        request_type text,
        priority text NOT NULL DEFAULT 'P3' CHECK (priority IN ('P1', 'P2', 'P3', 'P4')),
        source text NOT NULL,
        channel text NOT NULL,
        campaign_id uuid,
        utm_source text,
        utm_medium text,
        utm_campaign text,
        utm_content text,
        labels text[] NOT NULL DEFAULT '{}',
        owner_id uuid,
        team text,
        guest_name text,
        contact text,
        request_text text,
        message_rounds int NOT NULL DEFAULT 0,
        first_response_at timestamptz,
        first_response_seconds int,
        last_inbound_at timestamptz,
        last_outbound_at timestamptz,
        waiting_since timestamptz,
        lost_reason text,
        closed_at timestamptz,
        merged_into_id uuid,
        search tsvector NOT NULL DEFAULT ''::tsvector,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, number)
      );
      CREATE INDEX guest_case_list_idx ON guest_case (tenant_id, created_at DESC, id DESC);
      CREATE INDEX guest_case_status_idx ON guest_case (tenant_id, status, created_at DESC);
      CREATE INDEX guest_case_guest_idx ON guest_case (tenant_id, guest_id, status);
      CREATE INDEX guest_case_campaign_idx ON guest_case (tenant_id, utm_campaign, created_at);
      CREATE INDEX guest_case_search_idx ON guest_case USING gin (tenant_id, search);

      CREATE TABLE case_message (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
        channel text NOT NULL,
        content_type text NOT NULL DEFAULT 'text',
        body text NOT NULL DEFAULT '',
        attachment jsonb,
        provider_message_id text,
        author_id uuid,
        author_name text,
        occurred_at timestamptz NOT NULL,
        delivery_status text CHECK (delivery_status IN ('queued', 'sending', 'sent', 'delivered', 'read', 'failed')),
        delivery_updated_at timestamptz,
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, case_id) REFERENCES guest_case (tenant_id, id)
      );
      CREATE INDEX case_message_timeline_idx ON case_message (tenant_id, case_id, occurred_at, id);
      CREATE UNIQUE INDEX case_message_provider_idx ON case_message (tenant_id, channel, provider_message_id)
        WHERE provider_message_id IS NOT NULL;
      CREATE INDEX case_message_outbox_idx ON case_message (tenant_id, next_attempt_at)
        WHERE direction = 'outbound' AND delivery_status IN ('queued', 'sending');

      CREATE TABLE case_transition (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        from_status text,
        to_status text NOT NULL,
        reason text,
        actor_id uuid,
        actor_name text,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, case_id) REFERENCES guest_case (tenant_id, id)
      );
      CREATE INDEX case_transition_case_idx ON case_transition (tenant_id, case_id, occurred_at);

      CREATE TABLE case_handoff (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        from_team text,
        from_channel text,
        to_team text NOT NULL,
        to_channel text,
        reason text NOT NULL,
        note text,
        requested_by uuid,
        requested_at timestamptz NOT NULL DEFAULT now(),
        accepted_by uuid,
        accepted_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, case_id) REFERENCES guest_case (tenant_id, id)
      );
      CREATE INDEX case_handoff_case_idx ON case_handoff (tenant_id, case_id, requested_at);

      CREATE TABLE case_note (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        author_id uuid,
        author_name text,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, case_id) REFERENCES guest_case (tenant_id, id)
      );
      CREATE INDEX case_note_case_idx ON case_note (tenant_id, case_id, created_at);

      CREATE TABLE daily_summary (
        tenant_id uuid NOT NULL REFERENCES hotel(id),
        summary_date date NOT NULL,
        content jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        emailed_at timestamptz,
        email_error text,
        PRIMARY KEY (tenant_id, summary_date)
      );
    `);

    // The tenant directory (hotel ids only matter) is readable by a worker that is about to pick a tenant scope.
    await q.query(`
      ALTER POLICY hotel_scope ON hotel USING (
        id = ANY (baton_tenant_ids())
        OR agency_id IN (SELECT am.agency_id FROM agency_membership am WHERE am.user_id = baton_identity_user_id())
        OR baton_tenant_directory()
      );
    `);

    const tenantTables = [
      'channel_account',
      'inbound_event',
      'guest',
      'guest_identity',
      'guest_merge',
      'guest_match_suggestion',
      'hotel_dictionary',
      'campaign',
      'case_counter',
      'guest_case',
      'case_message',
      'case_transition',
      'case_handoff',
      'case_note',
      'daily_summary',
    ];
    for (const table of tenantTables) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_scope ON ${table} USING (${TENANT_SCOPE}) WITH CHECK (${TENANT_SCOPE});
      `);
    }
    await q.query(`
      ALTER TABLE channel_route ENABLE ROW LEVEL SECURITY;
      ALTER TABLE channel_route FORCE ROW LEVEL SECURITY;
      CREATE POLICY channel_route_scope ON channel_route
        USING (hotel_id = ANY (baton_tenant_ids()) OR provider || ':' || external_id = baton_channel_lookup()
               OR provider || ':verify:' || verify_token_hash = baton_channel_lookup())
        WITH CHECK (hotel_id = ANY (baton_tenant_ids()));
    `);

    await q.query(`
      GRANT EXECUTE ON FUNCTION baton_channel_lookup(), baton_tenant_directory() TO ${APP_ROLE};
      GRANT SELECT, INSERT, UPDATE, DELETE ON channel_account, channel_route, guest, guest_identity,
        guest_match_suggestion, hotel_dictionary, campaign, case_counter, guest_case, case_message, daily_summary
        TO ${APP_ROLE};
      GRANT SELECT, INSERT, UPDATE ON inbound_event, guest_merge, case_handoff TO ${APP_ROLE};
      -- history tables are append-only for the app
      GRANT SELECT, INSERT ON case_transition, case_note TO ${APP_ROLE};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER POLICY hotel_scope ON hotel USING (
        id = ANY (baton_tenant_ids())
        OR agency_id IN (SELECT am.agency_id FROM agency_membership am WHERE am.user_id = baton_identity_user_id())
      );
      DROP TABLE daily_summary, case_note, case_handoff, case_transition, case_message, guest_case, case_counter, campaign,
        hotel_dictionary, guest_match_suggestion, guest_merge, guest_identity, guest, inbound_event, channel_route,
        channel_account;
      DROP FUNCTION baton_channel_lookup(), baton_tenant_directory();
      DROP TEXT SEARCH CONFIGURATION baton_tr;
    `);
  }
}
