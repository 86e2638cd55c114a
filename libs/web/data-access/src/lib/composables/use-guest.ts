import { MergeSuggestionStatus } from '@baton/shared/contracts';
import { useQuery } from '@vue/apollo-composable';
import { computed, toValue, type ComputedRef, type MaybeRefOrGetter, type Ref } from 'vue';

import { errorCodeOf, type RequestErrorCode } from '../errors';
import {
  DISMISS_MERGE_SUGGESTION_MUTATION,
  GUEST_MERGES_QUERY,
  GUEST_QUERY,
  MERGE_GUESTS_MUTATION,
  MERGE_SUGGESTIONS_QUERY,
  UNMERGE_GUESTS_MUTATION,
  type Guest,
  type GuestMerge,
  type MergeSuggestion,
} from '../guests';
import { useMutationRunner } from './use-mutation-runner';

export interface UseGuest {
  readonly guest: ComputedRef<Guest | null>;
  /** Open suggestions that involve this guest. */
  readonly suggestions: ComputedRef<readonly MergeSuggestion[]>;
  /** Merges into this guest, newest first (undone ones included, marked by `undoneAt`). */
  readonly merges: ComputedRef<readonly GuestMerge[]>;
  readonly loading: ComputedRef<boolean>;
  readonly error: ComputedRef<RequestErrorCode | null>;
  readonly busy: Readonly<Ref<boolean>>;
  /** Merges the suggestion's other guest into this one (this guest survives). */
  merge(suggestion: MergeSuggestion): Promise<void>;
  dismiss(suggestionId: string): Promise<void>;
  unmerge(mergeId: string): Promise<void>;
  refetch(): Promise<void>;
}

/** The guest of a case: identity, repeat-guest flag, merge suggestions and merge history with undo. */
export function useGuest(
  hotelId: MaybeRefOrGetter<string | null | undefined>,
  guestId: MaybeRefOrGetter<string | null | undefined>,
  options: { onChanged?: () => Promise<void> | void } = {},
): UseGuest {
  const vars = computed(() => ({ hotelId: toValue(hotelId) ?? '', guestId: toValue(guestId) ?? '' }));
  const enabled = (): boolean => Boolean(vars.value.hotelId && vars.value.guestId);
  const guestQuery = useQuery(
    GUEST_QUERY,
    () => ({ hotelId: vars.value.hotelId, id: vars.value.guestId }),
    () => ({ fetchPolicy: 'cache-and-network' as const, enabled: enabled() }),
  );
  const suggestionsQuery = useQuery(
    MERGE_SUGGESTIONS_QUERY,
    () => ({ hotelId: vars.value.hotelId, guestId: vars.value.guestId, status: MergeSuggestionStatus.Open }),
    () => ({ fetchPolicy: 'cache-and-network' as const, enabled: enabled() }),
  );
  const mergesQuery = useQuery(
    GUEST_MERGES_QUERY,
    () => ({ hotelId: vars.value.hotelId, guestId: vars.value.guestId }),
    () => ({ fetchPolicy: 'cache-and-network' as const, enabled: enabled() }),
  );
  async function refetch(): Promise<void> {
    await Promise.all([guestQuery.refetch(), suggestionsQuery.refetch(), mergesQuery.refetch()]);
  }
  // The case shows the guest's name too: a merge or unmerge refreshes it through `onChanged`.
  const { busy, hotel, run, mutate } = useMutationRunner({
    owner: 'useGuest',
    hotelId,
    refresh: async () => {
      await refetch();
      await options.onChanged?.();
    },
  });

  return {
    guest: computed(() => guestQuery.result.value?.guest ?? null),
    suggestions: computed(() =>
      (suggestionsQuery.result.value?.mergeSuggestions ?? []).filter(
        (suggestion) => suggestion.status === MergeSuggestionStatus.Open,
      ),
    ),
    merges: computed(() =>
      [...(mergesQuery.result.value?.guestMerges ?? [])].sort(
        (a, b) => Date.parse(b.mergedAt) - Date.parse(a.mergedAt),
      ),
    ),
    loading: computed(() => guestQuery.loading.value || suggestionsQuery.loading.value || mergesQuery.loading.value),
    error: computed(() => {
      const first = guestQuery.error.value ?? suggestionsQuery.error.value ?? mergesQuery.error.value;
      return first ? errorCodeOf(first) : null;
    }),
    busy,
    refetch,
    merge: (suggestion) =>
      run(async () => {
        const self = vars.value.guestId;
        const other = suggestion.guest.id === self ? suggestion.candidate.id : suggestion.guest.id;
        await mutate(MERGE_GUESTS_MUTATION, {
          hotelId: hotel(),
          survivorId: self,
          mergedId: other,
          suggestionId: suggestion.id,
        });
      }),
    dismiss: (suggestionId) =>
      run(async () => {
        await mutate(DISMISS_MERGE_SUGGESTION_MUTATION, { hotelId: hotel(), id: suggestionId });
      }),
    unmerge: (mergeId) =>
      run(async () => {
        await mutate(UNMERGE_GUESTS_MUTATION, { hotelId: hotel(), mergeId });
      }),
  };
}
