import { AutomationTrigger } from '@baton/shared/contracts';
import type { CaseRecord } from '@baton/api/domain/cases';
import type { TicketRecord } from '@baton/api/domain/tickets';
import type { RuleFacts } from '../conditions/evaluate-conditions';

/** What one rule evaluation is about: the event, its case and/or ticket, and the facts the conditions read. */
export interface RunSubject {
  hotelId: string;
  /** Which trigger the event stands for (a guest's first message is both case_created and message_received). */
  triggers: AutomationTrigger[];
  /** The domain event type, or `timer:<kind>` for inactivity and schedule firings. */
  eventType: string;
  at: Date;
  depth: number;
  rootId: string;
  caseRecord: CaseRecord | null;
  ticket: TicketRecord | null;
  /** Ticket triggers (and SLA steps of tickets) act on the ticket; everything else on the case. */
  actsOn: 'case' | 'ticket';
  facts: RuleFacts;
  /** Timer firings: the timer's idempotency key, stable across retries, so a retry notifies no one twice. */
  idempotencyBase: string | null;
}
