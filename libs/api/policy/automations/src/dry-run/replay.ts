import { AutomationTrigger, OPEN_CASE_STATUSES, TicketStatus } from '@baton/shared/contracts';
import { evaluateConditions, usesField } from '../conditions/evaluate-conditions';
import { caseFacts, minutesBetween, ticketFacts } from '../conditions/rule-facts';
import { ConditionField, RuleDefinition, WaitingOn } from '../model/rule-definition';
import type { TemplateValues } from '../templating/render-template';
import { cronOccurrences } from '../triggers/cron';
import { slaParamsMatch } from '../triggers/event-triggers';
import { describeAction, summarizeAction } from './action-summary';
import type { CaseState, History, HistoryEvent, TicketState } from './history';

export const MAX_LISTED_MATCHES = 500;

export interface DryRunMatch {
  at: Date;
  trigger: AutomationTrigger;
  eventType: string;
  caseId: string | null;
  caseNumber: string | null;
  ticketId: string | null;
  ticketNumber: string | null;
  matchedKeywords: string[];
  actions: Array<{ type: string; summary: string; key: string; params: Array<{ name: string; value: string }> }>;
}

export interface DryRunReport {
  eventsScanned: number;
  casesScanned: number;
  matchCount: number;
  casesMatched: number;
  actionTotals: Array<{ type: string; count: number }>;
  matches: DryRunMatch[];
  truncated: boolean;
  notes: string[];
}

type Replayed = HistoryEvent | { kind: 'inactivity'; at: Date; caseId: string } | { kind: 'schedule'; at: Date };

const ORDER: Record<Replayed['kind'], number> = {
  case_created: 0,
  message: 1,
  status: 2,
  handoff: 3,
  handoff_accepted: 4,
  ticket_opened: 5,
  ticket_status: 6,
  sla_step: 7,
  inactivity: 8,
  schedule: 9,
};

const MINUTE = 60_000;
const RESOLVED = [TicketStatus.Resolved, TicketStatus.AwaitingConfirmation] as string[];

/**
 * Pure: replays `history` in time order, keeping each case's state as it was at every moment (status, rounds, who was
 * waiting, team after handoffs), and reports every event of the rule's trigger inside the window where its
 * conditions held, with what each action would have done then. Nothing is written; actions are not applied, so the
 * report is the rule on its own (no chains of rules).
 */
export function replayRule(
  definition: RuleDefinition,
  ruleName: string,
  history: History,
  identities: ReadonlyMap<string, ReadonlySet<string>>,
): DryRunReport {
  const cases = new Map<string, CaseState>(history.cases.map((c) => [c.id, initialState(c, history.events)]));
  const tickets = new Map<string, TicketState>(
    history.tickets.map((t) => [t.id, { ...t, status: TicketStatus.Open, exists: false }]),
  );
  const events: Replayed[] = [...history.events, ...syntheticEvents(definition, history)].sort(
    (a, b) => a.at.getTime() - b.at.getTime() || ORDER[a.kind] - ORDER[b.kind],
  );
  const needsHours = usesField(definition.conditions, ConditionField.BusinessHours);
  const report: DryRunReport = {
    eventsScanned: 0,
    casesScanned: history.cases.length,
    matchCount: 0,
    casesMatched: 0,
    actionTotals: [],
    matches: [],
    truncated: false,
    notes: [],
  };
  const matchedCases = new Set<string>();
  const totals = new Map<string, number>();
  const consider = (
    event: Replayed,
    eventType: string,
    state: CaseState | null,
    ticket: TicketState | null,
    extra: {
      guestText?: string | null;
      minutesToDue?: number | null;
    },
  ) => {
    report.eventsScanned += 1;
    const businessHours = needsHours && history.businessHours ? history.businessHours(event.at) : null;
    const facts = ticket
      ? ticketFacts(ticket, state, { minutesToDue: extra.minutesToDue, businessHours })
      : caseFacts(state as CaseState, { ...extra, businessHours });
    const evaluation = evaluateConditions(definition.conditions, facts, { keywordSets: history.keywordSets });
    if (!evaluation.matched) {
      return;
    }
    report.matchCount += 1;
    if (state) {
      matchedCases.add(state.id);
    }
    const values = templateValues(state, ticket, history.hotelName, ruleName);
    const kinds = state ? (identities.get(state.guestId) ?? new Set<string>()) : new Set<string>();
    const actions = definition.actions.map((a) => {
      const { key, params } = describeAction(a, state, values, kinds);
      return {
        type: a.type,
        summary: summarizeAction(a, state, values, kinds),
        key,
        params: Object.entries(params).map(([name, value]) => ({ name, value })),
      };
    });
    for (const a of actions) {
      totals.set(a.type, (totals.get(a.type) ?? 0) + 1);
    }
    if (report.matches.length >= MAX_LISTED_MATCHES) {
      report.truncated = true;
      return;
    }
    report.matches.push({
      at: event.at,
      trigger: definition.trigger,
      eventType,
      caseId: state?.id ?? null,
      caseNumber: state?.number ?? null,
      ticketId: ticket?.id ?? null,
      ticketNumber: ticket?.number ?? null,
      matchedKeywords: evaluation.keywords,
      actions,
    });
  };
  const inWindow = (at: Date) => at >= history.from && at <= history.to;
  for (const event of events) {
    const state = 'caseId' in event ? (cases.get(event.caseId) ?? null) : null;
    applyEvent(event, state, tickets);
    if (!inWindow(event.at)) {
      continue;
    }
    const trigger = definition.trigger;
    switch (event.kind) {
      case 'case_created':
        if (trigger === AutomationTrigger.CaseCreated && state) {
          consider(event, 'case.created', state, null, {});
        }
        break;
      case 'message':
        if (trigger === AutomationTrigger.MessageReceived && state && event.direction === 'inbound') {
          consider(event, 'case.message_added', state, null, { guestText: event.body });
        }
        break;
      case 'status':
        if (
          trigger === AutomationTrigger.CaseStatusChanged &&
          state &&
          event.from !== null &&
          event.to !== 'handed_off'
        ) {
          consider(event, 'case.status_changed', state, null, {});
        }
        break;
      case 'handoff':
        if (trigger === AutomationTrigger.Handoff && state) {
          consider(event, 'case.handed_off', state, null, {});
        }
        break;
      case 'handoff_accepted':
        if (trigger === AutomationTrigger.CaseUpdated && state) {
          consider(event, 'case.updated', state, null, {});
        }
        break;
      case 'ticket_opened':
      case 'ticket_status': {
        const ticket = tickets.get(event.ticketId) ?? null;
        const wanted =
          event.kind === 'ticket_opened'
            ? trigger === AutomationTrigger.TicketOpened
            : trigger === AutomationTrigger.TicketResolved && RESOLVED.includes(event.to);
        if (ticket && wanted) {
          const linked = ticket.caseId ? (cases.get(ticket.caseId) ?? null) : null;
          consider(event, event.kind === 'ticket_opened' ? 'ticket.opened' : 'ticket.resolved', linked, ticket, {});
        }
        break;
      }
      case 'sla_step': {
        if (trigger !== AutomationTrigger.SlaStep || !slaParamsMatch(definition.params, event.step, event.metric)) {
          break;
        }
        const minutesToDue = minutesBetween(event.at, event.dueAt);
        const ticket = event.targetType === 'ticket' ? (tickets.get(event.targetId) ?? null) : null;
        const target = ticket?.caseId ? cases.get(ticket.caseId) : cases.get(event.targetId);
        if (ticket || target) {
          consider(event, 'sla.step', target ?? null, ticket, { minutesToDue });
        }
        break;
      }
      case 'inactivity':
        if (state && stillWaiting(state, definition, event.at)) {
          consider(event, 'timer:automation.inactivity', state, null, {});
        }
        break;
      case 'schedule':
        for (const open of cases.values()) {
          if (open.exists && OPEN_CASE_STATUSES.includes(open.status as (typeof OPEN_CASE_STATUSES)[number])) {
            consider(event, 'timer:automation.schedule', open, null, {});
          }
        }
        break;
    }
  }
  report.casesMatched = matchedCases.size;
  report.actionTotals = [...totals].map(([type, count]) => ({ type, count }));
  return report;
}

/** Team and owner before any handoff: the first handoff's "from" team; the owner is only known when none happened. */
function initialState(c: History['cases'][number], events: readonly HistoryEvent[]): CaseState {
  const handoffs = events.filter((e) => e.kind === 'handoff' && e.caseId === c.id) as Array<
    Extract<HistoryEvent, { kind: 'handoff' }>
  >;
  const accepted = events.some((e) => e.kind === 'handoff_accepted' && e.caseId === c.id);
  const first = handoffs.sort((a, b) => a.at.getTime() - b.at.getTime())[0];
  return {
    ...c,
    status: 'new',
    messageRounds: 0,
    team: first ? first.fromTeam : c.team,
    ownerId: accepted ? null : c.ownerId,
    waitingSince: null,
    lastInboundAt: null,
    lastOutboundAt: null,
    lastGuestText: null,
    exists: false,
  };
}

function applyEvent(event: Replayed, state: CaseState | null, tickets: Map<string, TicketState>): void {
  switch (event.kind) {
    case 'case_created':
      if (state) {
        state.exists = true;
      }
      return;
    case 'message':
      if (!state) {
        return;
      }
      state.exists = true;
      if (event.direction === 'inbound') {
        state.lastInboundAt = max(state.lastInboundAt, event.at);
        if (!state.waitingSince && (!state.lastOutboundAt || state.lastOutboundAt <= event.at)) {
          state.waitingSince = event.at;
        }
        state.lastGuestText = event.body;
      } else {
        state.lastOutboundAt = max(state.lastOutboundAt, event.at);
        if (state.waitingSince && state.waitingSince <= event.at) {
          state.messageRounds += 1;
          state.waitingSince = null;
        }
      }
      return;
    case 'status':
      if (state) {
        state.status = event.to;
      }
      return;
    case 'handoff':
      if (state) {
        state.status = 'handed_off';
      }
      return;
    case 'handoff_accepted':
      if (state) {
        state.team = event.toTeam;
        state.ownerId = event.acceptedBy;
      }
      return;
    case 'ticket_opened': {
      const ticket = tickets.get(event.ticketId);
      if (ticket) {
        ticket.exists = true;
      }
      return;
    }
    case 'ticket_status': {
      const ticket = tickets.get(event.ticketId);
      if (ticket) {
        ticket.status = event.to;
      }
      return;
    }
    case 'sla_step':
    case 'inactivity':
    case 'schedule':
      return;
  }
}

/**
 * Inactivity firings the live timers would have produced: after each message of the awaited side, N minutes later,
 * unless the other side answered or the same side wrote again (which moves the timer) before then.
 */
function syntheticEvents(definition: RuleDefinition, history: History): Replayed[] {
  if (definition.trigger === AutomationTrigger.Schedule && definition.params.cron) {
    return cronOccurrences(definition.params.cron, history.timeZone, history.from, history.to, 2000).map((at) => ({
      kind: 'schedule' as const,
      at,
    }));
  }
  if (definition.trigger !== AutomationTrigger.Inactivity || !definition.params.inactivityMinutes) {
    return [];
  }
  const waitFor = definition.params.waitingOn === WaitingOn.Guest ? 'outbound' : 'inbound';
  const span = definition.params.inactivityMinutes * MINUTE;
  const byCase = new Map<string, Array<Extract<HistoryEvent, { kind: 'message' }>>>();
  for (const e of history.events) {
    if (e.kind === 'message') {
      byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
    }
  }
  const out: Replayed[] = [];
  for (const [caseId, messages] of byCase) {
    messages.sort((a, b) => a.at.getTime() - b.at.getTime());
    messages.forEach((m, i) => {
      if (m.direction !== waitFor) {
        return;
      }
      const due = new Date(m.at.getTime() + span);
      const next = messages[i + 1];
      if ((!next || next.at > due) && due <= history.to) {
        out.push({ kind: 'inactivity', at: due, caseId });
      }
    });
  }
  return out;
}

function stillWaiting(state: CaseState, definition: RuleDefinition, at: Date): boolean {
  if (!OPEN_CASE_STATUSES.includes(state.status as (typeof OPEN_CASE_STATUSES)[number])) {
    return false;
  }
  if (definition.params.waitingOn === WaitingOn.Guest) {
    return !!state.lastOutboundAt && (!state.lastInboundAt || state.lastInboundAt < state.lastOutboundAt);
  }
  return !!state.waitingSince && state.waitingSince <= at;
}

function templateValues(
  state: CaseState | null,
  ticket: TicketState | null,
  hotelName: string,
  ruleName: string,
): TemplateValues {
  return {
    guestName: state?.guestName ?? null,
    caseNumber: state?.number ?? null,
    hotelName,
    ownerName: state?.ownerName ?? null,
    ticketNumber: ticket?.number ?? null,
    ticketTitle: ticket?.title ?? null,
    ruleName,
  };
}

function max(a: Date | null, b: Date): Date {
  return a && a > b ? a : b;
}
