/** SLA policies and clocks: types, documents and composables (policy editor, live countdowns of a case). */
import { gql, type TypedDocumentNode } from '@apollo/client/core';
import { useQuery } from '@vue/apollo-composable';
import { computed, onScopeDispose, toValue, type ComputedRef, type MaybeRefOrGetter, type Ref } from 'vue';

import { useBatonClient } from './baton-client';
import { useLiveSubscription, type LiveState } from './composables/use-live-subscription';
import { useMutationRunner } from './composables/use-mutation-runner';
import { errorCodeOf, type RequestErrorCode } from './errors';
import type { DateTimeString } from './types';

export interface SlaLadder {
  reminderMinutesBefore: number | null;
  warningMinutesBefore: number | null;
  escalate: boolean;
}

export interface SlaMetricTarget {
  metric: string;
  minutes: number;
  /** `business` or `calendar`. */
  basis: string;
  raciStep: string;
  ladder: SlaLadder;
}

export interface SlaConditions {
  channels: string[];
  priorities: string[];
  requestTypes: string[];
  labels: string[];
  teams: string[];
}

export interface SlaPolicy {
  __typename?: 'SlaPolicy';
  id: string;
  hotelId: string;
  name: string;
  position: number;
  enabled: boolean;
  calendarId: string | null;
  conditions: SlaConditions;
  pauseStatuses: string[];
  targets: SlaMetricTarget[];
  version: number;
  updatedAt: DateTimeString;
}

/** `input SaveSlaPolicyInput` (no id = create; with id, the version it was read at). */
export interface SaveSlaPolicyInput {
  hotelId: string;
  id?: string | null;
  version?: number | null;
  name: string;
  enabled: boolean;
  calendarId: string | null;
  conditions: SlaConditions;
  pauseStatuses: string[];
  targets: Array<Omit<SlaMetricTarget, 'raciStep'> & { raciStep?: string | null }>;
}

export interface SlaClock {
  __typename?: 'SlaClock';
  id: string;
  metric: string;
  /** An `SlaClockState` value. */
  state: string;
  startedAt: DateTimeString;
  dueAt: DateTimeString;
  stoppedAt: DateTimeString | null;
  /** Left at fetch time in the clock's own time (working time for business hours); negative when overdue. */
  remainingSeconds: number;
  targetMinutes: number;
  basis: string;
  pausedSince: DateTimeString | null;
  stepsFired: string[];
  breachedAt: DateTimeString | null;
  policyName: string;
}

export interface SlaEvent {
  hotelId: string;
  clockId: string;
  kind: string;
  step: string | null;
  metric: string;
  state: string;
  targetType: string;
  targetId: string;
  dueAt: DateTimeString;
  at: DateTimeString;
}

const SLA_POLICY_FIELDS = gql`
  fragment SlaPolicyFields on SlaPolicy {
    id
    hotelId
    name
    position
    enabled
    calendarId
    conditions {
      channels
      priorities
      requestTypes
      labels
      teams
    }
    pauseStatuses
    targets {
      metric
      minutes
      basis
      raciStep
      ladder {
        reminderMinutesBefore
        warningMinutesBefore
        escalate
      }
    }
    version
    updatedAt
  }
`;

export const SLA_POLICIES_QUERY: TypedDocumentNode<{ slaPolicies: SlaPolicy[] }, { hotelId: string }> = gql`
  query SlaPolicies($hotelId: ID!) {
    slaPolicies(hotelId: $hotelId) {
      ...SlaPolicyFields
    }
  }
  ${SLA_POLICY_FIELDS}
`;

export const SAVE_SLA_POLICY_MUTATION: TypedDocumentNode<{ saveSlaPolicy: SlaPolicy }, { input: SaveSlaPolicyInput }> =
  gql`
    mutation SaveSlaPolicy($input: SaveSlaPolicyInput!) {
      saveSlaPolicy(input: $input) {
        ...SlaPolicyFields
      }
    }
    ${SLA_POLICY_FIELDS}
  `;

export const DELETE_SLA_POLICY_MUTATION: TypedDocumentNode<
  { deleteSlaPolicy: boolean },
  { hotelId: string; id: string }
> = gql`
  mutation DeleteSlaPolicy($hotelId: ID!, $id: ID!) {
    deleteSlaPolicy(hotelId: $hotelId, id: $id)
  }
`;

export const REORDER_SLA_POLICIES_MUTATION: TypedDocumentNode<
  { reorderSlaPolicies: SlaPolicy[] },
  { hotelId: string; ids: string[] }
> = gql`
  mutation ReorderSlaPolicies($hotelId: ID!, $ids: [ID!]!) {
    reorderSlaPolicies(hotelId: $hotelId, ids: $ids) {
      ...SlaPolicyFields
    }
  }
  ${SLA_POLICY_FIELDS}
`;

export const SLA_CLOCKS_QUERY: TypedDocumentNode<
  { slaClocks: SlaClock[] },
  { hotelId: string; targetType: string; targetId: string }
> = gql`
  query SlaClocks($hotelId: ID!, $targetType: String!, $targetId: ID!) {
    slaClocks(hotelId: $hotelId, targetType: $targetType, targetId: $targetId) {
      id
      metric
      state
      startedAt
      dueAt
      stoppedAt
      remainingSeconds
      targetMinutes
      basis
      pausedSince
      stepsFired
      breachedAt
      policyName
    }
  }
`;

export const SLA_EVENTS_SUBSCRIPTION: TypedDocumentNode<{ slaEvents: SlaEvent }, { hotelId: string }> = gql`
  subscription SlaEvents($hotelId: ID!) {
    slaEvents(hotelId: $hotelId) {
      hotelId
      clockId
      kind
      step
      metric
      state
      targetType
      targetId
      dueAt
      at
    }
  }
`;

export interface UseSlaPolicies {
  readonly policies: ComputedRef<readonly SlaPolicy[]>;
  readonly loading: Readonly<Ref<boolean>>;
  readonly error: ComputedRef<RequestErrorCode | null>;
  readonly busy: Readonly<Ref<boolean>>;
  /** Creates (no id) or replaces; rejects with the Apollo error (BAD_USER_INPUT, STALE_VERSION…). */
  save(input: Omit<SaveSlaPolicyInput, 'hotelId'>): Promise<SlaPolicy>;
  remove(id: string): Promise<void>;
  /** Moves a policy one place up (-1) or down (+1) in the matching order. */
  move(id: string, by: -1 | 1): Promise<void>;
}

/** The hotel's SLA policies in matching order, with the editor's mutations. */
export function useSlaPolicies(hotelId: MaybeRefOrGetter<string | null | undefined>): UseSlaPolicies {
  const { apollo } = useBatonClient();
  const query = useQuery(
    SLA_POLICIES_QUERY,
    () => ({ hotelId: toValue(hotelId) ?? '' }),
    () => ({ fetchPolicy: 'cache-and-network' as const, enabled: Boolean(toValue(hotelId)) }),
  );
  const { busy, hotel, run, mutate } = useMutationRunner({
    owner: 'useSlaPolicies',
    hotelId,
    refresh: () => query.refetch(),
  });
  const policies = computed(() =>
    [...(query.result.value?.slaPolicies ?? [])].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id)),
  );

  return {
    policies,
    loading: query.loading,
    error: computed(() => (query.error.value ? errorCodeOf(query.error.value) : null)),
    busy,
    save: (input) =>
      run(
        async () => (await mutate(SAVE_SLA_POLICY_MUTATION, { input: { ...input, hotelId: hotel() } })).saveSlaPolicy,
      ),
    remove: (id) =>
      run(async () => {
        await mutate(DELETE_SLA_POLICY_MUTATION, { hotelId: hotel(), id });
        apollo.cache.evict({ id: apollo.cache.identify({ __typename: 'SlaPolicy', id }) });
        apollo.cache.gc();
      }),
    move: (id, by) =>
      run(async () => {
        const ids = policies.value.map((p) => p.id);
        const from = ids.indexOf(id);
        const to = from + by;
        if (from < 0 || to < 0 || to >= ids.length) {
          return;
        }
        [ids[from], ids[to]] = [ids[to], ids[from]];
        await mutate(REORDER_SLA_POLICIES_MUTATION, { hotelId: hotel(), ids });
      }),
  };
}

export interface UseSlaClocks {
  /** Current clocks of the target (replaced ones left out by the API), oldest first. */
  readonly clocks: ComputedRef<readonly SlaClock[]>;
  readonly status: ComputedRef<LiveState>;
  refetch(): Promise<void>;
}

/**
 * The SLA clocks of one case (or ticket), refetched whenever `slaEvents` reports a change to one of them (started,
 * paused, resumed, stopped, a ladder step); bursts are coalesced into one refetch.
 */
export function useSlaClocks(
  hotelId: MaybeRefOrGetter<string | null | undefined>,
  targetId: MaybeRefOrGetter<string | null | undefined>,
  targetType: 'case' | 'ticket' = 'case',
): UseSlaClocks {
  const query = useQuery(
    SLA_CLOCKS_QUERY,
    () => ({ hotelId: toValue(hotelId) ?? '', targetType, targetId: toValue(targetId) ?? '' }),
    () => ({ fetchPolicy: 'cache-and-network' as const, enabled: Boolean(toValue(hotelId) && toValue(targetId)) }),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refetchSoon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void query.refetch(), 150);
  };
  onScopeDispose(() => clearTimeout(timer));
  const live = useLiveSubscription(SLA_EVENTS_SUBSCRIPTION, hotelId, {
    onData: (data, hotel) => {
      if (data.slaEvents.hotelId === hotel && data.slaEvents.targetId === toValue(targetId)) {
        refetchSoon();
      }
    },
    onConnected: refetchSoon,
  });
  return {
    // Replaced (cancelled by a policy change) clocks are history: the countdowns show the ones that count.
    clocks: computed(() =>
      (query.result.value?.slaClocks ?? []).filter((c) => !(c.state === 'cancelled' && c.breachedAt === null)),
    ),
    status: live.status,
    async refetch() {
      await query.refetch();
    },
  };
}
