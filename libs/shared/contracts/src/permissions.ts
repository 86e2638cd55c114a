/**
 * Named permissions and the one place where roles map to them.
 * The API guard, the GraphQL schema test and the dashboard all read this file, so a role change is one diff.
 */
export enum Permission {
  /** Marker for the few public operations (login, refresh). Still declared explicitly so the schema test can see it. */
  Public = 'public',
  /** Any authenticated principal (e.g. `me`). */
  Authenticated = 'authenticated',
  HotelsRead = 'hotels.read',
  AuditRead = 'audit.read',
  CasesRead = 'cases.read',
  CasesWrite = 'cases.write',
  /** Create and edit campaign briefs (supervisors, GMs, admins, agency managers). */
  CampaignsManage = 'campaigns.manage',
  PiiReveal = 'pii.reveal',
  KpisRead = 'kpis.read',
  WallboardView = 'wallboard.view',
  MembersRead = 'members.read',
  MembersManage = 'members.manage',
  ApiKeysManage = 'apikeys.manage',
  WallboardsManage = 'wallboards.manage',
  AdminSettings = 'admin.settings',
  /** Edit SLA policies, business-hours calendars, automation rules and the RACI matrix (GMs, admins, agency). */
  WorkflowsManage = 'workflows.manage',
}

export enum HotelRole {
  Viewer = 'viewer',
  Agent = 'agent',
  Supervisor = 'supervisor',
  Gm = 'gm',
  Admin = 'admin',
}

export enum AgencyRole {
  AgencyManager = 'agency_manager',
  AgencyAdmin = 'agency_admin',
}

export type AnyRole = HotelRole | AgencyRole;

const VIEWER: Permission[] = [Permission.HotelsRead, Permission.CasesRead, Permission.KpisRead, Permission.AuditRead];
const AGENT: Permission[] = [...VIEWER, Permission.CasesWrite];
const SUPERVISOR: Permission[] = [
  ...AGENT,
  Permission.PiiReveal,
  Permission.MembersRead,
  Permission.WallboardsManage,
  Permission.CampaignsManage,
];
const GM: Permission[] = [...SUPERVISOR, Permission.WorkflowsManage];
const ADMIN: Permission[] = [
  ...SUPERVISOR,
  Permission.MembersManage,
  Permission.ApiKeysManage,
  Permission.AdminSettings,
  Permission.WorkflowsManage,
];

/** Permissions a role grants on each hotel it reaches (agency roles reach every hotel of their agency). */
export const ROLE_PERMISSIONS: Readonly<Record<AnyRole, readonly Permission[]>> = {
  [HotelRole.Viewer]: VIEWER,
  [HotelRole.Agent]: AGENT,
  [HotelRole.Supervisor]: SUPERVISOR,
  [HotelRole.Gm]: GM,
  [HotelRole.Admin]: ADMIN,
  [AgencyRole.AgencyManager]: [...SUPERVISOR, Permission.MembersManage, Permission.WorkflowsManage],
  [AgencyRole.AgencyAdmin]: ADMIN,
};

/** API key scopes; keys are read-only unless `write` is chosen explicitly. */
export enum ApiKeyScope {
  Read = 'read',
  Write = 'write',
}

export const API_KEY_SCOPE_PERMISSIONS: Readonly<Record<ApiKeyScope, readonly Permission[]>> = {
  [ApiKeyScope.Read]: [Permission.HotelsRead, Permission.CasesRead, Permission.KpisRead, Permission.AuditRead],
  [ApiKeyScope.Write]: [Permission.CasesWrite],
};

/** Wallboard (TV kiosk) tokens are read-only and board-scoped. */
export enum WallboardBoard {
  Activity = 'activity',
  Queue = 'queue',
  Kpi = 'kpi',
}

export const WALLBOARD_PERMISSIONS: readonly Permission[] = [
  Permission.HotelsRead,
  Permission.WallboardView,
  Permission.KpisRead,
  Permission.AuditRead,
];

export function isHotelRole(value: string): value is HotelRole {
  return (Object.values(HotelRole) as string[]).includes(value);
}
