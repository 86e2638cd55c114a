import type { OperationVariables, TypedDocumentNode } from '@apollo/client/core';
import { getOperationName } from '@apollo/client/utilities';
import { computed, ref, toValue, type ComputedRef, type MaybeRefOrGetter } from 'vue';

import { useBatonClient } from '../baton-client';

export interface MutationRunnerOptions {
  /** The composable's name, for the error thrown when a mutation is asked for before a hotel is selected. */
  owner: string;
  hotelId: MaybeRefOrGetter<string | null | undefined>;
  /**
   * Brings what the composable shows up to date after a change (a refetch, a reload). `run` resolves only after it,
   * so a page that awaits a save sees the saved state.
   */
  refresh?: () => unknown;
}

export interface MutationRunner {
  /** True while any `run` is under way (a counter, so overlapping runs keep it set until the last one ends). */
  readonly busy: ComputedRef<boolean>;
  /** The selected hotel; throws (naming the owner) when there is none, since pages only offer actions in a hotel. */
  hotel(): string;
  /**
   * Runs `work` with `busy` set, then `refresh` (unless `{ refresh: false }`: a dry run changes nothing), and returns
   * the work's result. Rejects with the work's error unchanged, for the page's `describeError`.
   */
  run<T>(work: () => Promise<T>, options?: { refresh?: boolean }): Promise<T>;
  /** `apollo.mutate` that returns the data, or throws when the server sent none. Leaves `busy` to `run`. */
  mutate<TData, TVars extends OperationVariables>(
    mutation: TypedDocumentNode<TData, TVars>,
    variables: TVars,
    options?: { fetchPolicy?: 'no-cache' },
  ): Promise<TData>;
}

/**
 * The mutation side every data-access composable had written out for itself: a busy flag for the page's buttons, the
 * selected-hotel guard, "the mutation returned no data", and the refresh after a change. Call from `setup`.
 */
export function useMutationRunner(options: MutationRunnerOptions): MutationRunner {
  const { apollo } = useBatonClient();
  const running = ref(0);

  return {
    busy: computed(() => running.value > 0),
    hotel() {
      const id = toValue(options.hotelId);
      if (!id) {
        throw new Error(`${options.owner}: no hotel selected`);
      }
      return id;
    },
    async run(work, runOptions = {}) {
      running.value += 1;
      try {
        const result = await work();
        if (runOptions.refresh !== false) {
          await options.refresh?.();
        }
        return result;
      } finally {
        running.value -= 1;
      }
    },
    async mutate(mutation, variables, mutateOptions = {}) {
      const { data } = await apollo.mutate({ mutation, variables, ...mutateOptions });
      if (!data) {
        throw new Error(`${getOperationName(mutation) ?? 'a mutation'} returned no data`);
      }
      return data;
    },
  };
}
