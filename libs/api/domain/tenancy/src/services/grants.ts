import {
  AgencyRole,
  API_KEY_SCOPE_PERMISSIONS,
  ApiKeyScope,
  HotelRole,
  Permission,
  ROLE_PERMISSIONS,
  WALLBOARD_PERMISSIONS,
} from '@baton/shared/contracts';

export type Grants = Map<string, Set<Permission>>;

function add(grants: Grants, hotelId: string, permissions: readonly Permission[]): void {
  const set = grants.get(hotelId) ?? new Set<Permission>();
  permissions.forEach((p) => set.add(p));
  grants.set(hotelId, set);
}

/** A user's grants: the union of their hotel roles and of their agency roles over every hotel of that agency. */
export function userGrants(
  hotelRoles: ReadonlyArray<{ hotelId: string; role: HotelRole }>,
  agencyRoles: ReadonlyArray<{ role: AgencyRole; hotelIds: readonly string[] }>,
): Grants {
  const grants: Grants = new Map();
  for (const { hotelId, role } of hotelRoles) {
    add(grants, hotelId, ROLE_PERMISSIONS[role]);
  }
  for (const { role, hotelIds } of agencyRoles) {
    hotelIds.forEach((hotelId) => add(grants, hotelId, ROLE_PERMISSIONS[role]));
  }
  return grants;
}

export function apiKeyGrants(hotelIds: readonly string[], scopes: readonly string[]): Grants {
  const grants: Grants = new Map();
  const permissions = scopes
    .filter((s): s is ApiKeyScope => (Object.values(ApiKeyScope) as string[]).includes(s))
    .flatMap((s) => API_KEY_SCOPE_PERMISSIONS[s]);
  hotelIds.forEach((hotelId) => add(grants, hotelId, permissions));
  return grants;
}

export function wallboardGrants(hotelId: string): Grants {
  const grants: Grants = new Map();
  add(grants, hotelId, WALLBOARD_PERMISSIONS);
  return grants;
}
