import type { MaybeRefOrGetter } from 'vue';

import { CASE_EVENTS_SUBSCRIPTION } from '../case-documents';
import type { CaseEvent } from '../cases';
import { useLiveSubscription, type LiveSubscription } from './use-live-subscription';

export interface CaseEventsOptions {
  /** After every (re)connection: reload whatever the view shows, events may have been missed. */
  onConnected?(hotelId: string): void;
}

/**
 * Live `caseEvents(hotelId)`: every case created, updated, messaged, moved, handed off, noted or merged in the hotel.
 * The event carries the case as it is now (list fields), which also refreshes the Apollo cache entry of that case.
 */
export function useCaseEvents(
  hotelId: MaybeRefOrGetter<string | null | undefined>,
  onEvent: (event: CaseEvent) => void,
  options: CaseEventsOptions = {},
): LiveSubscription {
  return useLiveSubscription(CASE_EVENTS_SUBSCRIPTION, hotelId, {
    onData: (data, hotel) => {
      if (data.caseEvents.hotelId === hotel) {
        onEvent(data.caseEvents);
      }
    },
    onConnected: options.onConnected,
  });
}
