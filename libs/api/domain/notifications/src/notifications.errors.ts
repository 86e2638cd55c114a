import { ErrorCode } from '@baton/shared/contracts';
import { BatonError } from '@baton/api/core';

/** Why a notification or delivery operation was refused; each maps to one client-visible code and message. */
export enum NotificationsError {
  InvalidCursor = 'invalid_cursor',
  /** retryDelivery on a delivery that is not dead (pending ones retry by themselves, sent ones are done). */
  DeliveryNotDead = 'delivery_not_dead',
  InvalidTarget = 'invalid_target',
  MissingContent = 'missing_content',
  NothingToMark = 'nothing_to_mark',
}

const MESSAGES: Record<NotificationsError, [ErrorCode, string]> = {
  [NotificationsError.InvalidCursor]: [ErrorCode.BadUserInput, 'after is not a cursor of this list'],
  [NotificationsError.DeliveryNotDead]: [ErrorCode.Conflict, 'Only a dead delivery can be retried'],
  [NotificationsError.InvalidTarget]: [
    ErrorCode.BadUserInput,
    'target must be an e-mail address (email) or an http(s) URL (webhook)',
  ],
  [NotificationsError.MissingContent]: [ErrorCode.BadUserInput, 'An e-mail needs a subject and a body'],
  [NotificationsError.NothingToMark]: [ErrorCode.BadUserInput, 'Give ids, or all: true'],
};

export function notificationsError(reason: NotificationsError, details?: Record<string, unknown>): BatonError {
  const [code, message] = MESSAGES[reason];
  return new BatonError(code, message, { reason, ...details });
}
