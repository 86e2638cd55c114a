import { gql, type TypedDocumentNode } from '@apollo/client/core';

import type {
  AcceptHandoffMutation,
  AcceptHandoffVariables,
  AddCaseNoteMutation,
  AddCaseNoteVariables,
  AssignCaseInput,
  AssignCaseMutation,
  CaseEventsSubscription,
  CaseQuery,
  CaseQueryVariables,
  CasesQuery,
  CasesQueryVariables,
  ChangeCaseStatusInput,
  ChangeCaseStatusMutation,
  DictionaryQuery,
  DictionaryQueryVariables,
  HandOffCaseInput,
  HandOffCaseMutation,
  HotelIdVariables,
  HotelMembersQuery,
  InputVariables,
  QueueStateQuery,
  QueueStateSubscription,
  ReplyToCaseInput,
  ReplyToCaseMutation,
  RetryMessageMutation,
  RetryMessageVariables,
  UpdateCaseInput,
  UpdateCaseMutation,
} from './cases';

export const CASE_LIST_FIELDS = gql`
  fragment CaseListFields on Case {
    id
    hotelId
    number
    guestId
    status
    requestType
    priority
    source
    channel
    campaignId
    utmSource
    utmMedium
    utmCampaign
    utmContent
    labels
    ownerId
    ownerName
    team
    guestName
    contact
    requestText
    messageRounds
    lastInboundAt
    lastOutboundAt
    waitingSince
    lostReason
    closedAt
    missingMandatoryFields
    allowedTransitions
    createdAt
    updatedAt
  }
`;

export const CASE_MESSAGE_FIELDS = gql`
  fragment CaseMessageFields on CaseMessage {
    id
    caseId
    direction
    channel
    contentType
    body
    attachment
    providerMessageId
    authorName
    occurredAt
    deliveryStatus
    deliveryUpdatedAt
    attempts
    lastError
  }
`;

export const CASE_HANDOFF_FIELDS = gql`
  fragment CaseHandoffFields on CaseHandoff {
    id
    caseId
    fromTeam
    fromChannel
    toTeam
    toChannel
    reason
    note
    requestedAt
    requestedByName
    acceptedAt
    acceptedByName
    secondsToAccept
  }
`;

export const CASE_NOTE_FIELDS = gql`
  fragment CaseNoteFields on CaseNote {
    id
    caseId
    authorName
    body
    createdAt
  }
`;

export const QUEUE_STATE_FIELDS = gql`
  fragment QueueStateFields on QueueState {
    hotelId
    open
    unassigned
    waiting
    oldestWaitingSince
    oldestWaitingSeconds
    byChannel {
      channel
      open
      unassigned
      waiting
      oldestWaitingSince
    }
    at
  }
`;

export const CASES_QUERY: TypedDocumentNode<CasesQuery, CasesQueryVariables> = gql`
  query Cases($hotelId: ID!, $filter: CaseFilter, $first: Int, $after: String) {
    cases(hotelId: $hotelId, filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          ...CaseListFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
  ${CASE_LIST_FIELDS}
`;

export const CASE_QUERY: TypedDocumentNode<CaseQuery, CaseQueryVariables> = gql`
  query Case($hotelId: ID!, $id: ID!) {
    case(hotelId: $hotelId, id: $id) {
      ...CaseListFields
      mergedIntoId
      firstResponseAt
      firstResponseSeconds
      messages {
        ...CaseMessageFields
      }
      transitions {
        id
        fromStatus
        toStatus
        reason
        actorName
        occurredAt
      }
      handoffs {
        ...CaseHandoffFields
      }
      notes {
        ...CaseNoteFields
      }
    }
  }
  ${CASE_LIST_FIELDS}
  ${CASE_MESSAGE_FIELDS}
  ${CASE_HANDOFF_FIELDS}
  ${CASE_NOTE_FIELDS}
`;

export const QUEUE_STATE_QUERY: TypedDocumentNode<QueueStateQuery, HotelIdVariables> = gql`
  query QueueState($hotelId: ID!) {
    queueState(hotelId: $hotelId) {
      ...QueueStateFields
    }
  }
  ${QUEUE_STATE_FIELDS}
`;

export const QUEUE_STATE_SUBSCRIPTION: TypedDocumentNode<QueueStateSubscription, HotelIdVariables> = gql`
  subscription QueueStateChanges($hotelId: ID!) {
    queueState(hotelId: $hotelId) {
      ...QueueStateFields
    }
  }
  ${QUEUE_STATE_FIELDS}
`;

export const CASE_EVENTS_SUBSCRIPTION: TypedDocumentNode<CaseEventsSubscription, HotelIdVariables> = gql`
  subscription CaseEvents($hotelId: ID!) {
    caseEvents(hotelId: $hotelId) {
      hotelId
      kind
      caseId
      caseNumber
      messageId
      at
      case {
        ...CaseListFields
      }
    }
  }
  ${CASE_LIST_FIELDS}
`;

export const DICTIONARY_QUERY: TypedDocumentNode<DictionaryQuery, DictionaryQueryVariables> = gql`
  query Dictionary($hotelId: ID!, $kind: String) {
    dictionary(hotelId: $hotelId, kind: $kind) {
      kind
      code
      labelTr
      labelEn
      sort
      active
    }
  }
`;

export const HOTEL_MEMBERS_QUERY: TypedDocumentNode<HotelMembersQuery, HotelIdVariables> = gql`
  query HotelMembers($hotelId: ID!) {
    hotelMembers(hotelId: $hotelId) {
      userId
      displayName
      email
      role
    }
  }
`;

export const UPDATE_CASE_MUTATION: TypedDocumentNode<UpdateCaseMutation, InputVariables<UpdateCaseInput>> = gql`
  mutation UpdateCase($input: UpdateCaseInput!) {
    updateCase(input: $input) {
      ...CaseListFields
    }
  }
  ${CASE_LIST_FIELDS}
`;

export const CHANGE_CASE_STATUS_MUTATION: TypedDocumentNode<
  ChangeCaseStatusMutation,
  InputVariables<ChangeCaseStatusInput>
> = gql`
  mutation ChangeCaseStatus($input: ChangeCaseStatusInput!) {
    changeCaseStatus(input: $input) {
      ...CaseListFields
    }
  }
  ${CASE_LIST_FIELDS}
`;

export const ASSIGN_CASE_MUTATION: TypedDocumentNode<AssignCaseMutation, InputVariables<AssignCaseInput>> = gql`
  mutation AssignCase($input: AssignCaseInput!) {
    assignCase(input: $input) {
      ...CaseListFields
    }
  }
  ${CASE_LIST_FIELDS}
`;

export const HAND_OFF_CASE_MUTATION: TypedDocumentNode<HandOffCaseMutation, InputVariables<HandOffCaseInput>> = gql`
  mutation HandOffCase($input: HandOffCaseInput!) {
    handOffCase(input: $input) {
      ...CaseHandoffFields
    }
  }
  ${CASE_HANDOFF_FIELDS}
`;

export const ACCEPT_HANDOFF_MUTATION: TypedDocumentNode<AcceptHandoffMutation, AcceptHandoffVariables> = gql`
  mutation AcceptHandoff($hotelId: ID!, $handoffId: ID!) {
    acceptHandoff(hotelId: $hotelId, handoffId: $handoffId) {
      ...CaseHandoffFields
    }
  }
  ${CASE_HANDOFF_FIELDS}
`;

export const ADD_CASE_NOTE_MUTATION: TypedDocumentNode<AddCaseNoteMutation, AddCaseNoteVariables> = gql`
  mutation AddCaseNote($hotelId: ID!, $caseId: ID!, $body: String!) {
    addCaseNote(hotelId: $hotelId, caseId: $caseId, body: $body) {
      ...CaseNoteFields
    }
  }
  ${CASE_NOTE_FIELDS}
`;

export const REPLY_TO_CASE_MUTATION: TypedDocumentNode<ReplyToCaseMutation, InputVariables<ReplyToCaseInput>> = gql`
  mutation ReplyToCase($input: ReplyToCaseInput!) {
    replyToCase(input: $input) {
      ...CaseMessageFields
    }
  }
  ${CASE_MESSAGE_FIELDS}
`;

export const RETRY_MESSAGE_MUTATION: TypedDocumentNode<RetryMessageMutation, RetryMessageVariables> = gql`
  mutation RetryMessage($hotelId: ID!, $messageId: ID!) {
    retryMessage(hotelId: $hotelId, messageId: $messageId) {
      ...CaseMessageFields
    }
  }
  ${CASE_MESSAGE_FIELDS}
`;
