import { useQuery } from '@vue/apollo-composable';
import { computed, toValue, type ComputedRef, type MaybeRefOrGetter, type Ref } from 'vue';

import { HOTEL_MEMBERS_QUERY } from '../case-documents';
import type { HotelMember } from '../cases';
import { errorCodeOf, type RequestErrorCode } from '../errors';

export interface UseMembers {
  readonly members: ComputedRef<readonly HotelMember[]>;
  readonly loading: Readonly<Ref<boolean>>;
  readonly error: ComputedRef<RequestErrorCode | null>;
}

/**
 * The hotel's members (`hotelMembers`), for the owner picker. The API requires `members.read` (supervisors and up):
 * pass `enabled` = that permission; without it the list stays empty and the picker offers "assign to me" only.
 */
export function useMembers(
  hotelId: MaybeRefOrGetter<string | null | undefined>,
  enabled: MaybeRefOrGetter<boolean>,
): UseMembers {
  const query = useQuery(
    HOTEL_MEMBERS_QUERY,
    () => ({ hotelId: toValue(hotelId) ?? '' }),
    () => ({ fetchPolicy: 'cache-first' as const, enabled: Boolean(toValue(hotelId)) && toValue(enabled) }),
  );
  return {
    members: computed(() =>
      [...(query.result.value?.hotelMembers ?? [])].sort((a, b) => a.displayName.localeCompare(b.displayName)),
    ),
    loading: query.loading,
    error: computed(() => (query.error.value ? errorCodeOf(query.error.value) : null)),
  };
}
