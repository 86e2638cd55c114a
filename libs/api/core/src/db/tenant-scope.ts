import type { EntityManager } from 'typeorm';

/** Transaction-local settings read by the RLS helper functions of the foundation migration. */
export interface DbScope {
  tenantIds: readonly string[];
  /** Set only while resolving a user's identity (login, token check): lets them read their own memberships. */
  identityUserId?: string | null;
  /** Set only while authenticating an API key or a refresh session. */
  apiKeyId?: string | null;
  sessionId?: string | null;
  /** Set only while a webhook resolves its channel account: `provider:external_id` (or `provider:verify:<hash>`). */
  channelLookup?: string | null;
  /** Lets a worker list hotel ids (nothing else) before it picks a tenant scope. */
  tenantDirectory?: boolean;
  /** Lets the timer worker see unfinished durable timers of every hotel (to find the due ones), nothing else. */
  timerSweep?: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * Applies the scope with set_config(..., is_local = true): it ends with the transaction, so a pooled connection can
 * never carry one request's tenants into the next (a session-level SET would leak).
 */
export async function applyDbScope(em: EntityManager, scope: DbScope): Promise<void> {
  const ids = scope.tenantIds.filter(isUuid);
  await em.query(
    `SELECT set_config('app.tenant_ids', $1, true), set_config('app.identity_user_id', $2, true),
            set_config('app.api_key_id', $3, true), set_config('app.session_id', $4, true),
            set_config('app.channel_lookup', $5, true), set_config('app.tenant_directory', $6, true),
            set_config('app.timer_sweep', $7, true)`,
    [
      ids.join(','),
      scope.identityUserId ?? '',
      scope.apiKeyId ?? '',
      scope.sessionId ?? '',
      scope.channelLookup ?? '',
      scope.tenantDirectory ? 'on' : '',
      scope.timerSweep ? 'on' : '',
    ],
  );
}
