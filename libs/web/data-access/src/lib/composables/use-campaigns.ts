import { useQuery } from '@vue/apollo-composable';
import { computed, toValue, type ComputedRef, type MaybeRefOrGetter, type Ref } from 'vue';

import { useBatonClient } from '../baton-client';
import {
  CAMPAIGNS_QUERY,
  DAILY_SUMMARIES_QUERY,
  DELETE_CAMPAIGN_MUTATION,
  GENERATE_DAILY_SUMMARY_MUTATION,
  SAVE_CAMPAIGN_MUTATION,
  type Campaign,
  type DailySummary,
  type SaveCampaignInput,
} from '../campaigns';
import { errorCodeOf, type RequestErrorCode } from '../errors';
import { useMutationRunner } from './use-mutation-runner';

export interface UseCampaigns {
  readonly campaigns: ComputedRef<readonly Campaign[]>;
  readonly loading: Readonly<Ref<boolean>>;
  readonly error: ComputedRef<RequestErrorCode | null>;
  readonly busy: Readonly<Ref<boolean>>;
  /** Creates (no id) or updates; rejects with the Apollo error (BAD_USER_INPUT, CONFLICT…). */
  save(input: Omit<SaveCampaignInput, 'hotelId'>): Promise<Campaign>;
  remove(id: string): Promise<void>;
  refetch(): Promise<void>;
}

/** The hotel's campaigns (`activeOnly`: running today in the hotel's time zone), newest start first. */
export function useCampaigns(
  hotelId: MaybeRefOrGetter<string | null | undefined>,
  options: { activeOnly?: boolean } = {},
): UseCampaigns {
  const { apollo } = useBatonClient();
  const query = useQuery(
    CAMPAIGNS_QUERY,
    () => ({ hotelId: toValue(hotelId) ?? '', activeOnly: options.activeOnly ?? null }),
    () => ({ fetchPolicy: 'cache-and-network' as const, enabled: Boolean(toValue(hotelId)) }),
  );
  async function refetch(): Promise<void> {
    await query.refetch();
  }
  const { busy, hotel, run, mutate } = useMutationRunner({ owner: 'useCampaigns', hotelId, refresh: refetch });

  return {
    campaigns: computed(() =>
      [...(query.result.value?.campaigns ?? [])].sort(
        (a, b) => b.startsOn.localeCompare(a.startsOn) || a.name.localeCompare(b.name),
      ),
    ),
    loading: query.loading,
    error: computed(() => (query.error.value ? errorCodeOf(query.error.value) : null)),
    busy,
    refetch,
    save: (input) =>
      run(async () => (await mutate(SAVE_CAMPAIGN_MUTATION, { input: { ...input, hotelId: hotel() } })).saveCampaign),
    remove: (id) =>
      run(async () => {
        await mutate(DELETE_CAMPAIGN_MUTATION, { hotelId: hotel(), id });
        apollo.cache.evict({ id: apollo.cache.identify({ __typename: 'Campaign', id }) });
        apollo.cache.gc();
      }),
  };
}

export interface UseDailySummaries {
  readonly summaries: ComputedRef<readonly DailySummary[]>;
  readonly loading: Readonly<Ref<boolean>>;
  readonly error: ComputedRef<RequestErrorCode | null>;
  readonly busy: Readonly<Ref<boolean>>;
  /** Generates (idempotently) today's summary, or the given date's. */
  generate(date?: string | null): Promise<DailySummary>;
}

/** The latest daily summaries of a hotel (newest first). */
export function useDailySummaries(hotelId: MaybeRefOrGetter<string | null | undefined>, first = 7): UseDailySummaries {
  const query = useQuery(
    DAILY_SUMMARIES_QUERY,
    () => ({ hotelId: toValue(hotelId) ?? '', first }),
    () => ({ fetchPolicy: 'cache-and-network' as const, enabled: Boolean(toValue(hotelId)) }),
  );
  const { busy, hotel, run, mutate } = useMutationRunner({
    owner: 'useDailySummaries',
    hotelId,
    refresh: () => query.refetch(),
  });
  return {
    summaries: computed(() =>
      [...(query.result.value?.dailySummaries ?? [])].sort((a, b) => b.date.localeCompare(a.date)),
    ),
    loading: query.loading,
    error: computed(() => (query.error.value ? errorCodeOf(query.error.value) : null)),
    busy,
    generate: (date) =>
      run(
        async () =>
          (await mutate(GENERATE_DAILY_SUMMARY_MUTATION, { hotelId: hotel(), date: date ?? null }))
            .generateDailySummary,
      ),
  };
}
