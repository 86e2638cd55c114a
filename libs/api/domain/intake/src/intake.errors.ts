import { ErrorCode } from '@baton/shared/contracts';
import { BatonError } from '@baton/api/core';

/** Why an intake operation was refused; each maps to one client-visible code and message. */
export enum IntakeError {
  AccountNotFound = 'account_not_found',
  ExternalIdTaken = 'external_id_taken',
  DuplicateAccount = 'duplicate_account',
  NumericExternalId = 'numeric_external_id',
  AppSecretRequired = 'app_secret_required',
  ProviderChange = 'provider_change',
}

const MESSAGES: Record<IntakeError, [ErrorCode, string]> = {
  [IntakeError.AccountNotFound]: [ErrorCode.NotFound, 'ChannelAccount not found'],
  [IntakeError.ExternalIdTaken]: [
    ErrorCode.Conflict,
    'This provider account is already connected to another hotel; remove it there first',
  ],
  [IntakeError.DuplicateAccount]: [
    ErrorCode.Conflict,
    'This hotel already has a channel account with this provider and externalId',
  ],
  [IntakeError.NumericExternalId]: [
    ErrorCode.BadUserInput,
    'externalId of a WhatsApp, Instagram or Messenger account is the numeric id Meta shows (phone_number_id, IG account id, page id)',
  ],
  [IntakeError.AppSecretRequired]: [
    ErrorCode.BadUserInput,
    'appSecret is required for this provider: its webhooks are verified with it',
  ],
  [IntakeError.ProviderChange]: [
    ErrorCode.BadUserInput,
    'provider of an existing account cannot change; create a new account',
  ],
};

export function intakeError(reason: IntakeError, details?: Record<string, unknown>): BatonError {
  const [code, message] = MESSAGES[reason];
  return new BatonError(code, message, { reason, ...details });
}
