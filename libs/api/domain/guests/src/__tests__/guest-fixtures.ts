import { randomUUID } from 'node:crypto';
import { GqlResult, TestApi, withClient } from '@baton/api/testing';

/** Test helpers for the guests e2e specs: SQL seeding as the owner, and the GraphQL documents. */

export const GUEST_FIELDS =
  'id hotelId displayName identities { id kind value } mergedIntoId memberIds pastCaseCount isRepeat createdAt updatedAt';
export const REASON_FIELDS = 'reasons { code points detail }';
export const MERGE_FIELDS = `id survivorId mergedId ${REASON_FIELDS} mergedAt mergedByName undoneAt`;
export const SUGGESTION_FIELDS = `id guest { id displayName } candidate { id displayName } score ${REASON_FIELDS} status createdAt`;

export const GUEST = `query($hotelId: ID!, $id: ID!) { guest(hotelId: $hotelId, id: $id) { ${GUEST_FIELDS} } }`;
export const GUESTS = `query($hotelId: ID!, $search: String, $first: Int) {
  guests(hotelId: $hotelId, search: $search, first: $first) { ${GUEST_FIELDS} } }`;
export const SUGGESTIONS = `query($hotelId: ID!, $guestId: ID, $status: String) {
  mergeSuggestions(hotelId: $hotelId, guestId: $guestId, status: $status) { ${SUGGESTION_FIELDS} } }`;
export const MERGES = `query($hotelId: ID!, $guestId: ID!) { guestMerges(hotelId: $hotelId, guestId: $guestId) { ${MERGE_FIELDS} } }`;
export const UPDATE = `mutation($hotelId: ID!, $id: ID!, $displayName: String!) {
  updateGuest(hotelId: $hotelId, id: $id, displayName: $displayName) { ${GUEST_FIELDS} } }`;
export const MERGE = `mutation($hotelId: ID!, $survivorId: ID!, $mergedId: ID!, $suggestionId: ID) {
  mergeGuests(hotelId: $hotelId, survivorId: $survivorId, mergedId: $mergedId, suggestionId: $suggestionId) { ${MERGE_FIELDS} } }`;
export const UNMERGE = `mutation($hotelId: ID!, $mergeId: ID!) { unmergeGuests(hotelId: $hotelId, mergeId: $mergeId) { ${MERGE_FIELDS} } }`;
export const DISMISS = `mutation($hotelId: ID!, $id: ID!) {
  dismissMergeSuggestion(hotelId: $hotelId, id: $id) { ${SUGGESTION_FIELDS} } }`;

export interface IdentityView {
  id: string;
  kind: string;
  value: string;
}
export interface GuestView {
  id: string;
  hotelId: string;
  displayName: string | null;
  identities: IdentityView[];
  mergedIntoId: string | null;
  memberIds: string[];
  pastCaseCount: number;
  isRepeat: boolean;
}
export interface ReasonView {
  code: string;
  points: number;
  detail: string | null;
}
export interface MergeView {
  id: string;
  survivorId: string;
  mergedId: string;
  reasons: ReasonView[];
  mergedAt: string;
  mergedByName: string | null;
  undoneAt: string | null;
}
export interface SuggestionView {
  id: string;
  guest: { id: string; displayName: string | null };
  candidate: { id: string; displayName: string | null };
  score: number;
  reasons: ReasonView[];
  status: string;
}

export const failure = (r: GqlResult<unknown>) =>
  r.errors?.map((e) => ({ code: e.extensions.code, message: e.message }));
export const codeOf = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions.code;

/** A unique 7-digit line number, so every test's phones are its own. */
export const line = () => String(Math.floor(1_000_000 + Math.random() * 8_999_999));

/** Runs SQL as the owner inside the hotel's tenant scope. */
export async function asOwner<T>(api: TestApi, hotelId: string, sql: string, params: unknown[] = []): Promise<T[]> {
  return withClient(api.db.ownerUrl, async (c) => {
    await c.query(`SELECT set_config('app.tenant_ids', $1, false)`, [hotelId]);
    return (await c.query(sql, params)).rows as T[];
  });
}

/** A guest with identities (already normalised: E.164 phones, wa digits, lower-case e-mail). */
export async function seedGuest(
  api: TestApi,
  hotelId: string,
  guest: { displayName?: string | null; identities?: Array<[string, string]>; pastCaseCount?: number },
): Promise<string> {
  const id = randomUUID();
  await asOwner(
    api,
    hotelId,
    `INSERT INTO guest (tenant_id, id, display_name, past_case_count) VALUES ($1, $2, $3, $4)`,
    [hotelId, id, guest.displayName ?? null, guest.pastCaseCount ?? 0],
  );
  for (const [kind, value] of guest.identities ?? []) {
    await asOwner(
      api,
      hotelId,
      `INSERT INTO guest_identity (tenant_id, guest_id, kind, value, origin_guest_id) VALUES ($1, $2, $3, $4, $2)`,
      [hotelId, id, kind, value],
    );
  }
  return id;
}

export async function seedSuggestion(
  api: TestApi,
  hotelId: string,
  guestId: string,
  candidateId: string,
  score = 70,
): Promise<string> {
  const [row] = await asOwner<{ id: string }>(
    api,
    hotelId,
    `INSERT INTO guest_match_suggestion (tenant_id, guest_id, candidate_id, score, reasons)
     VALUES ($1, $2, $3, $4, $5::jsonb) RETURNING id`,
    [
      hotelId,
      guestId,
      candidateId,
      score,
      JSON.stringify([{ code: 'same_name_similar_phone', points: 70, detail: null }]),
    ],
  );
  return row.id;
}

export async function auditActions(api: TestApi, hotelId: string, entityId: string): Promise<string[]> {
  const rows = await asOwner<{ action: string }>(
    api,
    hotelId,
    `SELECT action FROM audit_log WHERE tenant_id = $1 AND entity_id = $2 ORDER BY occurred_at, id`,
    [hotelId, entityId],
  );
  return rows.map((r) => r.action);
}
