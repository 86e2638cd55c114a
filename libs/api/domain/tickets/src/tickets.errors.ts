import { ErrorCode } from '@baton/shared/contracts';
import { BatonError } from '@baton/api/core';

/** Why a tickets operation was refused; each maps to one client-visible code and message. */
export enum TicketsError {
  InvalidFirst = 'invalid_first',
  InvalidCursor = 'invalid_cursor',
  InvalidTransition = 'invalid_transition',
  UseApproveTicket = 'use_approve_ticket',
  NotAnApproval = 'not_an_approval',
  NotAwaitingConfirmation = 'not_awaiting_confirmation',
  UnknownCategory = 'unknown_category',
  UnknownTeam = 'unknown_team',
  UnknownCase = 'unknown_case',
  NotAMember = 'not_a_member',
  StaleVersion = 'stale_version',
}

type Details = Record<string, unknown>;
type Message = string | ((details: Details) => string);

const str = (value: unknown): string => (Array.isArray(value) ? value.join(', ') : String(value));

const MESSAGES: Record<TicketsError, [ErrorCode, Message]> = {
  [TicketsError.InvalidFirst]: [ErrorCode.BadUserInput, (d) => `first must be between 1 and ${str(d['max'])}`],
  [TicketsError.InvalidCursor]: [ErrorCode.BadUserInput, 'after is not a cursor of this connection'],
  [TicketsError.InvalidTransition]: [
    ErrorCode.InvalidTransition,
    (d) => `A ticket cannot go from ${str(d['from'])} to ${str(d['to'])} (allowed: ${str(d['allowed']) || 'none'})`,
  ],
  [TicketsError.UseApproveTicket]: [ErrorCode.BadUserInput, 'Use approveTicket to resolve an approval'],
  [TicketsError.NotAnApproval]: [ErrorCode.BadUserInput, 'Only approval tickets take an approval decision'],
  [TicketsError.NotAwaitingConfirmation]: [
    ErrorCode.InvalidTransition,
    (d) => `Only a ticket awaiting confirmation can be confirmed (it is ${str(d['from'])})`,
  ],
  [TicketsError.UnknownCategory]: [
    ErrorCode.BadUserInput,
    (d) => `category: '${str(d['code'])}' is not an active ticket category of this hotel`,
  ],
  [TicketsError.UnknownTeam]: [ErrorCode.BadUserInput, (d) => `team: '${str(d['code'])}' is not a team of this hotel`],
  [TicketsError.UnknownCase]: [ErrorCode.BadUserInput, 'caseId is not a case of this hotel'],
  [TicketsError.NotAMember]: [ErrorCode.BadUserInput, 'ownerId must be a member of this hotel or of its agency'],
  [TicketsError.StaleVersion]: [
    ErrorCode.StaleVersion,
    (d) => `The ticket changed meanwhile (now version ${str(d['currentVersion'])}); reload and try again`,
  ],
};

/** Codes that name the reason themselves carry exactly the documented details (no `reason` key). */
const SELF_EXPLAINING = new Set<ErrorCode>([ErrorCode.InvalidTransition, ErrorCode.StaleVersion]);

export function ticketsError(reason: TicketsError, details: Details = {}): BatonError {
  const [code, message] = MESSAGES[reason];
  const text = typeof message === 'string' ? message : message(details);
  return new BatonError(code, text, SELF_EXPLAINING.has(code) ? details : { reason, ...details });
}
