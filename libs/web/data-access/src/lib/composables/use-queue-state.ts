import { computed, ref, shallowRef, toValue, watch, type ComputedRef, type MaybeRefOrGetter, type Ref } from 'vue';

import { useBatonClient } from '../baton-client';
import { QUEUE_STATE_QUERY, QUEUE_STATE_SUBSCRIPTION } from '../case-documents';
import type { QueueState } from '../cases';
import { errorCodeOf, type RequestErrorCode } from '../errors';
import { useLiveSubscription, type LiveState } from './use-live-subscription';

export interface UseQueueState {
  /** Latest snapshot (the subscription sends one on subscribe and then on every change, at most a few per second). */
  readonly state: Readonly<Ref<QueueState | null>>;
  readonly error: ComputedRef<RequestErrorCode | null>;
  readonly status: ComputedRef<LiveState>;
}

function newer(a: QueueState | null, b: QueueState): boolean {
  return !a || Date.parse(b.at) >= Date.parse(a.at);
}

/** The queue header of a hotel: open / unassigned / waiting counts, oldest waiting, per channel. */
export function useQueueState(hotelId: MaybeRefOrGetter<string | null | undefined>): UseQueueState {
  const { apollo } = useBatonClient();
  const state = shallowRef<QueueState | null>(null);
  const loadError = ref<RequestErrorCode | null>(null);
  let generation = 0;

  function accept(hotel: string, next: QueueState): void {
    if (next.hotelId === hotel && hotel === toValue(hotelId) && newer(state.value, next)) {
      state.value = next;
    }
  }

  async function load(hotel: string): Promise<void> {
    const gen = generation;
    try {
      const { data } = await apollo.query({
        query: QUEUE_STATE_QUERY,
        variables: { hotelId: hotel },
        fetchPolicy: 'network-only',
      });
      if (gen === generation) {
        loadError.value = null;
        accept(hotel, data.queueState);
      }
    } catch (err) {
      if (gen === generation) {
        loadError.value = errorCodeOf(err);
      }
    }
  }

  watch(
    () => toValue(hotelId) ?? null,
    (hotel) => {
      generation += 1;
      state.value = null;
      loadError.value = null;
      if (hotel) {
        void load(hotel);
      }
    },
    { immediate: true },
  );

  const live = useLiveSubscription(QUEUE_STATE_SUBSCRIPTION, hotelId, {
    onData: (data, hotel) => accept(hotel, data.queueState),
  });

  return {
    state,
    error: computed(() => loadError.value ?? live.error.value),
    status: live.status,
  };
}
