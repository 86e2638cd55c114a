import { CaseEventKind } from '@baton/shared/contracts';
import type { DomainEvent } from '@baton/api/core';
import type { CaseRecord } from '../services/case-record';

/** Domain event types of the cases library: `case.<CaseEventKind>`, e.g. `case.status_changed`. */
export const CASE_DOMAIN_EVENT = {
  created: 'case.created',
  updated: 'case.updated',
  message_added: 'case.message_added',
  message_status: 'case.message_status',
  status_changed: 'case.status_changed',
  handed_off: 'case.handed_off',
  note_added: 'case.note_added',
  merged: 'case.merged',
} as const satisfies Record<CaseEventKind, string>;

export type CaseDomainEventType = (typeof CASE_DOMAIN_EVENT)[CaseEventKind];

/**
 * What SLA and automation policies receive, inside the transaction of the change: the case right after it, and
 * (for message events) the message id. Handlers that need more (the message text, the previous status) read it in
 * the same transaction or from `detail`.
 */
export interface CaseDomainEvent extends DomainEvent {
  type: CaseDomainEventType;
  caseId: string;
  caseNumber: string;
  messageId: string | null;
  case: CaseRecord;
  /** Kind-specific facts, e.g. `{ from: 'new', to: 'contacted' }` for a status change, `{ direction: 'inbound' }`. */
  detail: Record<string, unknown>;
}

export function isCaseDomainEvent(event: DomainEvent): event is CaseDomainEvent {
  return typeof event.type === 'string' && event.type.startsWith('case.') && typeof event.caseId === 'string';
}
