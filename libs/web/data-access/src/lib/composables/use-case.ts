import type { OperationVariables, TypedDocumentNode } from '@apollo/client/core';
import { useQuery } from '@vue/apollo-composable';
import { computed, onScopeDispose, ref, toValue, type ComputedRef, type MaybeRefOrGetter, type Ref } from 'vue';

import {
  ACCEPT_HANDOFF_MUTATION,
  ADD_CASE_NOTE_MUTATION,
  ASSIGN_CASE_MUTATION,
  CASE_QUERY,
  CHANGE_CASE_STATUS_MUTATION,
  HAND_OFF_CASE_MUTATION,
  REPLY_TO_CASE_MUTATION,
  RETRY_MESSAGE_MUTATION,
  UPDATE_CASE_MUTATION,
} from '../case-documents';
import type {
  AssignCaseInput,
  CaseDetail,
  CaseEvent,
  ChangeCaseStatusInput,
  HandOffCaseInput,
  ReplyToCaseInput,
  UpdateCaseInput,
} from '../cases';
import { errorCodeOf, type RequestErrorCode } from '../errors';
import { useCaseEvents } from './use-case-events';
import type { LiveState } from './use-live-subscription';
import { useMutationRunner } from './use-mutation-runner';

type WithoutTarget<T> = Omit<T, 'hotelId' | 'id'>;

/** Case mutations; each resolves once the case is refetched and rejects with the Apollo error (see `describeError`). */
export interface CaseActions {
  update(changes: WithoutTarget<UpdateCaseInput>): Promise<void>;
  changeStatus(change: WithoutTarget<ChangeCaseStatusInput>): Promise<void>;
  assign(change: WithoutTarget<AssignCaseInput>): Promise<void>;
  handOff(request: WithoutTarget<HandOffCaseInput>): Promise<void>;
  acceptHandoff(handoffId: string): Promise<void>;
  addNote(body: string): Promise<void>;
  reply(body: string, channel?: string | null): Promise<void>;
  retry(messageId: string): Promise<void>;
}

export interface UseCase extends CaseActions {
  readonly item: ComputedRef<CaseDetail | null>;
  readonly loading: Readonly<Ref<boolean>>;
  readonly error: ComputedRef<RequestErrorCode | null>;
  /** True while a mutation runs. */
  readonly busy: Readonly<Ref<boolean>>;
  /** Live events of this case (status of the shared hotel subscription). */
  readonly status: ComputedRef<LiveState>;
  /** The last live event of this case (kind and time), e.g. to say "updated just now". */
  readonly lastEvent: Readonly<Ref<CaseEvent | null>>;
  refetch(): Promise<void>;
}

export interface UseCaseOptions {
  /** Coalesces bursts of events into one refetch (default 150 ms). */
  refetchDelayMs?: number;
}

/**
 * One case with its timeline (`case(hotelId, id)`), refetched whenever `caseEvents` reports a change to it (from this
 * tab, another agent, a guest message or a delivery receipt), plus the case mutations.
 */
export function useCase(
  hotelId: MaybeRefOrGetter<string | null | undefined>,
  caseId: MaybeRefOrGetter<string | null | undefined>,
  options: UseCaseOptions = {},
): UseCase {
  const delay = options.refetchDelayMs ?? 150;
  const variables = computed(() => ({ hotelId: toValue(hotelId) ?? '', id: toValue(caseId) ?? '' }));
  const query = useQuery(CASE_QUERY, variables, () => ({
    fetchPolicy: 'cache-and-network' as const,
    enabled: Boolean(variables.value.hotelId && variables.value.id),
  }));
  const lastEvent = ref<CaseEvent | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function refetch(): Promise<void> {
    clearTimeout(timer);
    await query.refetch();
  }

  function scheduleRefetch(): void {
    clearTimeout(timer);
    timer = setTimeout(() => {
      void refetch().catch((err: unknown) => console.warn('[baton] case refetch failed', err));
    }, delay);
  }

  const live = useCaseEvents(
    hotelId,
    (event) => {
      if (event.caseId === toValue(caseId)) {
        lastEvent.value = event;
        scheduleRefetch();
      }
    },
    { onConnected: scheduleRefetch },
  );
  onScopeDispose(() => clearTimeout(timer));

  function target(): { hotelId: string; id: string } {
    const { hotelId: hotel, id } = variables.value;
    if (!hotel || !id) {
      throw new Error('useCase: no case selected');
    }
    return { hotelId: hotel, id };
  }

  const { busy, run, mutate } = useMutationRunner({ owner: 'useCase', hotelId, refresh: refetch });
  /** One case mutation, resolved once the case is refetched (the caller's next read shows the change). */
  async function mutateCase<TData, TVars extends OperationVariables>(
    mutation: TypedDocumentNode<TData, TVars>,
    vars: TVars,
  ): Promise<void> {
    await run(() => mutate(mutation, vars));
  }

  return {
    item: computed(() => query.result.value?.case ?? null),
    loading: query.loading,
    error: computed(() => (query.error.value ? errorCodeOf(query.error.value) : null)),
    busy,
    status: live.status,
    lastEvent,
    refetch,
    async update(changes) {
      await mutateCase(UPDATE_CASE_MUTATION, { input: { ...target(), ...changes } });
    },
    async changeStatus(change) {
      await mutateCase(CHANGE_CASE_STATUS_MUTATION, { input: { ...target(), ...change } });
    },
    async assign(change) {
      await mutateCase(ASSIGN_CASE_MUTATION, { input: { ...target(), ...change } });
    },
    async handOff(request) {
      await mutateCase(HAND_OFF_CASE_MUTATION, { input: { ...target(), ...request } });
    },
    async acceptHandoff(handoffId) {
      await mutateCase(ACCEPT_HANDOFF_MUTATION, { hotelId: target().hotelId, handoffId });
    },
    async addNote(body) {
      const { hotelId: hotel, id } = target();
      await mutateCase(ADD_CASE_NOTE_MUTATION, { hotelId: hotel, caseId: id, body });
    },
    async reply(body, channel) {
      const { hotelId: hotel, id } = target();
      const input: ReplyToCaseInput = { hotelId: hotel, caseId: id, body, ...(channel ? { channel } : {}) };
      await mutateCase(REPLY_TO_CASE_MUTATION, { input });
    },
    async retry(messageId) {
      await mutateCase(RETRY_MESSAGE_MUTATION, { hotelId: target().hotelId, messageId });
    },
  };
}
