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

import { MAX_FEED_EVENTS, mergeActivity } from '../activity';
import { useBatonClient } from '../baton-client';
import { HOTEL_ACTIVITY_SUBSCRIPTION, RECENT_ACTIVITY_QUERY } from '../documents';
import { errorCodeOf, type RequestErrorCode } from '../errors';
import type { RealtimeState } from '../realtime';
import type { ActivityEvent } from '../types';

/** What the connection badge shows. */
export type FeedConnectionState = 'live' | 'connecting' | 'offline';

export interface ActivityFeedOptions {
  /** How many events `recentActivity` loads (default 50). */
  initialCount?: number;
  /** Upper bound of the list (default 100). */
  maxEvents?: number;
}

export interface ActivityFeed {
  /** Newest first, deduplicated by id, at most `maxEvents`. */
  readonly events: Readonly<ShallowRef<readonly ActivityEvent[]>>;
  /** True while `recentActivity` is loading for the current hotel. */
  readonly loading: Readonly<Ref<boolean>>;
  /** Last load or subscription error for the current hotel. */
  readonly error: Readonly<Ref<RequestErrorCode | null>>;
  readonly status: ComputedRef<FeedConnectionState>;
  /** Reloads `recentActivity` and merges it into the list. */
  reload(): Promise<void>;
}

const FEED_STATE: Readonly<Record<RealtimeState, FeedConnectionState>> = {
  idle: 'connecting', // a subscription is active, so the lazy socket is about to open
  connecting: 'connecting',
  live: 'live',
  offline: 'offline',
};

/**
 * Activity of one hotel: `recentActivity`, then live `hotelActivity` events prepended as they arrive.
 * The subscription starts first and the list is (re)loaded on every acknowledged connection, so nothing that happens
 * between the snapshot and the subscription, or while the socket was down, is lost (duplicates are merged by id).
 * Switching hotels resets the list; everything is torn down with the calling component's scope.
 */
export function useActivityFeed(
  hotelId: MaybeRefOrGetter<string | null | undefined>,
  options: ActivityFeedOptions = {},
): ActivityFeed {
  const { apollo, realtime } = useBatonClient();
  const initialCount = options.initialCount ?? 50;
  const maxEvents = options.maxEvents ?? MAX_FEED_EVENTS;

  const events = shallowRef<readonly ActivityEvent[]>([]);
  const loading = ref(false);
  const error = ref<RequestErrorCode | null>(null);
  const subscribed = ref(false);

  /** Bumped on every hotel change and on dispose; late results of an older generation are dropped. */
  let generation = 0;
  let currentHotelId: string | null = null;
  let subscription: { unsubscribe(): void } | null = null;

  function add(hotel: string, gen: number, incoming: readonly ActivityEvent[]): void {
    if (gen !== generation) {
      return;
    }
    const own = incoming.filter((event) => event.hotelId === hotel);
    if (own.length > 0) {
      events.value = mergeActivity(events.value, own, maxEvents);
    }
  }

  async function load(hotel: string, gen: number): Promise<void> {
    loading.value = true;
    try {
      const { data } = await apollo.query({
        query: RECENT_ACTIVITY_QUERY,
        variables: { hotelId: hotel, first: initialCount },
        fetchPolicy: 'network-only',
      });
      if (gen === generation) {
        add(hotel, gen, data.recentActivity);
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

  function stopSubscription(): void {
    subscription?.unsubscribe();
    subscription = null;
    subscribed.value = false;
  }

  function start(hotel: string, gen: number): void {
    subscribed.value = true;
    subscription = apollo.subscribe({ query: HOTEL_ACTIVITY_SUBSCRIPTION, variables: { hotelId: hotel } }).subscribe({
      next: (result) => {
        if (result.data?.hotelActivity) {
          add(hotel, gen, [result.data.hotelActivity]);
        }
      },
      error: (err: unknown) => {
        if (gen === generation) {
          subscribed.value = false;
          error.value = errorCodeOf(err);
        }
      },
      complete: () => {
        if (gen === generation) {
          subscribed.value = false;
        }
      },
    });
    void load(hotel, gen);
  }

  watch(
    () => toValue(hotelId) ?? null,
    (hotel) => {
      generation += 1;
      stopSubscription();
      currentHotelId = hotel;
      events.value = [];
      error.value = null;
      loading.value = false;
      if (hotel) {
        start(hotel, generation);
      }
    },
    { immediate: true },
  );

  // Every acknowledged (re)connection: fill whatever was missed while the subscription was not running.
  watch(realtime.connectionCount, () => {
    if (currentHotelId && subscribed.value) {
      void load(currentHotelId, generation);
    }
  });

  onScopeDispose(() => {
    generation += 1;
    stopSubscription();
  });

  return {
    events,
    loading,
    error,
    status: computed(() => (subscribed.value ? FEED_STATE[realtime.state.value] : 'offline')),
    reload: () => (currentHotelId ? load(currentHotelId, generation) : Promise.resolve()),
  };
}
