import { SlaMetric, TicketKind } from '@baton/shared/contracts';
import type { CaseRecord } from '@baton/api/domain/cases';
import type { TicketRecord } from '@baton/api/domain/tickets';
import { SlaFacts } from '../policy/sla-policy.model';
import { SlaTargetType } from './clock-store';

/** What the engine needs of a case or ticket: its routing facts, status, owner and a human reference. */
export interface SlaTarget {
  hotelId: string;
  type: SlaTargetType;
  id: string;
  /** BLK-2026-000123 or the ticket number, for notices. */
  number: string;
  facts: SlaFacts;
  status: string;
  ownerId: string | null;
  labels: string[];
  /** The metrics this target measures at all (a content approval measures approval only). */
  metrics: readonly SlaMetric[];
}

const CASE_METRICS: readonly SlaMetric[] = [
  SlaMetric.FirstResponse,
  SlaMetric.NextResponse,
  SlaMetric.HandoffToSales,
  SlaMetric.Resolution,
];

export function caseTarget(record: CaseRecord): SlaTarget {
  return {
    hotelId: record.hotelId,
    type: 'case',
    id: record.id,
    number: record.number,
    facts: {
      channel: record.channel,
      priority: record.priority,
      requestType: record.requestType,
      labels: record.labels,
      team: record.team,
    },
    status: record.status,
    ownerId: record.ownerId,
    labels: record.labels,
    metrics: CASE_METRICS,
  };
}

/** Tickets have no channel or request type of their own: a policy conditioned on those never applies to them. */
export function ticketTarget(record: TicketRecord): SlaTarget {
  return {
    hotelId: record.hotelId,
    type: 'ticket',
    id: record.id,
    number: record.number,
    facts: { channel: null, priority: record.priority, requestType: null, labels: [], team: record.team },
    status: record.status,
    ownerId: record.ownerId,
    labels: [],
    metrics:
      record.kind === TicketKind.Approval ? [SlaMetric.Approval] : [SlaMetric.FirstResponse, SlaMetric.Resolution],
  };
}
