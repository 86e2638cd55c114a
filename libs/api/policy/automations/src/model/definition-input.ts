import { AutomationTrigger, NotificationChannel, RaciRole, SlaMetric, SlaStep } from '@baton/shared/contracts';
import type { AutomationActionInput } from '../graphql/dto/automation-action.input';
import type { AutomationConditionGroupInput } from '../graphql/dto/automation-condition-group.input';
import type { AutomationPartyInput } from '../graphql/dto/automation-party.input';
import type { AutomationRuleDefinitionInput } from '../graphql/dto/automation-rule-definition.input';
import { channelsOf } from './rule-validation';
import {
  ActionType,
  ConditionField,
  ConditionGroup,
  ConditionOp,
  GroupMatch,
  Party,
  PartyKind,
  RuleAction,
  RuleDefinition,
  WaitingOn,
} from './rule-definition';

const text = (value: string | null | undefined): string | null =>
  value === null || value === undefined || value.trim() === '' ? null : value.trim();

/**
 * The editor's input as a stored definition: blanks become null, lists are deduplicated, the channel column is
 * computed when left empty, and webhook secrets are sealed (`seal`) or carried over from the previous definition
 * when the input omits them for the same URL. Pure apart from `seal`.
 */
export function definitionFromInput(
  input: AutomationRuleDefinitionInput,
  seal: (secret: string) => string,
  previous: RuleDefinition | null = null,
): RuleDefinition {
  const actions = input.actions.map((a, i) => actionFromInput(a, seal, previous?.actions[i] ?? null));
  const channels = [...new Set(input.channels ?? [])];
  const params = input.params ?? {};
  return {
    trigger: input.trigger as AutomationTrigger,
    params: {
      inactivityMinutes: params.inactivityMinutes ?? null,
      waitingOn: (text(params.waitingOn) as WaitingOn | null) ?? null,
      slaStep: (text(params.slaStep) as SlaStep | null) ?? null,
      slaMetric: (text(params.slaMetric) as SlaMetric | null) ?? null,
      cron: text(params.cron),
    },
    conditions: groupFromInput(input.conditions ?? null),
    actions,
    channels: channels.length > 0 ? channels : channelsOf(actions),
    owner: input.owner ? partyFromInput(input.owner) : null,
    description: text(input.description),
  };
}

function groupFromInput(group: AutomationConditionGroupInput | null): ConditionGroup {
  if (!group) {
    return { match: GroupMatch.All, conditions: [], groups: [] };
  }
  return {
    match: group.match as GroupMatch,
    conditions: (group.conditions ?? []).map((c) => ({
      field: c.field as ConditionField,
      op: c.op as ConditionOp,
      values: [...new Set((c.values ?? []).map((v) => v.trim()).filter((v) => v !== ''))],
      number: c.number ?? null,
    })),
    groups: (group.groups ?? []).map((g) => groupFromInput(g)),
  };
}

function partyFromInput(p: AutomationPartyInput): Party {
  return {
    kind: p.kind as PartyKind,
    userId: text(p.userId),
    team: text(p.team),
    hotelRole: text(p.hotelRole),
    raciStep: text(p.raciStep),
    raciRole: (text(p.raciRole) as RaciRole | null) ?? null,
  };
}

function actionFromInput(a: AutomationActionInput, seal: (s: string) => string, before: RuleAction | null): RuleAction {
  const type = a.type as ActionType;
  const url = text(a.url);
  let secretSealed: string | null = null;
  if (type === ActionType.Webhook) {
    if (a.secret !== undefined && a.secret !== null) {
      secretSealed = a.secret.trim() === '' ? null : seal(a.secret.trim());
    } else if (before?.type === ActionType.Webhook && before.url === url) {
      secretSealed = before.secretSealed ?? null;
    }
  }
  return {
    type,
    channels: [...new Set(a.channels ?? [])] as NotificationChannel[],
    target: a.target ? partyFromInput(a.target) : null,
    title: text(a.title),
    body: text(a.body),
    value: text(a.value),
    lostReason: text(a.lostReason),
    url,
    secretSealed,
    messageChannels: [...new Set(a.messageChannels ?? [])],
    reason: text(a.reason),
    team: text(a.team),
  };
}
