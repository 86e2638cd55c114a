import { ErrorCode } from '@baton/shared/contracts';
import { BatonError } from '@baton/api/core';

/** Why an SLA operation was refused; each maps to one client-visible code and message. */
export enum SlaError {
  StaleVersion = 'stale_version',
  NoTargets = 'no_targets',
  LadderOrder = 'ladder_order',
  ReorderMismatch = 'reorder_mismatch',
  UnknownCalendar = 'unknown_calendar',
  InvalidRange = 'invalid_range',
}

type Details = Record<string, unknown>;
type Message = string | ((details: Details) => string);

const MESSAGES: Record<SlaError, [ErrorCode, Message]> = {
  [SlaError.StaleVersion]: [
    ErrorCode.StaleVersion,
    (d) => `The policy was changed by someone else (now version ${String(d['currentVersion'])}); reload and retry`,
  ],
  [SlaError.NoTargets]: [ErrorCode.BadUserInput, 'A policy needs at least one metric with a target'],
  [SlaError.LadderOrder]: [
    ErrorCode.BadUserInput,
    (d) => `${String(d['metric'])}: the warning must come after the reminder (fewer minutes before due)`,
  ],
  [SlaError.ReorderMismatch]: [ErrorCode.BadUserInput, 'ids must list every policy of the hotel exactly once'],
  [SlaError.UnknownCalendar]: [ErrorCode.BadUserInput, 'calendarId is not a calendar of this hotel'],
  [SlaError.InvalidRange]: [ErrorCode.BadUserInput, 'from must be before to, at most 366 days apart'],
};

export function slaError(reason: SlaError, details?: Details): BatonError {
  const [code, message] = MESSAGES[reason];
  return new BatonError(code, typeof message === 'string' ? message : message(details ?? {}), {
    reason,
    ...details,
  });
}
