import { ErrorCode } from '@baton/shared/contracts';
import { BatonError } from '@baton/api/core';

/** Why a cases operation was refused; each maps to one client-visible code and message. */
export enum CasesError {
  InvalidFirst = 'invalid_first',
  InvalidCursor = 'invalid_cursor',
  InvalidTransition = 'invalid_transition',
  UseHandOff = 'use_hand_off',
  MandatoryFieldsMissing = 'mandatory_fields_missing',
  UnknownDictionaryCode = 'unknown_dictionary_code',
  LostReasonRequired = 'lost_reason_required',
  LostReasonNotAllowed = 'lost_reason_not_allowed',
  CaseMerged = 'case_merged',
  HandoffAlreadyAccepted = 'handoff_already_accepted',
  UserSessionRequired = 'user_session_required',
  NotAMember = 'not_a_member',
  ChannelNotReplyable = 'channel_not_replyable',
  MessageNotRetryable = 'message_not_retryable',
  MergeSameCase = 'merge_same_case',
  MergeNotOpen = 'merge_not_open',
  MergeDifferentGuests = 'merge_different_guests',
}

type Details = Record<string, unknown>;
type Message = string | ((details: Details) => string);

const str = (value: unknown): string => (Array.isArray(value) ? value.join(', ') : String(value));

const MESSAGES: Record<CasesError, [ErrorCode, Message]> = {
  [CasesError.InvalidFirst]: [ErrorCode.BadUserInput, (d) => `first must be between 1 and ${str(d['max'])}`],
  [CasesError.InvalidCursor]: [ErrorCode.BadUserInput, 'after is not a cursor of this connection'],
  [CasesError.InvalidTransition]: [
    ErrorCode.InvalidTransition,
    (d) => `A case cannot go from ${str(d['from'])} to ${str(d['to'])} (allowed: ${str(d['allowed']) || 'none'})`,
  ],
  [CasesError.UseHandOff]: [ErrorCode.BadUserInput, 'Use handOffCase to hand a case off'],
  [CasesError.MandatoryFieldsMissing]: [
    ErrorCode.MandatoryFieldsMissing,
    (d) =>
      `${str(d['missingFields'])} ${(d['missingFields'] as unknown[]).length > 1 ? 'are' : 'is'} required before a handoff`,
  ],
  [CasesError.UnknownDictionaryCode]: [
    ErrorCode.BadUserInput,
    (d) => `${str(d['field'])}: '${str(d['code'])}' is not an active ${str(d['kind'])} of this hotel`,
  ],
  [CasesError.LostReasonRequired]: [ErrorCode.BadUserInput, 'lostReason is required when a case is lost'],
  [CasesError.LostReasonNotAllowed]: [ErrorCode.BadUserInput, 'lostReason is accepted only with status lost'],
  [CasesError.CaseMerged]: [ErrorCode.Conflict, (d) => `This case was merged into ${str(d['mergedIntoNumber'])}`],
  [CasesError.HandoffAlreadyAccepted]: [ErrorCode.Conflict, 'This handoff was already accepted'],
  [CasesError.UserSessionRequired]: [ErrorCode.Forbidden, 'This operation needs a user session'],
  [CasesError.NotAMember]: [ErrorCode.BadUserInput, 'ownerId must be a member of this hotel or of its agency'],
  [CasesError.ChannelNotReplyable]: [
    ErrorCode.BadUserInput,
    (d) => `Replies cannot be sent on ${str(d['channel'])} (replyable: ${str(d['replyable'])})`,
  ],
  [CasesError.MessageNotRetryable]: [ErrorCode.Conflict, 'Only a failed outbound message can be retried'],
  [CasesError.MergeSameCase]: [ErrorCode.BadUserInput, 'A case cannot be merged into itself'],
  [CasesError.MergeNotOpen]: [ErrorCode.Conflict, 'Only open cases can be merged'],
  [CasesError.MergeDifferentGuests]: [ErrorCode.BadUserInput, 'Only cases of the same guest can be merged'],
};

/** Codes that name the reason themselves carry exactly the documented details (no `reason` key). */
const SELF_EXPLAINING = new Set<ErrorCode>([ErrorCode.InvalidTransition, ErrorCode.MandatoryFieldsMissing]);

export function casesError(reason: CasesError, details: Details = {}): BatonError {
  const [code, message] = MESSAGES[reason];
  const text = typeof message === 'string' ? message : message(details);
  return new BatonError(code, text, SELF_EXPLAINING.has(code) ? details : { reason, ...details });
}
