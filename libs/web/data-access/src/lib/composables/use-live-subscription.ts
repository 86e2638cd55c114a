import type { TypedDocumentNode } from '@apollo/client/core';
import { computed, onScopeDispose, ref, toValue, watch, type ComputedRef, type MaybeRefOrGetter, type Ref } from 'vue';

import { useBatonClient } from '../baton-client';
import { errorCodeOf, type RequestErrorCode } from '../errors';
import type { RealtimeState } from '../realtime';

/** What a connection badge shows for one live view. */
export type LiveState = 'live' | 'connecting' | 'offline';

const LIVE_STATE: Readonly<Record<RealtimeState, LiveState>> = {
  idle: 'connecting', // a subscription is active, so the lazy socket is about to open
  connecting: 'connecting',
  live: 'live',
  offline: 'offline',
};

export interface LiveSubscription {
  readonly status: ComputedRef<LiveState>;
  readonly error: Readonly<Ref<RequestErrorCode | null>>;
}

export interface LiveSubscriptionOptions<TData> {
  /** Each payload, for the hotel it was subscribed for. */
  onData(data: TData, hotelId: string): void;
  /**
   * After every acknowledged (re)connection while subscribed, including the first, and once `settleMs` after each
   * subscribe: refill what may have been missed between a snapshot query and the subscription, or while the socket was
   * down. (On an already open socket graphql-ws does not acknowledge a new subscription, so the settle call closes
   * that gap.)
   */
  onConnected?(hotelId: string): void;
  /** Delay of the post-subscribe refill (default 1 s). */
  settleMs?: number;
}

/**
 * One hotel-keyed subscription over the tab's single graphql-ws connection: (re)subscribes when the hotel changes,
 * drops late payloads of an older hotel, and stops with the calling scope.
 */
export function useLiveSubscription<TData>(
  document: TypedDocumentNode<TData, { hotelId: string }>,
  hotelId: MaybeRefOrGetter<string | null | undefined>,
  options: LiveSubscriptionOptions<TData>,
): LiveSubscription {
  const { apollo, realtime } = useBatonClient();
  const subscribed = ref(false);
  const error = ref<RequestErrorCode | null>(null);
  let generation = 0;
  let current: string | null = null;
  let subscription: { unsubscribe(): void } | null = null;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;

  function stop(): void {
    clearTimeout(settleTimer);
    subscription?.unsubscribe();
    subscription = null;
    subscribed.value = false;
  }

  function start(hotel: string, gen: number): void {
    subscribed.value = true;
    subscription = apollo.subscribe({ query: document, variables: { hotelId: hotel } }).subscribe({
      next: (result) => {
        if (gen === generation && result.data) {
          error.value = null;
          options.onData(result.data, hotel);
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
    if (options.onConnected) {
      const refill = options.onConnected;
      settleTimer = setTimeout(() => {
        if (gen === generation && subscribed.value) {
          refill(hotel);
        }
      }, options.settleMs ?? 1_000);
    }
  }

  watch(
    () => toValue(hotelId) ?? null,
    (hotel) => {
      generation += 1;
      stop();
      current = hotel;
      error.value = null;
      if (hotel) {
        start(hotel, generation);
      }
    },
    { immediate: true },
  );

  watch(realtime.connectionCount, () => {
    if (current && subscribed.value) {
      options.onConnected?.(current);
    }
  });

  onScopeDispose(() => {
    generation += 1;
    stop();
  });

  return {
    status: computed(() => (subscribed.value ? LIVE_STATE[realtime.state.value] : 'offline')),
    error,
  };
}
