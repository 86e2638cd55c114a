import { ActorKind, AuditAction } from '@baton/shared/contracts';

import { nestByDot, type ActionMessages, type ActorKindMessages } from './nest';

const actions: ActionMessages = {
  [AuditAction.MembershipAdded]: 'Membership added',
  [AuditAction.MembershipRoleChanged]: 'Membership role changed',
  [AuditAction.MembershipRemoved]: 'Membership removed',
  [AuditAction.ApiKeyCreated]: 'API key created',
  [AuditAction.ApiKeyRevoked]: 'API key revoked',
  [AuditAction.WallboardTokenCreated]: 'Wallboard token created',
  [AuditAction.WallboardTokenRevoked]: 'Wallboard token revoked',
  [AuditAction.HotelSettingsUpdated]: 'Hotel settings updated',
  [AuditAction.HotelCreated]: 'Hotel created',
};

const actorKinds: ActorKindMessages = {
  [ActorKind.User]: 'User',
  [ActorKind.ApiKey]: 'API key',
  [ActorKind.Wallboard]: 'Wallboard',
  [ActorKind.System]: 'System',
};

/** English messages; the shape every locale must match (see `MessageSchema`). */
const en = {
  app: {
    name: 'Baton',
  },
  common: {
    networkError: 'Cannot reach the server. Check your connection; we will keep trying.',
  },
  language: {
    label: 'Language',
    short: { tr: 'TR', en: 'EN' },
    names: { tr: 'Türkçe', en: 'English' },
  },
  shell: {
    logout: 'Sign out',
  },
  login: {
    title: 'Sign in to Baton',
    subtitle: 'Guest communication for your hotels.',
    email: 'Email',
    emailPlaceholder: "name{'@'}hotel.com",
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    footnote: 'Having trouble signing in? Ask your hotel administrator.',
    errors: {
      invalidCredentials: 'Wrong email or password.',
      invalidInput: 'Enter a valid email address and password.',
      rateLimited: 'Too many attempts. Wait a moment and try again.',
      network: 'Cannot reach the server. Check your connection and try again.',
      unknown: 'Sign-in failed. Please try again.',
    },
  },
  hotels: {
    title: 'Hotels',
    loading: 'Loading hotels…',
    empty: 'You do not have access to any hotel yet.',
    loadError: 'Hotels could not be loaded.',
  },
  activity: {
    title: 'Activity',
    timeZone: 'Time zone: {zone}',
    loading: 'Loading activity…',
    empty: 'No activity yet. New events appear here as they happen.',
    noHotel: 'Select a hotel to see its activity.',
    loadError: 'Activity could not be loaded.',
    by: 'by {actor}',
    unknownAction: 'Activity: {action}',
    actions: nestByDot(actions),
    actorKinds,
  },
  connection: {
    state: {
      live: 'Live',
      connecting: 'Connecting…',
      offline: 'Disconnected',
    },
    hint: {
      live: 'New events appear instantly.',
      connecting: 'Connecting to live updates…',
      offline: 'Live updates are paused; reconnecting automatically.',
    },
  },
};

export type MessageSchema = typeof en;
export default en;
