import type { Permission } from '@baton/shared/contracts';
import { useQuery } from '@vue/apollo-composable';
import { computed, toValue, type ComputedRef, type MaybeRefOrGetter, type Ref } from 'vue';

import { ME_QUERY } from '../documents';
import { errorCodeOf, type RequestErrorCode } from '../errors';
import type { HotelFields, MeFields } from '../types';

export interface UseHotel {
  readonly user: ComputedRef<MeFields['user'] | null>;
  readonly hotels: ComputedRef<readonly HotelFields[]>;
  /** The hotel with `hotelId` among the caller's hotels; null while loading or when it is not theirs. */
  readonly hotel: ComputedRef<HotelFields | null>;
  /** The hotel's IANA zone (all times of a hotel are shown in it); UTC until the hotel is known. */
  readonly timeZone: ComputedRef<string>;
  readonly loading: Readonly<Ref<boolean>>;
  readonly error: ComputedRef<RequestErrorCode | null>;
  /** Whether the caller holds `permission` on this hotel (`Hotel.permissions`). */
  can(permission: Permission): boolean;
}

export interface UseHotelOptions {
  /** Run the `me` query only while this is true (e.g. signed in). Default true. */
  enabled?: MaybeRefOrGetter<boolean>;
}

/** One hotel of the signed-in user (from `me`, which `login` seeds), plus the user; for pages under /hotels/:hotelId. */
export function useHotel(
  hotelId: MaybeRefOrGetter<string | null | undefined>,
  options: UseHotelOptions = {},
): UseHotel {
  const query = useQuery(ME_QUERY, {}, () => ({
    fetchPolicy: 'cache-first' as const,
    enabled: toValue(options.enabled ?? true),
  }));
  const me = computed(() => query.result.value?.me ?? null);
  const hotels = computed(() => me.value?.hotels ?? []);
  const hotel = computed(() => {
    const id = toValue(hotelId);
    return id ? (hotels.value.find((candidate) => candidate.id === id) ?? null) : null;
  });
  return {
    user: computed(() => me.value?.user ?? null),
    hotels,
    hotel,
    timeZone: computed(() => hotel.value?.timeZone ?? 'UTC'),
    loading: query.loading,
    error: computed(() => (query.error.value ? errorCodeOf(query.error.value) : null)),
    can: (permission) => hotel.value?.permissions.includes(permission) ?? false,
  };
}
