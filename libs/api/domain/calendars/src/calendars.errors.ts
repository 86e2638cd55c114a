import { ErrorCode } from '@baton/shared/contracts';
import { BatonError } from '@baton/api/core';
import type { CalendarProblem } from './math';

/** Why a calendar operation was refused; each maps to one client-visible code and message. */
export enum CalendarsError {
  DuplicateName = 'duplicate_name',
  StaleVersion = 'stale_version',
  DefaultInUse = 'default_in_use',
  UsedByPolicies = 'used_by_policies',
  MalformedIcal = 'malformed_ical',
  DuplicateHoliday = 'duplicate_holiday',
}

const MESSAGES: Record<CalendarsError, [ErrorCode, string]> = {
  [CalendarsError.DuplicateName]: [ErrorCode.Conflict, 'name is already used by another calendar of this hotel'],
  [CalendarsError.StaleVersion]: [ErrorCode.StaleVersion, 'the calendar was changed by someone else; reload it'],
  [CalendarsError.DefaultInUse]: [
    ErrorCode.Conflict,
    'the default calendar cannot be deleted while the hotel has other calendars; make another one the default first',
  ],
  [CalendarsError.UsedByPolicies]: [ErrorCode.Conflict, 'the calendar is used by SLA policies'],
  [CalendarsError.MalformedIcal]: [ErrorCode.BadUserInput, 'ical is not a valid iCalendar file'],
  [CalendarsError.DuplicateHoliday]: [ErrorCode.BadUserInput, 'a day is listed twice among the holidays'],
};

export function calendarsError(reason: CalendarsError, details?: Record<string, unknown>): BatonError {
  const [code, message] = MESSAGES[reason];
  return new BatonError(code, message, { reason, ...details });
}

/**
 * BAD_USER_INPUT for an invalid definition, shaped like the ValidationPipe's errors (`field` = the first bad field,
 * `fields` = all of them) so the editor can show each message next to its input.
 */
export function invalidCalendar(problems: readonly CalendarProblem[]): BatonError {
  return BatonError.badInput(problems.map((p) => `${p.field} ${p.message}`).join('; '), {
    field: problems[0]?.field ?? '',
    fields: problems.map((p) => ({ field: p.field, messages: [p.message] })),
  });
}
