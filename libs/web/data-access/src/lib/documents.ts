import { gql, type TypedDocumentNode } from '@apollo/client/core';

import type {
  HotelActivitySubscription,
  HotelActivitySubscriptionVariables,
  HotelsQuery,
  HotelsQueryVariables,
  LoginMutation,
  LoginMutationVariables,
  LogoutMutation,
  LogoutMutationVariables,
  MeQuery,
  MeQueryVariables,
  RecentActivityQuery,
  RecentActivityQueryVariables,
  RefreshSessionMutation,
  RefreshSessionMutationVariables,
} from './types';

/**
 * Operation names the link chain treats specially: they never carry a bearer token (`Login`, `RefreshSession`)
 * and never trigger the refresh-and-retry path (all three).
 */
export const AuthOperationName = {
  Login: 'Login',
  RefreshSession: 'RefreshSession',
  Logout: 'Logout',
} as const;

export const HOTEL_FIELDS = gql`
  fragment HotelFields on Hotel {
    id
    agencyId
    name
    slug
    code
    timeZone
    locale
    currency
    permissions
  }
`;

export const ME_FIELDS = gql`
  fragment MeFields on Me {
    user {
      id
      email
      displayName
      locale
    }
    agencies {
      agencyId
      agencyName
      role
    }
    memberships {
      hotelId
      role
    }
    hotels {
      ...HotelFields
    }
  }
  ${HOTEL_FIELDS}
`;

export const ACTIVITY_EVENT_FIELDS = gql`
  fragment ActivityEventFields on ActivityEvent {
    id
    hotelId
    action
    actorKind
    actorId
    actorName
    entityType
    entityId
    occurredAt
    requestId
  }
`;

export const LOGIN_MUTATION: TypedDocumentNode<LoginMutation, LoginMutationVariables> = gql`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      accessToken
      refreshToken
      accessTokenExpiresAt
      me {
        ...MeFields
      }
    }
  }
  ${ME_FIELDS}
`;

export const REFRESH_SESSION_MUTATION: TypedDocumentNode<RefreshSessionMutation, RefreshSessionMutationVariables> = gql`
  mutation RefreshSession($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) {
      accessToken
      refreshToken
      accessTokenExpiresAt
    }
  }
`;

export const LOGOUT_MUTATION: TypedDocumentNode<LogoutMutation, LogoutMutationVariables> = gql`
  mutation Logout($refreshToken: String!) {
    logout(refreshToken: $refreshToken)
  }
`;

export const ME_QUERY: TypedDocumentNode<MeQuery, MeQueryVariables> = gql`
  query Me {
    me {
      ...MeFields
    }
  }
  ${ME_FIELDS}
`;

export const HOTELS_QUERY: TypedDocumentNode<HotelsQuery, HotelsQueryVariables> = gql`
  query Hotels {
    hotels {
      ...HotelFields
    }
  }
  ${HOTEL_FIELDS}
`;

export const RECENT_ACTIVITY_QUERY: TypedDocumentNode<RecentActivityQuery, RecentActivityQueryVariables> = gql`
  query RecentActivity($hotelId: ID!, $first: Int) {
    recentActivity(hotelId: $hotelId, first: $first) {
      ...ActivityEventFields
    }
  }
  ${ACTIVITY_EVENT_FIELDS}
`;

export const HOTEL_ACTIVITY_SUBSCRIPTION: TypedDocumentNode<
  HotelActivitySubscription,
  HotelActivitySubscriptionVariables
> = gql`
  subscription HotelActivity($hotelId: ID!) {
    hotelActivity(hotelId: $hotelId) {
      ...ActivityEventFields
    }
  }
  ${ACTIVITY_EVENT_FIELDS}
`;
