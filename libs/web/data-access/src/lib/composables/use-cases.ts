import {
  computed,
  onScopeDispose,
  ref,
  shallowRef,
  toValue,
  watch,
  type ComputedRef,
  type MaybeRefOrGetter,
  type Ref,
  type ShallowRef,
} from 'vue';

import { useBatonClient } from '../baton-client';
import { CASES_QUERY } from '../case-documents';
import { appendPage, filterToVariables, matchesFilter, upsertCase, type CaseListFilter } from '../case-list';
import type { CaseEvent, CaseFilterInput, CaseListItem } from '../cases';
import { errorCodeOf, type RequestErrorCode } from '../errors';
import { useCaseEvents } from './use-case-events';
import type { LiveState } from './use-live-subscription';

export interface UseCasesOptions {
  /** Page size (1..100, default 25). */
  pageSize?: number;
  /** How long a row that arrived live stays highlighted (default 4 s). */
  highlightMs?: number;
}

export interface UseCases {
  /** Rows in the API's order (newest first); live changes applied. */
  readonly items: Readonly<ShallowRef<readonly CaseListItem[]>>;
  readonly totalCount: Readonly<Ref<number>>;
  readonly hasMore: Readonly<Ref<boolean>>;
  readonly loading: Readonly<Ref<boolean>>;
  readonly loadingMore: Readonly<Ref<boolean>>;
  readonly error: Readonly<Ref<RequestErrorCode | null>>;
  /** Ids of rows that just arrived or changed live (cleared after `highlightMs`). */
  readonly fresh: Readonly<ShallowRef<ReadonlySet<string>>>;
  readonly status: ComputedRef<LiveState>;
  loadMore(): Promise<void>;
  reload(): Promise<void>;
}

interface Query {
  hotelId: string;
  filter: CaseFilterInput | null;
}

/**
 * The inbox list of a hotel: `cases(filter)` page by page (Relay `after`), kept live by `caseEvents`. A case that
 * starts matching the filter is inserted where the API would list it (new cases on top), one that stops matching is
 * removed, others are replaced in place. A new filter or hotel starts over from the first page.
 */
export function useCases(
  hotelId: MaybeRefOrGetter<string | null | undefined>,
  filter: MaybeRefOrGetter<CaseListFilter>,
  meId: MaybeRefOrGetter<string | null | undefined>,
  options: UseCasesOptions = {},
): UseCases {
  const { apollo } = useBatonClient();
  const pageSize = options.pageSize ?? 25;
  const highlightMs = options.highlightMs ?? 4_000;

  const items = shallowRef<readonly CaseListItem[]>([]);
  const totalCount = ref(0);
  const hasMore = ref(false);
  const endCursor = ref<string | null>(null);
  const loading = ref(false);
  const loadingMore = ref(false);
  const error = ref<RequestErrorCode | null>(null);
  const fresh = shallowRef<ReadonlySet<string>>(new Set());
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  let generation = 0;
  /** Live events received while the first page loads; applied on top of it. */
  const pending: CaseEvent[] = [];
  const me = (): string | null => toValue(meId) ?? null;
  const query = computed<Query | null>(() => {
    const hotel = toValue(hotelId);
    return hotel ? { hotelId: hotel, filter: filterToVariables(toValue(filter), me()) } : null;
  });

  function highlight(id: string): void {
    clearTimeout(timers.get(id));
    fresh.value = new Set([...fresh.value, id]);
    timers.set(
      id,
      setTimeout(() => {
        timers.delete(id);
        const next = new Set(fresh.value);
        next.delete(id);
        fresh.value = next;
      }, highlightMs),
    );
  }

  function clearHighlights(): void {
    for (const timer of timers.values()) {
      clearTimeout(timer);
    }
    timers.clear();
    fresh.value = new Set();
  }

  async function fetchPage(q: Query, after: string | null) {
    const { data } = await apollo.query({
      query: CASES_QUERY,
      variables: { hotelId: q.hotelId, filter: q.filter, first: pageSize, after },
      fetchPolicy: 'network-only',
    });
    return data.cases;
  }

  async function loadFirst(q: Query, gen: number, merge: boolean): Promise<void> {
    loading.value = true;
    try {
      const page = await fetchPage(q, null);
      if (gen !== generation) {
        return;
      }
      const nodes = page.edges.map((edge) => edge.node);
      if (merge && items.value.length > 0) {
        // A refill (reconnect, search hit) keeps the pages loaded beyond the first.
        let next = items.value.slice();
        for (const node of nodes) {
          const result = upsertCase(next, node, true, !hasMore.value);
          next = result.items;
          if (result.outcome === 'inserted') {
            highlight(node.id);
          }
        }
        items.value = next;
      } else {
        items.value = nodes;
        hasMore.value = page.pageInfo.hasNextPage;
        endCursor.value = page.pageInfo.endCursor;
      }
      totalCount.value = page.totalCount;
      error.value = null;
      // Events that arrived while the page was on its way may be newer than it.
      const missed = pending.splice(0);
      loading.value = false;
      for (const event of missed) {
        apply(event);
      }
    } catch (err) {
      if (gen === generation) {
        error.value = errorCodeOf(err);
      }
    } finally {
      if (gen === generation) {
        loading.value = false;
      }
    }
  }

  async function loadMore(): Promise<void> {
    const q = query.value;
    if (!q || !hasMore.value || loadingMore.value) {
      return;
    }
    const gen = generation;
    loadingMore.value = true;
    try {
      const page = await fetchPage(q, endCursor.value);
      if (gen !== generation) {
        return;
      }
      items.value = appendPage(
        items.value,
        page.edges.map((edge) => edge.node),
      );
      hasMore.value = page.pageInfo.hasNextPage;
      endCursor.value = page.pageInfo.endCursor;
      totalCount.value = page.totalCount;
      error.value = null;
    } catch (err) {
      if (gen === generation) {
        error.value = errorCodeOf(err);
      }
    } finally {
      if (gen === generation) {
        loadingMore.value = false;
      }
    }
  }

  function apply(event: CaseEvent): void {
    const q = query.value;
    if (!q || event.hotelId !== q.hotelId) {
      return;
    }
    if (loading.value) {
      pending.push(event);
      return;
    }
    const matches = matchesFilter(event.case, toValue(filter), me());
    const result = upsertCase(items.value, event.case, matches, !hasMore.value);
    if (result.outcome === 'ignored') {
      if (matches === null && event.kind === 'created') {
        // Full-text search: only the API knows whether the new case matches.
        void loadFirst(q, generation, true);
      }
      return;
    }
    items.value = result.items;
    if (result.outcome === 'inserted') {
      totalCount.value += 1;
    } else if (result.outcome === 'removed') {
      totalCount.value = Math.max(0, totalCount.value - 1);
    }
    if (result.outcome !== 'removed') {
      highlight(event.case.id);
    }
  }

  watch(
    () => JSON.stringify(query.value),
    () => {
      generation += 1;
      pending.length = 0;
      clearHighlights();
      items.value = [];
      totalCount.value = 0;
      hasMore.value = false;
      endCursor.value = null;
      loadingMore.value = false;
      error.value = null;
      const q = query.value;
      if (q) {
        void loadFirst(q, generation, false);
      } else {
        loading.value = false;
      }
    },
    { immediate: true },
  );

  const live = useCaseEvents(hotelId, apply, {
    onConnected: () => {
      const q = query.value;
      if (q && !loading.value) {
        void loadFirst(q, generation, true);
      }
    },
  });

  onScopeDispose(() => {
    generation += 1;
    clearHighlights();
  });

  return {
    items,
    totalCount,
    hasMore,
    loading,
    loadingMore,
    error,
    fresh,
    status: live.status,
    loadMore,
    reload: () => (query.value ? loadFirst(query.value, generation, false) : Promise.resolve()),
  };
}
