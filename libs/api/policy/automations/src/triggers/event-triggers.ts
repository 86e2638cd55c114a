import { AutomationTrigger } from '@baton/shared/contracts';
import type { DomainEvent } from '@baton/api/core';
import type { TriggerParams } from '../model/rule-definition';

/** The domain events automations listen to (registered with DomainEvents at module init). */
export const LISTENED_EVENTS = [
  'case.created',
  'case.updated',
  'case.status_changed',
  'case.message_added',
  'case.handed_off',
  'ticket.opened',
  'ticket.resolved',
  'sla.step',
] as const;

/** Pure: which triggers one domain event stands for (a guest's first message is both "created" and "message"). */
export function triggersOf(event: Pick<DomainEvent, 'type'> & { detail?: unknown }): AutomationTrigger[] {
  const direction = (event.detail as { direction?: unknown } | undefined)?.direction;
  switch (event.type) {
    case 'case.created':
      return direction === 'inbound'
        ? [AutomationTrigger.CaseCreated, AutomationTrigger.MessageReceived]
        : [AutomationTrigger.CaseCreated];
    case 'case.message_added':
      return direction === 'inbound' ? [AutomationTrigger.MessageReceived] : [];
    case 'case.updated':
      return [AutomationTrigger.CaseUpdated];
    case 'case.status_changed':
      return [AutomationTrigger.CaseStatusChanged];
    case 'case.handed_off':
      return [AutomationTrigger.Handoff];
    case 'ticket.opened':
      return [AutomationTrigger.TicketOpened];
    case 'ticket.resolved':
      return [AutomationTrigger.TicketResolved];
    case 'sla.step':
      return [AutomationTrigger.SlaStep];
    default:
      return [];
  }
}

/** Pure: an SLA step event fits the rule's step and metric (either left empty = any). */
export function slaParamsMatch(params: TriggerParams, step: unknown, metric: unknown): boolean {
  return (!params.slaStep || params.slaStep === step) && (!params.slaMetric || params.slaMetric === metric);
}
