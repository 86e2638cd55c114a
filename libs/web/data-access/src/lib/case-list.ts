/**
 * Pure helpers of the inbox list: the filter the user sets → `CaseFilter` variables, whether a live case still belongs
 * to the list, and merging pages and live updates into the rows (deduplicated by id, newest first).
 */
import type { CaseFilterInput, CaseListItem } from './cases';

/** Who owns the cases shown. */
export type OwnerFilter = 'any' | 'me' | 'unassigned';

/** What the inbox filter bar edits. Empty values mean "no restriction". */
export interface CaseListFilter {
  statuses: readonly string[];
  channel: string | null;
  priority: string | null;
  owner: OwnerFilter;
  label: string | null;
  /** Free text; sent as `filter.search` once trimmed (the page debounces typing). */
  search: string;
}

export const EMPTY_CASE_FILTER: Readonly<CaseListFilter> = Object.freeze({
  statuses: [],
  channel: null,
  priority: null,
  owner: 'any',
  label: null,
  search: '',
});

/** `CaseFilter` for the API, without empty fields; null when nothing restricts the list. `me` needs `meId`. */
export function filterToVariables(filter: CaseListFilter, meId: string | null): CaseFilterInput | null {
  const out: CaseFilterInput = {};
  if (filter.statuses.length > 0) {
    out.status = [...filter.statuses].sort();
  }
  if (filter.channel) {
    out.channel = [filter.channel];
  }
  if (filter.priority) {
    out.priority = [filter.priority];
  }
  if (filter.owner === 'me' && meId) {
    out.ownerId = meId;
  } else if (filter.owner === 'unassigned') {
    out.unassigned = true;
  }
  if (filter.label) {
    out.label = filter.label;
  }
  const search = filter.search.trim();
  if (search) {
    out.search = search;
  }
  return Object.keys(out).length > 0 ? out : null;
}

/**
 * Whether a case (as pushed by `caseEvents`) belongs to the filtered list: true / false, or null when only the server
 * can tell (full-text search).
 */
export function matchesFilter(item: CaseListItem, filter: CaseListFilter, meId: string | null): boolean | null {
  if (filter.statuses.length > 0 && !filter.statuses.includes(item.status)) {
    return false;
  }
  if (filter.channel && item.channel !== filter.channel) {
    return false;
  }
  if (filter.priority && item.priority !== filter.priority) {
    return false;
  }
  if (filter.owner === 'me' && (!meId || item.ownerId !== meId)) {
    return false;
  }
  if (filter.owner === 'unassigned' && item.ownerId) {
    return false;
  }
  if (filter.label && !item.labels.includes(filter.label)) {
    return false;
  }
  return filter.search.trim() ? null : true;
}

function timeOf(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms;
}

/** The API's list order: newest `createdAt` first, then id descending. */
export function compareCasesNewestFirst(a: CaseListItem, b: CaseListItem): number {
  const byTime = timeOf(b.createdAt) - timeOf(a.createdAt);
  if (byTime !== 0) {
    return byTime;
  }
  if (a.id === b.id) {
    return 0;
  }
  return a.id < b.id ? 1 : -1;
}

/** Appends a further page; rows already present (a live insert, an overlap) are replaced by the page's copy. */
export function appendPage(current: readonly CaseListItem[], page: readonly CaseListItem[]): CaseListItem[] {
  const incoming = new Map(page.map((item) => [item.id, item]));
  const kept = current.filter((item) => !incoming.has(item.id));
  return [...kept, ...page];
}

export type UpsertOutcome = 'updated' | 'inserted' | 'removed' | 'ignored';

export interface UpsertResult {
  items: CaseListItem[];
  outcome: UpsertOutcome;
}

/**
 * Applies one live case to the rows.
 * - present and still matching (or unknown) → replaced in place;
 * - present and no longer matching → removed;
 * - missing and matching → inserted where the API would list it, as long as that position is within the loaded
 *   range (`complete` = every page is loaded); otherwise it shows up when the user loads more.
 */
export function upsertCase(
  current: readonly CaseListItem[],
  item: CaseListItem,
  matches: boolean | null,
  complete: boolean,
): UpsertResult {
  const index = current.findIndex((row) => row.id === item.id);
  if (index >= 0) {
    if (matches === false) {
      return { items: current.filter((row) => row.id !== item.id), outcome: 'removed' };
    }
    const items = current.slice();
    items[index] = item;
    return { items, outcome: 'updated' };
  }
  if (matches !== true) {
    return { items: current.slice(), outcome: 'ignored' };
  }
  const position = current.findIndex((row) => compareCasesNewestFirst(item, row) < 0);
  if (position === -1 && !complete) {
    return { items: current.slice(), outcome: 'ignored' };
  }
  const items = current.slice();
  items.splice(position === -1 ? items.length : position, 0, item);
  return { items, outcome: 'inserted' };
}

/** The latest of the case's inbound, outbound and update times ("last activity"). */
export function lastActivityAt(item: Pick<CaseListItem, 'lastInboundAt' | 'lastOutboundAt' | 'updatedAt'>): string {
  let best = item.updatedAt;
  for (const candidate of [item.lastInboundAt, item.lastOutboundAt]) {
    if (candidate && timeOf(candidate) > timeOf(best)) {
      best = candidate;
    }
  }
  return best;
}
