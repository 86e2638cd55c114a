/** View models the presentational components accept. Structural on purpose: the data-access types fit them. */

export interface LoginCredentials {
  email: string;
  password: string;
}

export interface HotelListItem {
  id: string;
  name: string;
  code: string;
  timeZone?: string;
}

export interface ActivityFeedItem {
  id: string;
  /** `AuditAction` value, e.g. `membership.added`. */
  action: string;
  /** `ActorKind` value, used when there is no actor name. */
  actorKind: string;
  actorName: string | null;
  /** ISO-8601 timestamp. */
  occurredAt: string;
}

export type ConnectionState = 'live' | 'connecting' | 'offline';
