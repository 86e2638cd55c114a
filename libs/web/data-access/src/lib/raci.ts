/** RACI matrix: types, GraphQL documents and the editor's composable. */
import { gql, type TypedDocumentNode } from '@apollo/client/core';
import { ref, toValue, watch, type MaybeRefOrGetter, type Ref } from 'vue';

import { useBatonClient } from './baton-client';
import { useMutationRunner } from './composables/use-mutation-runner';
import { errorCodeOf, type RequestErrorCode } from './errors';
import type { DateTimeString } from './types';

export type RaciLetter = 'R' | 'A' | 'C' | 'I';

export interface RaciMember {
  userId: string;
  displayName: string;
}

export interface RaciParty {
  key: string;
  name: string;
  /** Case team key (e.g. `call_center`) or null. */
  team: string | null;
  /** Hotel roles whose holders are members. */
  roles: string[];
  userIds: string[];
  members: RaciMember[];
}

export interface RaciStep {
  key: string;
  name: string;
}

export interface RaciCell {
  step: string;
  party: string;
  role: RaciLetter;
}

export interface RaciProblem {
  step: string;
  rule: 'exactly_one_accountable' | 'at_least_one_responsible' | string;
  count: number;
}

export interface RaciMatrix {
  hotelId: string;
  /** 0 until first saved. */
  version: number;
  updatedAt: DateTimeString | null;
  updatedByName: string | null;
  parties: RaciParty[];
  steps: RaciStep[];
  cells: RaciCell[];
  problems: RaciProblem[];
  /** New cases and tickets nobody owns go to the Responsible party of their step. */
  autoAssign: boolean;
  /** 'HH:mm' (hotel clock) of the daily digest to the Informed parties; null = no digest. */
  digestTime: string | null;
}

/** `input SaveRaciMatrixInput` (also what validateRaciMatrix takes). */
export interface SaveRaciMatrixInput {
  hotelId: string;
  version: number;
  parties: Array<{ key: string; name: string; team: string | null; roles: string[]; userIds: string[] }>;
  steps: RaciStep[];
  cells: RaciCell[];
  autoAssign?: boolean;
  digestTime?: string | null;
}

/** `type RaciDigest`: what the daily digest to the Informed parties says now (yesterday, hotel time). */
export interface RaciDigestPreview {
  date: string;
  title: string;
  overview: string[];
  nextAt: DateTimeString | null;
  sections: Array<{ step: string; stepName: string; lines: string[]; recipients: string[] }>;
}

/** `input ApplyRaciTemplateInput`: exactly one of agencyId and sourceHotelId. */
export interface ApplyRaciTemplateInput {
  agencyId?: string | null;
  sourceHotelId?: string | null;
  hotelIds: string[];
}

const RACI_MATRIX_FIELDS = gql`
  fragment RaciMatrixFields on RaciMatrix {
    hotelId
    version
    updatedAt
    updatedByName
    parties {
      key
      name
      team
      roles
      userIds
      members {
        userId
        displayName
      }
    }
    steps {
      key
      name
    }
    cells {
      step
      party
      role
    }
    problems {
      step
      rule
      count
    }
    autoAssign
    digestTime
  }
`;

export const RACI_MATRIX_QUERY: TypedDocumentNode<{ raciMatrix: RaciMatrix }, { hotelId: string }> = gql`
  query RaciMatrix($hotelId: ID!) {
    raciMatrix(hotelId: $hotelId) {
      ...RaciMatrixFields
    }
  }
  ${RACI_MATRIX_FIELDS}
`;

export const SAVE_RACI_MATRIX_MUTATION: TypedDocumentNode<
  { saveRaciMatrix: RaciMatrix },
  { input: SaveRaciMatrixInput }
> = gql`
  mutation SaveRaciMatrix($input: SaveRaciMatrixInput!) {
    saveRaciMatrix(input: $input) {
      ...RaciMatrixFields
    }
  }
  ${RACI_MATRIX_FIELDS}
`;

export const VALIDATE_RACI_MATRIX_MUTATION: TypedDocumentNode<
  { validateRaciMatrix: RaciProblem[] },
  { input: SaveRaciMatrixInput }
> = gql`
  mutation ValidateRaciMatrix($input: SaveRaciMatrixInput!) {
    validateRaciMatrix(input: $input) {
      step
      rule
      count
    }
  }
`;

export const APPLY_RACI_TEMPLATE_MUTATION: TypedDocumentNode<
  { applyRaciTemplate: RaciMatrix[] },
  { input: ApplyRaciTemplateInput }
> = gql`
  mutation ApplyRaciTemplate($input: ApplyRaciTemplateInput!) {
    applyRaciTemplate(input: $input) {
      ...RaciMatrixFields
    }
  }
  ${RACI_MATRIX_FIELDS}
`;

export const RACI_DIGEST_PREVIEW_QUERY: TypedDocumentNode<
  { raciDigestPreview: RaciDigestPreview },
  { hotelId: string }
> = gql`
  query RaciDigestPreview($hotelId: ID!) {
    raciDigestPreview(hotelId: $hotelId) {
      date
      title
      overview
      nextAt
      sections {
        step
        stepName
        lines
        recipients
      }
    }
  }
`;

export interface UseRaciMatrix {
  /** The last matrix read or saved (null while the first load runs or after it failed). */
  readonly matrix: Readonly<Ref<RaciMatrix | null>>;
  readonly loading: Readonly<Ref<boolean>>;
  readonly error: Readonly<Ref<RequestErrorCode | null>>;
  readonly busy: Readonly<Ref<boolean>>;
  reload(): Promise<void>;
  /** Saves the whole matrix; rejects with the Apollo error (RACI_INVALID, STALE_VERSION, BAD_USER_INPUT …). */
  save(input: Omit<SaveRaciMatrixInput, 'hotelId'>): Promise<RaciMatrix>;
  /** Copies this hotel's matrix onto other hotels the caller manages. */
  copyTo(hotelIds: string[]): Promise<RaciMatrix[]>;
  /** The daily digest as it would go out now (nothing is sent). */
  digestPreview(): Promise<RaciDigestPreview>;
}

/**
 * A hotel's RACI matrix for the editor. Read and written outside the Apollo cache (`no-cache`): the editor owns its
 * draft, and the matrix has no id to normalise by, so a cached copy would only go stale behind the draft.
 */
export function useRaciMatrix(hotelId: MaybeRefOrGetter<string | null | undefined>): UseRaciMatrix {
  const { apollo } = useBatonClient();
  const matrix = ref<RaciMatrix | null>(null);
  const loading = ref(false);
  const error = ref<RequestErrorCode | null>(null);
  // No refresh after a change: save answers with the matrix it stored, and a copy does not touch this hotel's.
  const { busy, hotel, run, mutate } = useMutationRunner({ owner: 'useRaciMatrix', hotelId });

  async function reload(): Promise<void> {
    const id = toValue(hotelId);
    if (!id) {
      matrix.value = null;
      return;
    }
    loading.value = true;
    try {
      const { data } = await apollo.query({
        query: RACI_MATRIX_QUERY,
        variables: { hotelId: id },
        fetchPolicy: 'no-cache',
      });
      matrix.value = data.raciMatrix;
      error.value = null;
    } catch (failure) {
      error.value = errorCodeOf(failure);
    } finally {
      loading.value = false;
    }
  }

  watch(
    () => toValue(hotelId),
    () => void reload(),
    { immediate: true },
  );

  return {
    matrix,
    loading,
    error,
    busy,
    reload,
    save: (input) =>
      run(async () => {
        const { saveRaciMatrix } = await mutate(
          SAVE_RACI_MATRIX_MUTATION,
          { input: { ...input, hotelId: hotel() } },
          { fetchPolicy: 'no-cache' },
        );
        matrix.value = saveRaciMatrix;
        return saveRaciMatrix;
      }),
    digestPreview: async () =>
      (
        await apollo.query({
          query: RACI_DIGEST_PREVIEW_QUERY,
          variables: { hotelId: hotel() },
          fetchPolicy: 'no-cache',
        })
      ).data.raciDigestPreview,
    copyTo: (hotelIds) =>
      run(
        async () =>
          (
            await mutate(
              APPLY_RACI_TEMPLATE_MUTATION,
              { input: { sourceHotelId: hotel(), hotelIds } },
              { fetchPolicy: 'no-cache' },
            )
          ).applyRaciTemplate,
      ),
  };
}
