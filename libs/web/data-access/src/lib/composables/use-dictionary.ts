import type { DictionaryKind } from '@baton/shared/contracts';
import { useQuery } from '@vue/apollo-composable';
import { computed, toValue, type ComputedRef, type MaybeRefOrGetter, type Ref } from 'vue';

import { DICTIONARY_QUERY } from '../case-documents';
import type { DictionaryEntry } from '../cases';
import { errorCodeOf, type RequestErrorCode } from '../errors';

export interface UseDictionary {
  readonly entries: ComputedRef<readonly DictionaryEntry[]>;
  readonly loading: Readonly<Ref<boolean>>;
  readonly error: ComputedRef<RequestErrorCode | null>;
  /** Active entries of one kind, in the hotel's order. */
  active(kind: DictionaryKind): DictionaryEntry[];
  /** The label of a code in the UI language (`tr` → labelTr, else labelEn); the code itself when unknown. */
  label(kind: DictionaryKind, code: string | null | undefined, locale: string): string;
}

/** The hotel's dictionaries (request types, labels, lost reasons, teams); one query for every kind. */
export function useDictionary(hotelId: MaybeRefOrGetter<string | null | undefined>): UseDictionary {
  const query = useQuery(
    DICTIONARY_QUERY,
    () => ({ hotelId: toValue(hotelId) ?? '' }),
    () => ({ fetchPolicy: 'cache-and-network' as const, enabled: Boolean(toValue(hotelId)) }),
  );
  const entries = computed(() => query.result.value?.dictionary ?? []);
  return {
    entries,
    loading: query.loading,
    error: computed(() => (query.error.value ? errorCodeOf(query.error.value) : null)),
    active: (kind) =>
      entries.value
        .filter((entry) => entry.kind === kind && entry.active)
        .sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code)),
    label(kind, code, locale) {
      if (!code) {
        return '';
      }
      const entry = entries.value.find((candidate) => candidate.kind === kind && candidate.code === code);
      if (!entry) {
        return code;
      }
      return locale === 'tr' ? entry.labelTr : entry.labelEn;
    },
  };
}
