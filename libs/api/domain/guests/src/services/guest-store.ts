import type { EntityManager } from 'typeorm';
import { GuestIdentityKind } from '@baton/shared/contracts';
import { cleanDisplayName, compareIdentities, Identity } from '../identity';
import { SIMILAR_PHONE_DIGITS } from '../matcher';

/**
 * SQL shared by the guest services. Every statement filters by tenant_id (RLS filters again) and leads with it, so
 * each lookup uses an index that starts with tenant_id.
 */

/** Longest merge chain followed (a chain is built one merge at a time and cannot loop; this only bounds the walk). */
const MAX_DEPTH = 32;
/** The name lookup tries every spelling of a folded name; beyond this many it compares a folded expression instead. */
const MAX_NAME_VARIANTS = 256;
/** Guests fetched by name (with a similar phone) per inbound contact. */
const MAX_NAME_CANDIDATES = 20;

/** Turkish letters → ASCII, as SQL `translate` arguments (upper case first so no collation is involved). */
const SQL_FOLD_FROM = 'İIÇĞÖŞÜÂÎÛçğıöşüâîû';
const SQL_FOLD_TO = 'iicgosuaiucgiosuaiu';
/** A display-name column folded in SQL exactly like `softFold` folds in JS. */
export function sqlFoldedName(column: string): string {
  return `lower(translate(${column}, '${SQL_FOLD_FROM}', '${SQL_FOLD_TO}'))`;
}

const FOLD: Readonly<Record<string, string>> = {
  ç: 'c',
  ğ: 'g',
  ı: 'i',
  ö: 'o',
  ş: 's',
  ü: 'u',
  â: 'a',
  î: 'i',
  û: 'u',
};
const UNFOLD: Readonly<Record<string, string>> = { c: 'ç', g: 'ğ', i: 'ı', o: 'ö', s: 'ş', u: 'ü' };

/**
 * A display name lower-cased with its Turkish letters made ASCII, punctuation and spacing kept as stored
 * ('İsmail Şahin-Yılmaz' → 'ismail sahin-yilmaz'); the same as SQL_FOLDED_NAME.
 */
export function softFold(name: string): string {
  return name
    .replace(/[İI]/g, 'i')
    .toLowerCase()
    .replace(/[çğıöşüâîû]/g, (c) => FOLD[c] ?? c);
}

/**
 * Every lower-case spelling a stored name could have whose soft fold equals `folded` ('ismail sahin' → 'ismail
 * sahin', 'ısmail şahin', … 2^k spellings for k foldable letters), so `lower(display_name) = ANY(...)` can use
 * guest_name_idx. Null when there would be more than MAX_NAME_VARIANTS.
 */
export function lowerNameVariants(folded: string): string[] | null {
  const positions = [...folded].flatMap((c, i) => (UNFOLD[c] ? [i] : []));
  if (2 ** positions.length > MAX_NAME_VARIANTS) {
    return null;
  }
  const chars = [...folded];
  const out: string[] = [];
  for (let mask = 0; mask < 2 ** positions.length; mask++) {
    const spelled = [...chars];
    positions.forEach((at, bit) => {
      if (mask & (1 << bit)) {
        spelled[at] = UNFOLD[chars[at]];
      }
    });
    out.push(spelled.join(''));
  }
  return out;
}

/** Advisory lock key of one identity of a hotel; the same key in resolveForInbound, merge and unmerge. */
function lockKey(hotelId: string, identity: Identity): string {
  return `guest_identity:${hotelId}:${identity.kind}:${identity.value}`;
}

/**
 * Serialises every transaction that reads-then-writes these identities of the hotel, until COMMIT/ROLLBACK. Keys are
 * taken one by one in a stable order (sorted), so two transactions wanting overlapping sets cannot deadlock.
 */
export async function lockIdentities(
  em: EntityManager,
  hotelId: string,
  identities: readonly Identity[],
): Promise<void> {
  const keys = [...new Set(identities.map((i) => lockKey(hotelId, i)))].sort();
  for (const key of keys) {
    await em.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [key]);
  }
}

/** Ids of the guests that hold any of the identities (exact kind + value). */
export async function guestIdsByIdentities(
  em: EntityManager,
  hotelId: string,
  identities: readonly Identity[],
): Promise<string[]> {
  if (identities.length === 0) {
    return [];
  }
  const rows = await em.query<{ guest_id: string }[]>(
    `SELECT DISTINCT i.guest_id FROM guest_identity i
       JOIN unnest($2::text[], $3::text[]) AS q(kind, value) ON i.kind = q.kind AND i.value = q.value
      WHERE i.tenant_id = $1`,
    [hotelId, identities.map((i) => i.kind), identities.map((i) => i.value)],
  );
  return rows.map((r) => r.guest_id);
}

/** Ids of guests holding an identity of one of these values, any kind (search: '905321234567' is a phone or wa id). */
export async function guestIdsByIdentityValues(
  em: EntityManager,
  hotelId: string,
  values: readonly string[],
): Promise<string[]> {
  if (values.length === 0) {
    return [];
  }
  const rows = await em.query<{ guest_id: string }[]>(
    `SELECT DISTINCT guest_id FROM guest_identity
      WHERE tenant_id = $1 AND kind = ANY($2::text[]) AND value = ANY($3::text[])`,
    [hotelId, Object.values(GuestIdentityKind), values],
  );
  return rows.map((r) => r.guest_id);
}

/**
 * Unmerged guests with the same name (Turkish-folded, same word order) that also have a phone ending in the same
 * SIMILAR_PHONE_DIGITS digits as one of `identities`: the only name-found guests that can reach a suggestion. Uses
 * guest_name_idx (tenant_id, lower(display_name)) through the spellings of lowerNameVariants.
 */
export async function guestIdsByNameAndPhone(
  em: EntityManager,
  hotelId: string,
  displayName: string | null,
  identities: readonly Identity[],
): Promise<string[]> {
  const name = cleanDisplayName(displayName);
  const suffixes = [
    ...new Set(
      identities
        .filter((i) => i.kind === GuestIdentityKind.Phone || i.kind === GuestIdentityKind.WhatsApp)
        .map((i) => i.value.replace(/\D/g, ''))
        .filter((d) => d.length >= SIMILAR_PHONE_DIGITS)
        .map((d) => d.slice(-SIMILAR_PHONE_DIGITS)),
    ),
  ];
  if (name === null || suffixes.length === 0) {
    return [];
  }
  const folded = softFold(name);
  const variants = lowerNameVariants(folded);
  const byName = variants ? `lower(g.display_name) = ANY($2::text[])` : `${sqlFoldedName('g.display_name')} = $2`;
  const rows = await em.query<{ id: string }[]>(
    `SELECT g.id FROM guest g
      WHERE g.tenant_id = $1 AND g.merged_into_id IS NULL AND ${byName}
        AND EXISTS (SELECT 1 FROM guest_identity i
                     WHERE i.tenant_id = g.tenant_id AND i.guest_id = g.id AND i.kind IN ('phone', 'whatsapp')
                       AND right(i.value, ${SIMILAR_PHONE_DIGITS}) = ANY($3::text[]))
      ORDER BY g.created_at, g.id
      LIMIT ${MAX_NAME_CANDIDATES}`,
    [hotelId, variants ?? folded, suffixes],
  );
  return rows.map((r) => r.id);
}

/** For each given guest id that exists: the guest it currently belongs to (itself unless merged, else the end of the chain). */
export async function survivorsOf(
  em: EntityManager,
  hotelId: string,
  guestIds: readonly string[],
): Promise<Map<string, string>> {
  if (guestIds.length === 0) {
    return new Map();
  }
  const rows = await em.query<{ start_id: string; id: string }[]>(
    `WITH RECURSIVE up(start_id, id, merged_into_id, depth) AS (
       SELECT g.id, g.id, g.merged_into_id, 0 FROM guest g WHERE g.tenant_id = $1 AND g.id = ANY($2::uuid[])
       UNION ALL
       SELECT up.start_id, g.id, g.merged_into_id, up.depth + 1
         FROM up JOIN guest g ON g.tenant_id = $1 AND g.id = up.merged_into_id
        WHERE up.depth < ${MAX_DEPTH})
     SELECT start_id, id FROM up WHERE merged_into_id IS NULL`,
    [hotelId, [...new Set(guestIds)]],
  );
  return new Map(rows.map((r) => [r.start_id, r.id]));
}

export interface Member {
  id: string;
  pastCaseCount: number;
}

/**
 * For each root guest: the root and every guest currently merged into it, recursively (root first). Walks the
 * not-undone merges (guest_merge_guest_idx) and checks each step against guest.merged_into_id.
 */
export async function membersOf(
  em: EntityManager,
  hotelId: string,
  rootIds: readonly string[],
): Promise<Map<string, Member[]>> {
  const out = new Map<string, Member[]>();
  if (rootIds.length === 0) {
    return out;
  }
  const rows = await em.query<{ root_id: string; id: string; past_case_count: number; depth: number }[]>(
    `WITH RECURSIVE down(root_id, id, depth) AS (
       SELECT r, r, 0 FROM unnest($2::uuid[]) AS r
       UNION ALL
       SELECT down.root_id, m.merged_id, down.depth + 1
         FROM down
         JOIN guest_merge m ON m.tenant_id = $1 AND m.survivor_id = down.id AND m.undone_at IS NULL
         JOIN guest mg ON mg.tenant_id = $1 AND mg.id = m.merged_id AND mg.merged_into_id = m.survivor_id
        WHERE down.depth < ${MAX_DEPTH})
     SELECT down.root_id, down.id, g.past_case_count, down.depth
       FROM down JOIN guest g ON g.tenant_id = $1 AND g.id = down.id
      ORDER BY down.root_id, down.depth, g.created_at, down.id`,
    [hotelId, [...new Set(rootIds)]],
  );
  for (const row of rows) {
    const members = out.get(row.root_id) ?? [];
    if (!members.some((m) => m.id === row.id)) {
      members.push({ id: row.id, pastCaseCount: Number(row.past_case_count) });
    }
    out.set(row.root_id, members);
  }
  return out;
}

export interface IdentityRow extends Identity {
  id: string;
  guestId: string;
  originGuestId: string;
  createdAt: Date;
}

/** Identities held by these guests, in a stable order (kind, value). */
export async function identitiesOfGuests(
  em: EntityManager,
  hotelId: string,
  guestIds: readonly string[],
): Promise<IdentityRow[]> {
  if (guestIds.length === 0) {
    return [];
  }
  const rows = await em.query<
    {
      id: string;
      guest_id: string;
      kind: GuestIdentityKind;
      value: string;
      origin_guest_id: string;
      created_at: Date;
    }[]
  >(
    `SELECT id, guest_id, kind, value, origin_guest_id, created_at FROM guest_identity
      WHERE tenant_id = $1 AND guest_id = ANY($2::uuid[])`,
    [hotelId, [...new Set(guestIds)]],
  );
  return rows
    .map((r) => ({
      id: r.id,
      guestId: r.guest_id,
      kind: r.kind,
      value: r.value,
      originGuestId: r.origin_guest_id,
      createdAt: r.created_at,
    }))
    .sort(compareIdentities);
}

/**
 * Adds identities to a guest; an identity the hotel already has (on any guest) is left where it is (ON CONFLICT on
 * the (tenant, kind, value) key). Returns the ids of the rows inserted.
 */
export async function insertIdentities(
  em: EntityManager,
  hotelId: string,
  guestId: string,
  identities: readonly Identity[],
): Promise<string[]> {
  if (identities.length === 0) {
    return [];
  }
  const rows = await em.query<{ id: string }[]>(
    `INSERT INTO guest_identity (tenant_id, guest_id, kind, value, origin_guest_id)
     SELECT $1, $2, q.kind, q.value, $2 FROM unnest($3::text[], $4::text[]) AS q(kind, value)
     ON CONFLICT (tenant_id, kind, value) DO NOTHING
     RETURNING id`,
    [hotelId, guestId, identities.map((i) => i.kind), identities.map((i) => i.value)],
  );
  return rows.map((r) => r.id);
}
