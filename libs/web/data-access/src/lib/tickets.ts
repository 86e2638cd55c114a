/**
 * Tickets and tasks: types, documents and the live `ticketEvents` subscription. The page composables (list, detail,
 * categories) live with the ticket pages in @baton/web/feature-tickets.
 */
import { gql, type TypedDocumentNode } from '@apollo/client/core';
import type { MaybeRefOrGetter } from 'vue';

import { useLiveSubscription } from './composables/use-live-subscription';
import type { DateTimeString } from './types';

/** `fragment TicketListFields on Ticket` */
export interface TicketListItem {
  __typename?: 'Ticket';
  id: string;
  hotelId: string;
  number: string;
  /** `TicketKind` value. */
  kind: string;
  category: string;
  priority: string;
  title: string;
  /** `TicketStatus` value. */
  status: string;
  ownerId: string | null;
  ownerName: string | null;
  caseId: string | null;
  caseNumber: string | null;
  dueAt: DateTimeString | null;
  allowedTransitions: string[];
  version: number;
  createdAt: DateTimeString;
  updatedAt: DateTimeString;
}

export interface TicketNote {
  id: string;
  authorName: string | null;
  body: string;
  createdAt: DateTimeString;
}

export interface TicketTransition {
  id: string;
  fromStatus: string | null;
  toStatus: string;
  closure: string | null;
  reason: string | null;
  actorName: string | null;
  occurredAt: DateTimeString;
}

/** `query Ticket`: every field, with notes and history (oldest first). */
export interface TicketDetail extends TicketListItem {
  description: string;
  team: string | null;
  source: string;
  createdByName: string | null;
  firstResponseAt: DateTimeString | null;
  resolvedAt: DateTimeString | null;
  closedAt: DateTimeString | null;
  closure: string | null;
  confirmationDays: number;
  confirmationDueAt: DateTimeString | null;
  approvalDecision: string | null;
  approvalNote: string | null;
  decidedByName: string | null;
  decidedAt: DateTimeString | null;
  notes: TicketNote[];
  transitions: TicketTransition[];
}

export interface TicketEvent {
  hotelId: string;
  /** opened, updated, status_changed, note_added */
  kind: string;
  ticketId: string;
  ticketNumber: string;
  at: DateTimeString;
  ticket: TicketListItem;
}

export interface TicketCategory {
  code: string;
  labelTr: string;
  labelEn: string;
  sort: number;
  active: boolean;
}

export interface TicketListFilter {
  status: string[];
  kind: string[];
  search?: string | null;
  caseId?: string | null;
}

export interface CreateTicketInput {
  hotelId: string;
  kind?: string | null;
  category?: string | null;
  priority?: string | null;
  title: string;
  description?: string | null;
  caseId?: string | null;
  dueAt?: DateTimeString | null;
  confirmationDays?: number | null;
}

const TICKET_LIST_FIELDS = gql`
  fragment TicketListFields on Ticket {
    id
    hotelId
    number
    kind
    category
    priority
    title
    status
    ownerId
    ownerName
    caseId
    caseNumber
    dueAt
    allowedTransitions
    version
    createdAt
    updatedAt
  }
`;

const TICKET_DETAIL_FIELDS = gql`
  fragment TicketDetailFields on Ticket {
    ...TicketListFields
    description
    team
    source
    createdByName
    firstResponseAt
    resolvedAt
    closedAt
    closure
    confirmationDays
    confirmationDueAt
    approvalDecision
    approvalNote
    decidedByName
    decidedAt
    notes {
      id
      authorName
      body
      createdAt
    }
    transitions {
      id
      fromStatus
      toStatus
      closure
      reason
      actorName
      occurredAt
    }
  }
  ${TICKET_LIST_FIELDS}
`;

type Connection = { totalCount: number; pageInfo: { hasNextPage: boolean }; edges: Array<{ node: TicketListItem }> };
type ListVars = { hotelId: string; filter: TicketListFilter | null; first: number };

export const TICKETS_QUERY: TypedDocumentNode<{ tickets: Connection }, ListVars> = gql`
  query Tickets($hotelId: ID!, $filter: TicketFilter, $first: Int) {
    tickets(hotelId: $hotelId, filter: $filter, first: $first) {
      totalCount
      pageInfo {
        hasNextPage
      }
      edges {
        node {
          ...TicketListFields
        }
      }
    }
  }
  ${TICKET_LIST_FIELDS}
`;

export const TICKET_QUERY: TypedDocumentNode<{ ticket: TicketDetail }, { hotelId: string; id: string }> = gql`
  query Ticket($hotelId: ID!, $id: ID!) {
    ticket(hotelId: $hotelId, id: $id) {
      ...TicketDetailFields
    }
  }
  ${TICKET_DETAIL_FIELDS}
`;

export const TICKET_CATEGORIES_QUERY: TypedDocumentNode<{ ticketCategories: TicketCategory[] }, { hotelId: string }> =
  gql`
    query TicketCategories($hotelId: ID!) {
      ticketCategories(hotelId: $hotelId) {
        code
        labelTr
        labelEn
        sort
        active
      }
    }
  `;

export const TICKET_EVENTS_SUBSCRIPTION: TypedDocumentNode<{ ticketEvents: TicketEvent }, { hotelId: string }> = gql`
  subscription TicketEvents($hotelId: ID!) {
    ticketEvents(hotelId: $hotelId) {
      hotelId
      kind
      ticketId
      ticketNumber
      at
      ticket {
        ...TicketListFields
      }
    }
  }
  ${TICKET_LIST_FIELDS}
`;

export const CREATE_TICKET_MUTATION: TypedDocumentNode<{ createTicket: TicketListItem }, { input: CreateTicketInput }> =
  gql`
    mutation CreateTicket($input: CreateTicketInput!) {
      createTicket(input: $input) {
        ...TicketListFields
      }
    }
    ${TICKET_LIST_FIELDS}
  `;

export type TicketTarget = { hotelId: string; id: string };
type TicketResult = Record<string, { id: string }>;

export const CHANGE_TICKET_STATUS_MUTATION: TypedDocumentNode<
  TicketResult,
  { input: TicketTarget & { status: string; note?: string | null } }
> = gql`
  mutation ChangeTicketStatus($input: ChangeTicketStatusInput!) {
    changeTicketStatus(input: $input) {
      id
    }
  }
`;

export const UPDATE_TICKET_MUTATION: TypedDocumentNode<
  TicketResult,
  { input: TicketTarget & Record<string, unknown> }
> = gql`
  mutation UpdateTicket($input: UpdateTicketInput!) {
    updateTicket(input: $input) {
      id
    }
  }
`;

export const ASSIGN_TICKET_MUTATION: TypedDocumentNode<
  TicketResult,
  { input: TicketTarget & { ownerId?: string | null; team?: string | null } }
> = gql`
  mutation AssignTicket($input: AssignTicketInput!) {
    assignTicket(input: $input) {
      id
    }
  }
`;

export type TicketRef = { hotelId: string; ticketId: string };

export const ADD_TICKET_NOTE_MUTATION: TypedDocumentNode<TicketResult, TicketRef & { body: string }> = gql`
  mutation AddTicketNote($hotelId: ID!, $ticketId: ID!, $body: String!) {
    addTicketNote(hotelId: $hotelId, ticketId: $ticketId, body: $body) {
      id
    }
  }
`;

export const CONFIRM_TICKET_CLOSURE_MUTATION: TypedDocumentNode<
  TicketResult,
  TicketRef & { confirmed: boolean; note?: string | null }
> = gql`
  mutation ConfirmTicketClosure($hotelId: ID!, $ticketId: ID!, $confirmed: Boolean!, $note: String) {
    confirmTicketClosure(hotelId: $hotelId, ticketId: $ticketId, confirmed: $confirmed, note: $note) {
      id
    }
  }
`;

export const APPROVE_TICKET_MUTATION: TypedDocumentNode<
  TicketResult,
  TicketRef & { approved: boolean; note?: string | null }
> = gql`
  mutation ApproveTicket($hotelId: ID!, $ticketId: ID!, $approved: Boolean!, $note: String) {
    approveTicket(hotelId: $hotelId, ticketId: $ticketId, approved: $approved, note: $note) {
      id
    }
  }
`;

/** Live `ticketEvents(hotelId)`; `onConnected` refills after every (re)connection. */
export function useTicketEvents(
  hotelId: MaybeRefOrGetter<string | null | undefined>,
  onEvent: (event: TicketEvent) => void,
  onConnected?: (hotelId: string) => void,
) {
  return useLiveSubscription(TICKET_EVENTS_SUBSCRIPTION, hotelId, {
    onData: (data, hotel) => {
      if (data.ticketEvents.hotelId === hotel) {
        onEvent(data.ticketEvents);
      }
    },
    onConnected,
  });
}
