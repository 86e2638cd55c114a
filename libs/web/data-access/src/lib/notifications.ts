/** In-app notifications and the delivery outbox: types, documents and the composables of the notifications page. */
import { gql, type TypedDocumentNode } from '@apollo/client/core';
import { useQuery } from '@vue/apollo-composable';
import { computed, ref, toValue, type ComputedRef, type MaybeRefOrGetter, type Ref } from 'vue';

import { useLiveSubscription, type LiveState } from './composables/use-live-subscription';
import { useMutationRunner } from './composables/use-mutation-runner';
import { errorCodeOf, type RequestErrorCode } from './errors';
import type { DateTimeString } from './types';

export interface AppNotification {
  __typename?: 'Notification';
  id: string;
  hotelId: string;
  /** Dotted, set by the sender: `sla.reminder`, `automation.notify`, … */
  kind: string;
  title: string;
  body: string;
  caseId: string | null;
  ticketId: string | null;
  createdAt: DateTimeString;
  readAt: DateTimeString | null;
}

export interface NotificationEvent {
  __typename?: 'NotificationEvent';
  /** `created` (notification set) or `read` (readIds / allRead). */
  kind: string;
  hotelId: string;
  notification: AppNotification | null;
  readIds: string[];
  allRead: boolean;
}

/** One outbound e-mail or webhook. Webhook URLs come with query values masked; signing secrets never come back. */
export interface Delivery {
  __typename?: 'Delivery';
  id: string;
  hotelId: string;
  /** `email` or `webhook` */
  channel: string;
  target: string;
  subject: string | null;
  /** A DeliveryState value. */
  state: string;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: DateTimeString | null;
  lastError: string | null;
  lastStatus: number | null;
  signed: boolean;
  sourceKind: string | null;
  sourceId: string | null;
  sentAt: DateTimeString | null;
  deadAt: DateTimeString | null;
  createdAt: DateTimeString;
  updatedAt: DateTimeString;
}

interface Connection<T> {
  nodes: T[];
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface NotificationsQuery {
  notifications: Connection<AppNotification>;
  unreadNotificationCount: number;
}
export interface NotificationsQueryVariables {
  hotelId: string;
  first?: number | null;
}
export interface NotificationEventsSubscription {
  notificationEvents: NotificationEvent;
}
export interface MarkNotificationsReadVariables {
  input: { hotelId?: string | null; ids?: string[] | null; all?: boolean | null };
}
export interface DeliveriesQuery {
  dead: Connection<Delivery>;
  pending: Connection<Delivery>;
}
export interface RetryDeliveryMutation {
  retryDelivery: Delivery;
}

const NOTIFICATION_FIELDS = gql`
  fragment NotificationFields on Notification {
    id
    hotelId
    kind
    title
    body
    caseId
    ticketId
    createdAt
    readAt
  }
`;

const DELIVERY_FIELDS = gql`
  fragment DeliveryFields on Delivery {
    id
    hotelId
    channel
    target
    subject
    state
    attempts
    maxAttempts
    nextAttemptAt
    lastError
    lastStatus
    signed
    sourceKind
    sourceId
    sentAt
    deadAt
    createdAt
    updatedAt
  }
`;

export const NOTIFICATIONS_QUERY: TypedDocumentNode<NotificationsQuery, NotificationsQueryVariables> = gql`
  query Notifications($hotelId: ID!, $first: Int) {
    notifications(hotelId: $hotelId, first: $first) {
      nodes {
        ...NotificationFields
      }
      endCursor
      hasNextPage
    }
    unreadNotificationCount(hotelId: $hotelId)
  }
  ${NOTIFICATION_FIELDS}
`;

export const NOTIFICATION_EVENTS_SUBSCRIPTION: TypedDocumentNode<NotificationEventsSubscription, { hotelId: string }> =
  gql`
    subscription NotificationEvents($hotelId: ID!) {
      notificationEvents(hotelId: $hotelId) {
        kind
        hotelId
        readIds
        allRead
        notification {
          ...NotificationFields
        }
      }
    }
    ${NOTIFICATION_FIELDS}
  `;

export const MARK_NOTIFICATIONS_READ_MUTATION: TypedDocumentNode<
  { markNotificationsRead: number },
  MarkNotificationsReadVariables
> = gql`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input)
  }
`;

/** Dead and pending deliveries of a hotel: what needs a manager's eye (sent ones are history). */
export const FAILED_DELIVERIES_QUERY: TypedDocumentNode<DeliveriesQuery, { hotelId: string }> = gql`
  query FailedDeliveries($hotelId: ID!) {
    dead: deliveries(hotelId: $hotelId, state: "dead", first: 50) {
      nodes {
        ...DeliveryFields
      }
      endCursor
      hasNextPage
    }
    pending: deliveries(hotelId: $hotelId, state: "pending", first: 50) {
      nodes {
        ...DeliveryFields
      }
      endCursor
      hasNextPage
    }
  }
  ${DELIVERY_FIELDS}
`;

export const RETRY_DELIVERY_MUTATION: TypedDocumentNode<RetryDeliveryMutation, { hotelId: string; id: string }> = gql`
  mutation RetryDelivery($hotelId: ID!, $id: ID!) {
    retryDelivery(hotelId: $hotelId, id: $id) {
      ...DeliveryFields
    }
  }
  ${DELIVERY_FIELDS}
`;

/** Unread first (newest first within each group), then read ones, newest first. */
export function sortNotifications(list: readonly AppNotification[]): AppNotification[] {
  return [...list].sort(
    (a, b) =>
      Number(a.readAt !== null) - Number(b.readAt !== null) ||
      b.createdAt.localeCompare(a.createdAt) ||
      b.id.localeCompare(a.id),
  );
}

export interface UseNotifications {
  readonly notifications: ComputedRef<readonly AppNotification[]>;
  readonly unreadCount: ComputedRef<number>;
  readonly loading: Readonly<Ref<boolean>>;
  readonly error: ComputedRef<RequestErrorCode | null>;
  readonly live: ComputedRef<LiveState>;
  readonly busy: Readonly<Ref<boolean>>;
  markRead(ids: readonly string[]): Promise<void>;
  markAllRead(): Promise<void>;
}

/** The signed-in user's notifications in one hotel, kept current by `notificationEvents` (new ones, read elsewhere). */
export function useNotifications(hotelId: MaybeRefOrGetter<string | null | undefined>, first = 50): UseNotifications {
  const query = useQuery(
    NOTIFICATIONS_QUERY,
    () => ({ hotelId: toValue(hotelId) ?? '', first }),
    () => ({ fetchPolicy: 'cache-and-network' as const, enabled: Boolean(toValue(hotelId)) }),
  );
  const { busy, run, mutate } = useMutationRunner({
    owner: 'useNotifications',
    hotelId,
    refresh: () => query.refetch(),
  });
  const refetch = (): void => {
    query.refetch()?.catch(() => undefined);
  };
  // Any change (a new notification, one read in another tab) reloads the page of the list and the count: one small query.
  const live = useLiveSubscription(NOTIFICATION_EVENTS_SUBSCRIPTION, hotelId, {
    onData: () => refetch(),
    onConnected: () => refetch(),
  });

  async function mark(input: MarkNotificationsReadVariables['input']): Promise<void> {
    const hotel = toValue(hotelId);
    if (!hotel) {
      return;
    }
    await run(() => mutate(MARK_NOTIFICATIONS_READ_MUTATION, { input: { ...input, hotelId: hotel } }));
  }

  return {
    notifications: computed(() => sortNotifications(query.result.value?.notifications.nodes ?? [])),
    unreadCount: computed(() => query.result.value?.unreadNotificationCount ?? 0),
    loading: query.loading,
    error: computed(() => (query.error.value ? errorCodeOf(query.error.value) : null)),
    live: live.status,
    busy,
    markRead: (ids) => mark({ ids: [...ids] }),
    markAllRead: () => mark({ all: true }),
  };
}

export interface UseFailedDeliveries {
  readonly dead: ComputedRef<readonly Delivery[]>;
  readonly pending: ComputedRef<readonly Delivery[]>;
  readonly loading: Readonly<Ref<boolean>>;
  readonly error: ComputedRef<RequestErrorCode | null>;
  /** Ids being retried right now. */
  readonly retrying: Readonly<Ref<ReadonlySet<string>>>;
  retry(id: string): Promise<Delivery>;
}

/**
 * A hotel's dead and pending deliveries, for managers (`enabled`: the caller holds workflows.manage). Polled while
 * shown, since deliveries change in the worker and are not pushed.
 */
export function useFailedDeliveries(
  hotelId: MaybeRefOrGetter<string | null | undefined>,
  enabled: MaybeRefOrGetter<boolean>,
  pollMs = 5_000,
): UseFailedDeliveries {
  const query = useQuery(
    FAILED_DELIVERIES_QUERY,
    () => ({ hotelId: toValue(hotelId) ?? '' }),
    () => ({
      fetchPolicy: 'cache-and-network' as const,
      enabled: Boolean(toValue(hotelId)) && toValue(enabled),
      pollInterval: pollMs,
    }),
  );
  const { hotel, mutate } = useMutationRunner({ owner: 'useFailedDeliveries', hotelId });
  // Per delivery rather than one busy flag: the list keeps every other row's retry button live.
  const retrying = ref<ReadonlySet<string>>(new Set());
  return {
    dead: computed(() => query.result.value?.dead.nodes ?? []),
    pending: computed(() => query.result.value?.pending.nodes ?? []),
    loading: query.loading,
    error: computed(() => (query.error.value ? errorCodeOf(query.error.value) : null)),
    retrying,
    async retry(id) {
      const variables = { hotelId: hotel(), id };
      retrying.value = new Set([...retrying.value, id]);
      try {
        const { retryDelivery } = await mutate(RETRY_DELIVERY_MUTATION, variables);
        await query.refetch();
        return retryDelivery;
      } finally {
        retrying.value = new Set([...retrying.value].filter((other) => other !== id));
      }
    },
  };
}
