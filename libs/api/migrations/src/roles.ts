import { Client } from 'pg';

/** The role the API connects as: owns no tables, cannot bypass row-level security. */
export const APP_ROLE = 'baton_app';

/**
 * Creates (or re-passwords) the app role. Runs with the owner connection before migrations, because roles are
 * cluster-wide and their password comes from configuration, which a reviewed SQL migration must not contain.
 */
export async function ensureAppRole(ownerUrl: string, appPassword: string): Promise<void> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const literal = (await client.query<{ q: string }>('SELECT quote_literal($1) AS q', [appPassword])).rows[0].q;
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
    const verb = exists.rowCount ? 'ALTER' : 'CREATE';
    await client.query(
      `${verb} ROLE ${APP_ROLE} LOGIN PASSWORD ${literal} NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT`,
    );
    const db = (await client.query<{ db: string }>('SELECT current_database() AS db')).rows[0].db;
    await client.query(`GRANT CONNECT ON DATABASE "${db.replace(/"/g, '""')}" TO ${APP_ROLE}`);
  } finally {
    await client.end();
  }
}

/** The app role's URL: the owner URL with the app role's credentials, unless one is given explicitly. */
export function deriveAppUrl(ownerUrl: string, appPassword: string): string {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = appPassword;
  return url.toString();
}
