import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../roles';

/**
 * The webhook acknowledgement in one round trip. A webhook used to cost BEGIN, set_config, INSERT and COMMIT (four
 * round trips on the request path); this function sets the tenant scope transaction-locally and inserts in the single
 * implicit transaction of one statement. It runs as the caller (SECURITY INVOKER), so RLS still checks every row
 * against the scope it just set, exactly as TenantTransactions would.
 */
export class InboundStoreFunction1764100000100 implements MigrationInterface {
  name = 'InboundStoreFunction1764100000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION baton_store_inbound(p_tenant uuid, p_provider text, p_account uuid, p_rows jsonb)
        RETURNS SETOF text LANGUAGE plpgsql VOLATILE SECURITY INVOKER AS $$
      BEGIN
        PERFORM set_config('app.tenant_ids', p_tenant::text, true), set_config('app.identity_user_id', '', true),
                set_config('app.api_key_id', '', true), set_config('app.session_id', '', true),
                set_config('app.channel_lookup', '', true), set_config('app.tenant_directory', '', true);
        RETURN QUERY
          INSERT INTO inbound_event (tenant_id, provider, external_id, account_id, kind, payload, occurred_at)
          SELECT p_tenant, p_provider, r.external_id, p_account, r.kind, r.payload, r.occurred_at
            FROM jsonb_to_recordset(p_rows) AS r(external_id text, kind text, payload jsonb, occurred_at timestamptz)
          ON CONFLICT (tenant_id, provider, external_id) DO NOTHING
          RETURNING inbound_event.external_id;
      END
      $$;
      REVOKE ALL ON FUNCTION baton_store_inbound(uuid, text, uuid, jsonb) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION baton_store_inbound(uuid, text, uuid, jsonb) TO ${APP_ROLE};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS baton_store_inbound(uuid, text, uuid, jsonb)`);
  }
}
