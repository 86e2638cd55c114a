/** Event names and channel keys shared by the API and the dashboard. Channels are always tenant-keyed. */
export enum TenantEvent {
  Activity = 'activity',
}

export function tenantChannel(tenantId: string, event: TenantEvent): string {
  return `tenant:${tenantId}:${event}`;
}

/** Audit actions recorded from day one (membership, role, API key, wallboard token and settings changes). */
export enum AuditAction {
  MembershipAdded = 'membership.added',
  MembershipRoleChanged = 'membership.role_changed',
  MembershipRemoved = 'membership.removed',
  ApiKeyCreated = 'api_key.created',
  ApiKeyRevoked = 'api_key.revoked',
  WallboardTokenCreated = 'wallboard_token.created',
  WallboardTokenRevoked = 'wallboard_token.revoked',
  HotelSettingsUpdated = 'hotel.settings_updated',
  HotelCreated = 'hotel.created',
}

export enum ActorKind {
  User = 'user',
  ApiKey = 'api_key',
  Wallboard = 'wallboard',
  System = 'system',
}

export enum Locale {
  Tr = 'tr',
  En = 'en',
}
