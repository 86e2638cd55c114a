/** The rule editor's draft and its pure helpers (no Vue, no Apollo): unit-tested in __tests__. */
import type {
  AutomationAction,
  AutomationCondition,
  AutomationConditionGroup,
  AutomationParty,
  AutomationRule,
  AutomationRuleDefinitionInput,
  SaveAutomationRuleInput,
} from '@baton/web/data-access';

/** Mirrors the API's ConditionField → ConditionOp table (libs/api/policy/automations/src/model/rule-validation.ts). */
const SCALAR = ['is', 'is_not', 'is_empty', 'is_not_empty'];
export const OPS_BY_FIELD: Readonly<Record<string, readonly string[]>> = {
  priority: SCALAR,
  channel: SCALAR,
  request_type: SCALAR,
  status: SCALAR,
  team: SCALAR,
  owner: SCALAR,
  ticket_kind: SCALAR,
  labels: ['contains', 'not_contains', 'is_empty', 'is_not_empty'],
  message_rounds: ['at_least', 'at_most'],
  minutes_to_due: ['at_least', 'at_most'],
  keywords: ['matches', 'not_matches'],
  business_hours: ['inside', 'outside'],
};
export const FIELDS = Object.keys(OPS_BY_FIELD);
export const TRIGGERS = [
  'case_created',
  'case_updated',
  'case_status_changed',
  'message_received',
  'inactivity',
  'handoff',
  'sla_step',
  'ticket_opened',
  'ticket_resolved',
  'schedule',
];
export const ACTION_TYPES = [
  'notify',
  'webhook',
  'assign',
  'escalate',
  'set_priority',
  'add_label',
  'set_status',
  'create_ticket',
  'hand_off_to_phone',
  'send_guest_message',
  'add_note',
];
export const PARTY_KINDS = ['owner', 'user', 'team', 'hotel_role', 'raci'];
export const PLACEHOLDERS = ['guestName', 'caseNumber', 'hotelName', 'ownerName', 'ticketNumber', 'ticketTitle'];
export const MAX_GROUP_DEPTH = 3;

export interface RuleDraft {
  id: string | null;
  version: number | null;
  name: string;
  enabled: boolean;
  definition: AutomationRuleDefinitionInput;
}

type DraftAction = AutomationRuleDefinitionInput['actions'][number];

export const opTakesValues = (op: string): boolean =>
  ['is', 'is_not', 'contains', 'not_contains', 'matches', 'not_matches'].includes(op);
export const opTakesNumber = (op: string): boolean => op === 'at_least' || op === 'at_most';

export function newCondition(field = 'priority'): AutomationCondition {
  const op = OPS_BY_FIELD[field]?.[0] ?? 'is';
  return { field, op, values: [], number: opTakesNumber(op) ? 1 : null };
}

export function newGroup(match = 'all'): AutomationConditionGroup {
  return { match, conditions: [], groups: [] };
}

export function newAction(type = 'notify'): DraftAction {
  return {
    type,
    channels: type === 'notify' ? ['in_app'] : [],
    target: ['notify', 'assign', 'escalate'].includes(type) ? { kind: 'owner' } : null,
    title: null,
    body: null,
    value: type === 'set_priority' ? 'P1' : null,
    lostReason: null,
    url: null,
    messageChannels: type === 'send_guest_message' ? ['case'] : [],
    reason: type === 'hand_off_to_phone' ? 'manual' : null,
    team: type === 'hand_off_to_phone' ? 'call_center' : null,
  };
}

export function emptyDraft(): RuleDraft {
  return {
    id: null,
    version: null,
    name: '',
    enabled: true,
    definition: {
      trigger: 'message_received',
      params: { inactivityMinutes: null, waitingOn: null, slaStep: null, slaMetric: null, cron: null },
      conditions: newGroup(),
      actions: [newAction('notify')],
      channels: [],
      owner: null,
      description: null,
    },
  };
}

/** A deep copy without Apollo's `__typename` (an input type refuses fields it does not declare). */
const clone = <T>(value: T): T =>
  JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === '__typename' ? undefined : v))) as T;

/** A deep copy of a saved rule to edit; secrets are never in it (the API only says hasSecret). */
export function draftFrom(rule: Pick<AutomationRule, 'id' | 'version' | 'name' | 'enabled' | 'definition'>): RuleDraft {
  const definition = clone(rule.definition);
  return {
    id: rule.id,
    version: rule.version,
    name: rule.name,
    enabled: rule.enabled,
    definition: {
      ...definition,
      actions: definition.actions.map(({ hasSecret: _hasSecret, ...action }: AutomationAction) => ({ ...action })),
    },
  };
}

/** What saveAutomationRule takes; the secret goes only when typed (omitted = keep the stored one). */
export function toSaveInput(draft: RuleDraft): Omit<SaveAutomationRuleInput, 'hotelId'> {
  return {
    id: draft.id,
    expectedVersion: draft.version,
    name: draft.name.trim(),
    enabled: draft.enabled,
    definition: toDefinitionInput(draft),
  };
}

export function toDefinitionInput(draft: RuleDraft): AutomationRuleDefinitionInput {
  const definition = clone(draft.definition);
  return {
    ...definition,
    actions: definition.actions.map(({ secret, ...action }) => (secret ? { ...action, secret } : action)),
  };
}

/** "a, b ,c" → ['a', 'b', 'c'] (the values box of a condition). */
export function parseValues(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== ''),
    ),
  ];
}

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** The table's "conditions" column in words, e.g. "Priority is P1 · Keywords match cancellation, crisis". */
export function conditionsText(group: AutomationConditionGroup, t: Translate, nested = false): string {
  const parts = [
    ...group.conditions.map((c) => {
      const value = opTakesNumber(c.op) ? String(c.number ?? '') : c.values.join(', ');
      return `${t(`automations.fields.${c.field}`)} ${t(`automations.ops.${c.op}`)} ${value}`.trim();
    }),
    ...group.groups.map((g) => `(${conditionsText(g, t, true)})`),
  ];
  if (parts.length === 0) {
    return nested ? '' : t('automations.table.always');
  }
  return parts.join(group.match === 'any' ? ` ${t('automations.editor.matchAny')} ` : ' · ');
}

export function partyText(party: AutomationParty | null | undefined, t: Translate): string {
  if (!party) {
    return t('automations.parties.none');
  }
  const detail =
    party.team ?? party.hotelRole ?? (party.raciStep ? `${party.raciStep}/${party.raciRole ?? 'R'}` : null);
  return detail && party.kind !== 'owner'
    ? `${t(`automations.parties.${party.kind}`)}: ${detail}`
    : t(`automations.parties.${party.kind}`);
}

export function channelsText(channels: readonly string[], t: Translate): string {
  return channels.map((c) => t(`automations.ruleChannels.${c}`)).join(' + ') || '—';
}

/** The API's problem list (BAD_USER_INPUT details.problems) as one line. */
export function problemsText(problems: unknown): string {
  if (!Array.isArray(problems)) {
    return '';
  }
  return problems
    .map((p: { path?: unknown; message?: unknown }) => `${String(p.path)}: ${String(p.message)}`)
    .join('; ');
}
