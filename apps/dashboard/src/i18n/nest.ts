import { ActorKind, AuditAction, Locale } from '@baton/shared/contracts';

export type NestedMessages = { [key: string]: string | NestedMessages };

/**
 * `{ 'membership.added': 'Membership added' }` → `{ membership: { added: 'Membership added' } }`, because vue-i18n
 * reads dots in keys as paths. The typed record in each locale file keeps the list exhaustive over `AuditAction`.
 */
export function nestByDot(flat: Readonly<Record<string, string>>): NestedMessages {
  const out: NestedMessages = {};
  for (const [key, message] of Object.entries(flat)) {
    const parts = key.split('.');
    let node = out;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      if (typeof next === 'string') {
        throw new Error(`i18n: "${key}" collides with a message at "${part}"`);
      }
      node = next ?? (node[part] = {});
    }
    node[parts[parts.length - 1]] = message;
  }
  return out;
}

export type ActionMessages = Readonly<Record<AuditAction, string>>;
export type ActorKindMessages = Readonly<Record<ActorKind, string>>;
export type LanguageMessages = Readonly<Record<Locale, string>>;
