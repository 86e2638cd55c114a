import { ErrorCode, MergeSuggestionStatus } from '@baton/shared/contracts';
import { BatonError } from '@baton/api/core';

/** Why a guest operation was refused; each maps to one client-visible code and message. */
export enum GuestsError {
  SelfMerge = 'self_merge',
  AlreadyMerged = 'already_merged',
  SuggestionNotOpen = 'suggestion_not_open',
  SuggestionMismatch = 'suggestion_mismatch',
  MergeAlreadyUndone = 'merge_already_undone',
  LaterMergeFirst = 'later_merge_first',
  IdentitiesMovedOn = 'identities_moved_on',
  InvalidStatus = 'invalid_status',
  InvalidFirst = 'invalid_first',
  InvalidDisplayName = 'invalid_display_name',
}

const MESSAGES: Record<GuestsError, [ErrorCode, string]> = {
  [GuestsError.SelfMerge]: [ErrorCode.BadUserInput, 'A guest cannot be merged into itself'],
  [GuestsError.AlreadyMerged]: [ErrorCode.Conflict, 'Guest is already merged into another guest'],
  [GuestsError.SuggestionNotOpen]: [ErrorCode.Conflict, 'This merge suggestion is no longer open'],
  [GuestsError.SuggestionMismatch]: [ErrorCode.BadUserInput, 'This merge suggestion is about other guests'],
  [GuestsError.MergeAlreadyUndone]: [ErrorCode.Conflict, 'This merge has already been undone'],
  [GuestsError.LaterMergeFirst]: [
    ErrorCode.Conflict,
    'The surviving guest was merged again since; undo that later merge first',
  ],
  [GuestsError.IdentitiesMovedOn]: [
    ErrorCode.Conflict,
    'Identities moved by this merge are no longer on the surviving guest',
  ],
  [GuestsError.InvalidStatus]: [
    ErrorCode.BadUserInput,
    `status must be one of: ${Object.values(MergeSuggestionStatus).join(', ')}`,
  ],
  [GuestsError.InvalidFirst]: [ErrorCode.BadUserInput, 'first must be between 1 and 100'],
  [GuestsError.InvalidDisplayName]: [ErrorCode.BadUserInput, 'displayName must be 1 to 200 characters'],
};

export function guestsError(reason: GuestsError, details?: Record<string, unknown>): BatonError {
  const [code, message] = MESSAGES[reason];
  return new BatonError(code, message, { reason, ...details });
}
