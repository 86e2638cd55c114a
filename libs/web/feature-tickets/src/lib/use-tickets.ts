/**
 * Composables of the ticket pages: the live list, one ticket with its mutations, the category labels. Built on the
 * documents and the `ticketEvents` subscription of @baton/web/data-access.
 */
import type { OperationVariables, TypedDocumentNode } from '@apollo/client/core';
import {
  ADD_TICKET_NOTE_MUTATION,
  APPROVE_TICKET_MUTATION,
  ASSIGN_TICKET_MUTATION,
  CHANGE_TICKET_STATUS_MUTATION,
  CONFIRM_TICKET_CLOSURE_MUTATION,
  CREATE_TICKET_MUTATION,
  errorCodeOf,
  TICKET_CATEGORIES_QUERY,
  TICKET_QUERY,
  TICKETS_QUERY,
  UPDATE_TICKET_MUTATION,
  useBatonClient,
  useMutationRunner,
  useTicketEvents,
  type CreateTicketInput,
  type RequestErrorCode,
  type TicketListFilter,
  type TicketListItem,
  type TicketRef,
  type TicketTarget,
} from '@baton/web/data-access';
import { useQuery } from '@vue/apollo-composable';
import { computed, onScopeDispose, ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';

/** Coalesces bursts of live events (and the post-subscribe refill) into one reload. */
function debounced(work: () => Promise<void>, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  onScopeDispose(() => clearTimeout(timer));
  return () => {
    clearTimeout(timer);
    timer = setTimeout(() => void work().catch((err: unknown) => console.warn('[baton] ticket reload', err)), ms);
  };
}

/**
 * The hotel's tickets, newest first, filtered on the server; every live ticket event reloads what is shown (up to
 * `limit` rows, which `showMore` raises to the API's maximum of 100: beyond that, the filters narrow the list).
 */
export function useTickets(
  hotelId: MaybeRefOrGetter<string | null | undefined>,
  filter: MaybeRefOrGetter<TicketListFilter>,
) {
  const { apollo } = useBatonClient();
  const items = shallowRef<readonly TicketListItem[]>([]);
  const totalCount = ref(0);
  const hasMore = ref(false);
  const loading = ref(false);
  const error = ref<RequestErrorCode | null>(null);
  const limit = ref(50);
  let generation = 0;

  async function load(): Promise<void> {
    const hotel = toValue(hotelId);
    if (!hotel) {
      return;
    }
    const gen = ++generation;
    const { status, kind, search, caseId } = toValue(filter);
    loading.value = true;
    try {
      const { data } = await apollo.query({
        query: TICKETS_QUERY,
        variables: { hotelId: hotel, filter: { status, kind, search: search || null, caseId }, first: limit.value },
        fetchPolicy: 'network-only',
      });
      if (gen === generation) {
        items.value = data.tickets.edges.map((edge) => edge.node);
        totalCount.value = data.tickets.totalCount;
        hasMore.value = data.tickets.pageInfo.hasNextPage;
        error.value = null;
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

  const { hotel, run, mutate } = useMutationRunner({ owner: 'useTickets', hotelId, refresh: load });
  const reloadSoon = debounced(load, 150);
  // Typing in the search box changes the filter per keystroke: one request once the typing pauses.
  watch(() => [toValue(hotelId), JSON.stringify(toValue(filter)), limit.value], reloadSoon);
  void load();
  const live = useTicketEvents(hotelId, reloadSoon, reloadSoon);

  return {
    items,
    totalCount,
    /** More rows match than are shown, and the page may still grow (up to the API's 100). */
    hasMore: computed(() => hasMore.value && limit.value < 100),
    loading,
    error,
    status: live.status,
    reload: load,
    showMore(): void {
      limit.value = Math.min(100, limit.value + 50);
    },
    create: (input: Omit<CreateTicketInput, 'hotelId'>): Promise<TicketListItem> =>
      run(async () => (await mutate(CREATE_TICKET_MUTATION, { input: { ...input, hotelId: hotel() } })).createTicket),
  };
}

export type UseTickets = ReturnType<typeof useTickets>;

/** One ticket with its notes and history, refetched on every live event about it, plus its mutations. */
export function useTicket(
  hotelId: MaybeRefOrGetter<string | null | undefined>,
  ticketId: MaybeRefOrGetter<string | null | undefined>,
) {
  const variables = computed(() => ({ hotelId: toValue(hotelId) ?? '', id: toValue(ticketId) ?? '' }));
  const query = useQuery(TICKET_QUERY, variables, () => ({
    fetchPolicy: 'cache-and-network' as const,
    enabled: Boolean(variables.value.hotelId && variables.value.id),
  }));
  async function refetch(): Promise<void> {
    await query.refetch();
  }
  const refetchSoon = debounced(refetch, 150);
  const live = useTicketEvents(
    hotelId,
    (event) => {
      if (event.ticketId === toValue(ticketId)) {
        refetchSoon();
      }
    },
    refetchSoon,
  );

  const runner = useMutationRunner({ owner: 'useTicket', hotelId, refresh: refetch });
  /** One ticket mutation, resolved once the ticket is refetched. */
  async function run<TData, TVars extends OperationVariables>(
    mutation: TypedDocumentNode<TData, TVars>,
    vars: TVars,
  ): Promise<void> {
    await runner.run(() => runner.mutate(mutation, vars));
  }
  const target = (): TicketTarget => ({ hotelId: variables.value.hotelId, id: variables.value.id });
  const noteTarget = (): TicketRef => ({ hotelId: variables.value.hotelId, ticketId: variables.value.id });

  return {
    item: computed(() => query.result.value?.ticket ?? null),
    loading: query.loading,
    error: computed(() => (query.error.value ? errorCodeOf(query.error.value) : null)),
    busy: runner.busy,
    status: live.status,
    refetch,
    changeStatus: (status: string, note?: string | null) =>
      run(CHANGE_TICKET_STATUS_MUTATION, { input: { ...target(), status, note: note || null } }),
    update: (changes: Record<string, unknown>) => run(UPDATE_TICKET_MUTATION, { input: { ...target(), ...changes } }),
    assign: (ownerId: string | null) => run(ASSIGN_TICKET_MUTATION, { input: { ...target(), ownerId } }),
    addNote: (body: string) => run(ADD_TICKET_NOTE_MUTATION, { ...noteTarget(), body }),
    confirmClosure: (confirmed: boolean, note?: string | null) =>
      run(CONFIRM_TICKET_CLOSURE_MUTATION, { ...noteTarget(), confirmed, note: note || null }),
    approve: (approved: boolean, note?: string | null) =>
      run(APPROVE_TICKET_MUTATION, { ...noteTarget(), approved, note: note || null }),
  };
}

export type UseTicket = ReturnType<typeof useTicket>;

/** The hotel's ticket categories and their labels in the UI language. */
export function useTicketCategories(hotelId: MaybeRefOrGetter<string | null | undefined>) {
  const query = useQuery(
    TICKET_CATEGORIES_QUERY,
    () => ({ hotelId: toValue(hotelId) ?? '' }),
    () => ({ fetchPolicy: 'cache-first' as const, enabled: Boolean(toValue(hotelId)) }),
  );
  const categories = computed(() => query.result.value?.ticketCategories ?? []);
  return {
    categories,
    active: computed(() => categories.value.filter((category) => category.active)),
    label(code: string, locale: string): string {
      const category = categories.value.find((candidate) => candidate.code === code);
      return category ? (locale === 'tr' ? category.labelTr : category.labelEn) : code;
    },
  };
}
