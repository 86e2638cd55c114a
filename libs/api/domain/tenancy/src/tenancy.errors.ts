import { ErrorCode, HotelRole, WallboardBoard } from '@baton/shared/contracts';
import { BatonError } from '@baton/api/core';

/** Why a tenancy operation was refused; each maps to one client-visible code and message. */
export enum TenancyError {
  InvalidCredentials = 'invalid_credentials',
  InvalidRefreshToken = 'invalid_refresh_token',
  InvalidApiKey = 'invalid_api_key',
  ApiKeyRevoked = 'api_key_revoked',
  InvalidWallboardToken = 'invalid_wallboard_token',
  WallboardTokenRevoked = 'wallboard_token_revoked',
  UserDisabled = 'user_disabled',
  UserSessionRequired = 'user_session_required',
  UnknownUser = 'unknown_user',
  AlreadyMember = 'already_member',
  LastAdmin = 'last_admin',
  RoleAboveCaller = 'role_above_caller',
  InvalidRole = 'invalid_role',
  InvalidBoard = 'invalid_board',
  MixedAgencies = 'mixed_agencies',
}

const MESSAGES: Record<TenancyError, [ErrorCode, string]> = {
  [TenancyError.InvalidCredentials]: [ErrorCode.Unauthenticated, 'Wrong e-mail or password'],
  [TenancyError.InvalidRefreshToken]: [ErrorCode.Unauthenticated, 'Invalid or expired refresh token'],
  [TenancyError.InvalidApiKey]: [ErrorCode.Unauthenticated, 'Invalid API key'],
  [TenancyError.ApiKeyRevoked]: [ErrorCode.Unauthenticated, 'API key revoked'],
  [TenancyError.InvalidWallboardToken]: [ErrorCode.Unauthenticated, 'Invalid wallboard token'],
  [TenancyError.WallboardTokenRevoked]: [ErrorCode.Unauthenticated, 'Wallboard token revoked'],
  [TenancyError.UserDisabled]: [ErrorCode.Unauthenticated, 'User is disabled'],
  [TenancyError.UserSessionRequired]: [ErrorCode.Forbidden, 'This operation needs a user session'],
  [TenancyError.UnknownUser]: [ErrorCode.NotFound, 'No user with this e-mail'],
  [TenancyError.AlreadyMember]: [ErrorCode.Conflict, 'User is already a member of this hotel'],
  [TenancyError.LastAdmin]: [ErrorCode.Conflict, 'A hotel must keep at least one admin'],
  [TenancyError.RoleAboveCaller]: [
    ErrorCode.Forbidden,
    'You cannot grant, change or remove a role that has permissions you do not hold on this hotel',
  ],
  [TenancyError.InvalidRole]: [ErrorCode.BadUserInput, `role must be one of: ${Object.values(HotelRole).join(', ')}`],
  [TenancyError.InvalidBoard]: [
    ErrorCode.BadUserInput,
    `board must be one of: ${Object.values(WallboardBoard).join(', ')}`,
  ],
  [TenancyError.MixedAgencies]: [
    ErrorCode.BadUserInput,
    'An API key for several hotels must cover hotels of one agency only',
  ],
};

export function tenancyError(reason: TenancyError, details?: Record<string, unknown>): BatonError {
  const [code, message] = MESSAGES[reason];
  return new BatonError(code, message, { reason, ...details });
}
