import { ErrorCode } from '@baton/shared/contracts';
import { BatonError } from '@baton/api/core';

/** Why an automation operation was refused; each maps to one client-visible code and message. */
export enum AutomationsError {
  InvalidDefinition = 'invalid_definition',
  StaleVersion = 'stale_version',
  DryRunNeedsRule = 'dry_run_needs_rule',
  InvalidKeywordSet = 'invalid_keyword_set',
  DefaultKeywordSetInUse = 'keyword_set_in_use',
}

const MESSAGES: Record<AutomationsError, [ErrorCode, string]> = {
  [AutomationsError.InvalidDefinition]: [ErrorCode.BadUserInput, 'The rule is not valid (see details.problems)'],
  [AutomationsError.StaleVersion]: [
    ErrorCode.StaleVersion,
    'The rule was changed by someone else since you loaded it (see details.currentVersion)',
  ],
  [AutomationsError.DryRunNeedsRule]: [ErrorCode.BadUserInput, 'A dry-run needs a ruleId or a definition'],
  [AutomationsError.InvalidKeywordSet]: [ErrorCode.BadUserInput, 'The keyword set is not valid (see details)'],
  [AutomationsError.DefaultKeywordSetInUse]: [ErrorCode.Conflict, 'The keyword set is used by a rule'],
};

export function automationsError(reason: AutomationsError, details?: Record<string, unknown>): BatonError {
  const [code, message] = MESSAGES[reason];
  return new BatonError(code, message, { reason, ...details });
}
