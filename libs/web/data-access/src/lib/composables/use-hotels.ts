import { useQuery } from '@vue/apollo-composable';
import { computed, type ComputedRef, type Ref } from 'vue';

import { ME_QUERY } from '../documents';
import { errorCodeOf, type RequestErrorCode } from '../errors';
import type { HotelFields, MeFields } from '../types';

export interface UseHotels {
  readonly me: ComputedRef<MeFields | null>;
  readonly user: ComputedRef<MeFields['user'] | null>;
  /** The caller's hotels (`me.hotels`), in API order. */
  readonly hotels: ComputedRef<readonly HotelFields[]>;
  readonly loading: Readonly<Ref<boolean>>;
  readonly error: ComputedRef<RequestErrorCode | null>;
  refetch(): Promise<void>;
}

/** The signed-in user and their hotels, from `me` (seeded by `login`, then kept fresh from the network). */
export function useHotels(): UseHotels {
  const query = useQuery(ME_QUERY, {}, { fetchPolicy: 'cache-and-network' });
  const me = computed(() => query.result.value?.me ?? null);
  return {
    me,
    user: computed(() => me.value?.user ?? null),
    hotels: computed(() => me.value?.hotels ?? []),
    loading: query.loading,
    error: computed(() => (query.error.value ? errorCodeOf(query.error.value) : null)),
    async refetch() {
      await query.refetch();
    },
  };
}
