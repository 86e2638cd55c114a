/** Guests: types and documents for the guest panel of the case page (identity, repeat guest, merges). */
import { gql, type TypedDocumentNode } from '@apollo/client/core';
import type { GuestIdentityKind, MergeSuggestionStatus } from '@baton/shared/contracts';

import type { Open } from './cases';
import type { DateTimeString } from './types';

export interface GuestIdentity {
  __typename?: 'GuestIdentity';
  id: string;
  kind: Open<GuestIdentityKind>;
  /** Masked unless the caller may see contact data (KVKK). */
  value: string;
}

export interface Guest {
  __typename?: 'Guest';
  id: string;
  hotelId: string;
  displayName: string | null;
  identities: GuestIdentity[];
  mergedIntoId: string | null;
  memberIds: string[];
  pastCaseCount: number;
  isRepeat: boolean;
  createdAt: DateTimeString;
  updatedAt: DateTimeString;
}

export interface MatchReason {
  __typename?: 'MatchReason';
  code: string;
  points: number;
  detail: string | null;
}

export interface MergeSuggestion {
  __typename?: 'MergeSuggestion';
  id: string;
  guest: Guest;
  candidate: Guest;
  score: number;
  reasons: MatchReason[];
  status: Open<MergeSuggestionStatus>;
  createdAt: DateTimeString;
}

export interface GuestMerge {
  __typename?: 'GuestMerge';
  id: string;
  survivorId: string;
  mergedId: string;
  reasons: MatchReason[];
  mergedAt: DateTimeString;
  mergedByName: string | null;
  undoneAt: DateTimeString | null;
}

export interface GuestQuery {
  guest: Guest;
}
export interface GuestQueryVariables {
  hotelId: string;
  id: string;
}
export interface MergeSuggestionsQuery {
  mergeSuggestions: MergeSuggestion[];
}
export interface MergeSuggestionsQueryVariables {
  hotelId: string;
  guestId?: string | null;
  status?: string | null;
}
export interface GuestMergesQuery {
  guestMerges: GuestMerge[];
}
export interface GuestMergesQueryVariables {
  hotelId: string;
  guestId: string;
}
export interface MergeGuestsMutation {
  mergeGuests: GuestMerge;
}
export interface MergeGuestsVariables {
  hotelId: string;
  survivorId: string;
  mergedId: string;
  suggestionId?: string | null;
}
export interface UnmergeGuestsMutation {
  unmergeGuests: GuestMerge;
}
export interface UnmergeGuestsVariables {
  hotelId: string;
  mergeId: string;
}
export interface DismissMergeSuggestionMutation {
  dismissMergeSuggestion: { __typename?: 'MergeSuggestion'; id: string; status: string };
}
export interface DismissMergeSuggestionVariables {
  hotelId: string;
  id: string;
}

export const GUEST_FIELDS = gql`
  fragment GuestFields on Guest {
    id
    hotelId
    displayName
    identities {
      id
      kind
      value
    }
    mergedIntoId
    memberIds
    pastCaseCount
    isRepeat
    createdAt
    updatedAt
  }
`;

const MERGE_FIELDS = gql`
  fragment GuestMergeFields on GuestMerge {
    id
    survivorId
    mergedId
    reasons {
      code
      points
      detail
    }
    mergedAt
    mergedByName
    undoneAt
  }
`;

export const GUEST_QUERY: TypedDocumentNode<GuestQuery, GuestQueryVariables> = gql`
  query Guest($hotelId: ID!, $id: ID!) {
    guest(hotelId: $hotelId, id: $id) {
      ...GuestFields
    }
  }
  ${GUEST_FIELDS}
`;

export const MERGE_SUGGESTIONS_QUERY: TypedDocumentNode<MergeSuggestionsQuery, MergeSuggestionsQueryVariables> = gql`
  query MergeSuggestions($hotelId: ID!, $guestId: ID, $status: String) {
    mergeSuggestions(hotelId: $hotelId, guestId: $guestId, status: $status) {
      id
      guest {
        ...GuestFields
      }
      candidate {
        ...GuestFields
      }
      score
      reasons {
        code
        points
        detail
      }
      status
      createdAt
    }
  }
  ${GUEST_FIELDS}
`;

export const GUEST_MERGES_QUERY: TypedDocumentNode<GuestMergesQuery, GuestMergesQueryVariables> = gql`
  query GuestMerges($hotelId: ID!, $guestId: ID!) {
    guestMerges(hotelId: $hotelId, guestId: $guestId) {
      ...GuestMergeFields
    }
  }
  ${MERGE_FIELDS}
`;

export const MERGE_GUESTS_MUTATION: TypedDocumentNode<MergeGuestsMutation, MergeGuestsVariables> = gql`
  mutation MergeGuests($hotelId: ID!, $survivorId: ID!, $mergedId: ID!, $suggestionId: ID) {
    mergeGuests(hotelId: $hotelId, survivorId: $survivorId, mergedId: $mergedId, suggestionId: $suggestionId) {
      ...GuestMergeFields
    }
  }
  ${MERGE_FIELDS}
`;

export const UNMERGE_GUESTS_MUTATION: TypedDocumentNode<UnmergeGuestsMutation, UnmergeGuestsVariables> = gql`
  mutation UnmergeGuests($hotelId: ID!, $mergeId: ID!) {
    unmergeGuests(hotelId: $hotelId, mergeId: $mergeId) {
      ...GuestMergeFields
    }
  }
  ${MERGE_FIELDS}
`;

export const DISMISS_MERGE_SUGGESTION_MUTATION: TypedDocumentNode<
  DismissMergeSuggestionMutation,
  DismissMergeSuggestionVariables
> = gql`
  mutation DismissMergeSuggestion($hotelId: ID!, $id: ID!) {
    dismissMergeSuggestion(hotelId: $hotelId, id: $id) {
      id
      status
    }
  }
`;
