/**
 * Hand-written TypeScript types for the documents in `documents.ts` (no codegen offline).
 * Each type mirrors a selection set, not the whole schema type: when a document changes, change its type here.
 * Schema reference: docs/api.md.
 */
import type { AuditAction } from '@baton/shared/contracts';

/** ISO-8601 timestamp with offset, as the `DateTime` scalar is serialized. */
export type DateTimeString = string;

/** Known `AuditAction` values, while staying open to actions added by the API later. */
export type ActivityAction = AuditAction | (string & {});

// ---------------------------------------------------------------- fragments

/** `fragment HotelFields on Hotel` */
export interface HotelFields {
  __typename?: 'Hotel';
  id: string;
  agencyId: string | null;
  name: string;
  slug: string;
  code: string;
  /** IANA zone, e.g. `Europe/Istanbul`. */
  timeZone: string;
  locale: string;
  currency: string;
  /** What the caller may do on this hotel (`Permission` values). */
  permissions: string[];
}

/** `fragment MeFields on Me` */
export interface MeFields {
  __typename?: 'Me';
  user: {
    __typename?: 'User';
    id: string;
    email: string;
    displayName: string;
    locale: string;
  };
  agencies: Array<{
    __typename?: 'AgencyMembership';
    agencyId: string;
    agencyName: string;
    role: string;
  }>;
  memberships: Array<{
    __typename?: 'Membership';
    hotelId: string;
    role: string;
  }>;
  hotels: HotelFields[];
}

/** `fragment ActivityEventFields on ActivityEvent` */
export interface ActivityEvent {
  __typename?: 'ActivityEvent';
  id: string;
  hotelId: string;
  action: ActivityAction;
  /** `ActorKind` value: user | api_key | wallboard | system. */
  actorKind: string;
  actorId: string | null;
  actorName: string | null;
  entityType: string;
  entityId: string | null;
  occurredAt: DateTimeString;
  requestId: string | null;
}

/** Tokens returned by `login` and `refreshSession`. */
export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: DateTimeString;
}

// ---------------------------------------------------------------- operations

export type NoVariables = Record<string, never>;

/** `mutation Login` */
export interface LoginMutation {
  login: SessionTokens & { __typename?: 'AuthPayload'; me: MeFields };
}
export interface LoginMutationVariables {
  email: string;
  password: string;
}

/** `mutation RefreshSession` */
export interface RefreshSessionMutation {
  refreshSession: SessionTokens & { __typename?: 'AuthPayload' };
}
export interface RefreshSessionMutationVariables {
  refreshToken: string;
}

/** `mutation Logout` */
export interface LogoutMutation {
  logout: boolean;
}
export interface LogoutMutationVariables {
  refreshToken: string;
}

/** `query Me` */
export interface MeQuery {
  me: MeFields;
}
export type MeQueryVariables = NoVariables;

/** `query Hotels` */
export interface HotelsQuery {
  hotels: HotelFields[];
}
export type HotelsQueryVariables = NoVariables;

/** `query RecentActivity` (newest first) */
export interface RecentActivityQuery {
  recentActivity: ActivityEvent[];
}
export interface RecentActivityQueryVariables {
  hotelId: string;
  first?: number | null;
}

/** `subscription HotelActivity` */
export interface HotelActivitySubscription {
  hotelActivity: ActivityEvent;
}
export interface HotelActivitySubscriptionVariables {
  hotelId: string;
}
