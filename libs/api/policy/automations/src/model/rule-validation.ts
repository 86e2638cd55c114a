import {
  AutomationTrigger,
  CasePriority,
  CaseStatus,
  HandoffReason,
  HotelRole,
  NotificationChannel,
  RaciRole,
  TicketKind,
} from '@baton/shared/contracts';
import { unknownPlaceholders } from '../templating/render-template';
import { cronProblem } from '../triggers/cron';
import {
  ActionType,
  Condition,
  ConditionField,
  ConditionGroup,
  ConditionOp,
  Party,
  PartyKind,
  RuleAction,
  RuleDefinition,
} from './rule-definition';

export interface DefinitionProblem {
  path: string;
  message: string;
}

export const LIMITS = { conditions: 40, groupDepth: 3, actions: 10, inactivityMinutes: 7 * 24 * 60, text: 2000 };

const SCALAR_OPS = [ConditionOp.Is, ConditionOp.IsNot, ConditionOp.IsEmpty, ConditionOp.IsNotEmpty];
export const OPS_BY_FIELD: Readonly<Record<ConditionField, readonly ConditionOp[]>> = {
  [ConditionField.Priority]: SCALAR_OPS,
  [ConditionField.Channel]: SCALAR_OPS,
  [ConditionField.RequestType]: SCALAR_OPS,
  [ConditionField.Status]: SCALAR_OPS,
  [ConditionField.Team]: SCALAR_OPS,
  [ConditionField.Owner]: SCALAR_OPS,
  [ConditionField.TicketKind]: SCALAR_OPS,
  [ConditionField.Labels]: [ConditionOp.Contains, ConditionOp.NotContains, ConditionOp.IsEmpty, ConditionOp.IsNotEmpty],
  [ConditionField.MessageRounds]: [ConditionOp.AtLeast, ConditionOp.AtMost],
  [ConditionField.MinutesToDue]: [ConditionOp.AtLeast, ConditionOp.AtMost],
  [ConditionField.Keywords]: [ConditionOp.Matches, ConditionOp.NotMatches],
  [ConditionField.BusinessHours]: [ConditionOp.Inside, ConditionOp.Outside],
};

/** Labels of the playbook's "channel" column. */
export const RULE_CHANNELS = ['in_app', 'email', 'webhook', 'whatsapp', 'ticket', 'phone', 'note'] as const;
export const GUEST_MESSAGE_CHANNELS = ['case', 'whatsapp', 'email'] as const;
const KEYWORD_SET_NAME = /^[a-z0-9_]{1,40}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const oneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (values as readonly string[]).includes(value);

/** Pure: everything wrong with a definition, with paths the editor can point at (empty = valid). */
export function definitionProblems(def: RuleDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  if (!oneOf(Object.values(AutomationTrigger), def.trigger)) {
    add('trigger', 'unknown trigger');
  }
  const params = def.params ?? {};
  if (def.trigger === AutomationTrigger.Inactivity) {
    const minutes = params.inactivityMinutes;
    if (!Number.isInteger(minutes) || (minutes as number) < 1 || (minutes as number) > LIMITS.inactivityMinutes) {
      add('params.inactivityMinutes', `whole minutes between 1 and ${LIMITS.inactivityMinutes}`);
    }
  }
  if (def.trigger === AutomationTrigger.Schedule) {
    const problem = params.cron ? cronProblem(params.cron) : 'a schedule needs a cron expression';
    if (problem) {
      add('params.cron', problem);
    }
  }
  let count = 0;
  const walk = (group: ConditionGroup, path: string, depth: number) => {
    if (depth > LIMITS.groupDepth) {
      add(path, `condition groups nest at most ${LIMITS.groupDepth} deep`);
      return;
    }
    group.conditions.forEach((c, i) => {
      count += 1;
      conditionProblems(c, `${path}.conditions[${i}]`, add);
    });
    group.groups.forEach((g, i) => walk(g, `${path}.groups[${i}]`, depth + 1));
  };
  walk(def.conditions, 'conditions', 1);
  if (count > LIMITS.conditions) {
    add('conditions', `at most ${LIMITS.conditions} conditions`);
  }
  if (def.actions.length === 0 || def.actions.length > LIMITS.actions) {
    add('actions', `between 1 and ${LIMITS.actions} actions`);
  }
  def.actions.forEach((a, i) => actionProblems(a, `actions[${i}]`, add));
  def.channels.forEach((c, i) => {
    if (!oneOf(RULE_CHANNELS, c)) {
      add(`channels[${i}]`, `one of ${RULE_CHANNELS.join(', ')}`);
    }
  });
  if (def.owner) {
    partyProblems(def.owner, 'owner', add);
  }
  return problems;
}

function conditionProblems(c: Condition, path: string, add: (path: string, message: string) => void): void {
  const ops = OPS_BY_FIELD[c.field];
  if (!ops) {
    add(`${path}.field`, 'unknown field');
    return;
  }
  if (!ops.includes(c.op)) {
    add(`${path}.op`, `${c.field} takes ${ops.join(', ')}`);
    return;
  }
  const needsValues = [ConditionOp.Is, ConditionOp.IsNot, ConditionOp.Contains, ConditionOp.NotContains];
  if ((needsValues.includes(c.op) || c.field === ConditionField.Keywords) && c.values.length === 0) {
    add(`${path}.values`, 'at least one value');
  }
  if ((c.op === ConditionOp.AtLeast || c.op === ConditionOp.AtMost) && !Number.isInteger(c.number)) {
    add(`${path}.number`, 'a whole number');
  }
  if (c.field === ConditionField.Priority && !c.values.every((v) => oneOf(Object.values(CasePriority), v))) {
    add(`${path}.values`, 'priorities are P1–P4');
  }
  if (c.field === ConditionField.Keywords && !c.values.every((v) => KEYWORD_SET_NAME.test(v))) {
    add(`${path}.values`, 'keyword set names are lower-case letters, digits and _');
  }
}

function actionProblems(a: RuleAction, path: string, add: (path: string, message: string) => void): void {
  const need = (ok: boolean, field: string, message: string) => !ok && add(`${path}.${field}`, message);
  for (const field of ['title', 'body'] as const) {
    const text = a[field];
    if (text) {
      need(text.length <= LIMITS.text, field, `at most ${LIMITS.text} characters`);
      const unknown = unknownPlaceholders(text);
      need(unknown.length === 0, field, `unknown placeholders: ${unknown.join(', ')}`);
    }
  }
  switch (a.type) {
    case ActionType.Notify: {
      const channels = a.channels ?? [];
      need(
        channels.length > 0 &&
          channels.every((c) => c === NotificationChannel.InApp || c === NotificationChannel.Email),
        'channels',
        'in_app and/or email',
      );
      need(!!a.target, 'target', 'who to notify');
      need(!!(a.title || a.body), 'body', 'a title or a text');
      break;
    }
    case ActionType.Webhook:
      need(!!a.url && /^https?:\/\/[^\s]+$/.test(a.url), 'url', 'an http(s) URL');
      break;
    case ActionType.Assign:
    case ActionType.Escalate:
      need(!!a.target && a.target.kind !== PartyKind.HotelRole, 'target', 'a user, a team, a RACI role or the owner');
      break;
    case ActionType.SetPriority:
      need(oneOf(Object.values(CasePriority), a.value), 'value', 'P1–P4');
      break;
    case ActionType.AddLabel:
      need(!!a.value && /^[a-z0-9_]{1,40}$/.test(a.value), 'value', 'a label code');
      break;
    case ActionType.SetStatus:
      need(
        oneOf(Object.values(CaseStatus), a.value) && a.value !== CaseStatus.HandedOff,
        'value',
        'a case status (hand-offs use "hand off to phone")',
      );
      need(a.value !== CaseStatus.Lost || !!a.lostReason, 'lostReason', 'a lost reason');
      break;
    case ActionType.CreateTicket:
      need(!a.value || oneOf(Object.values(TicketKind), a.value), 'value', 'a ticket kind');
      need(!!a.title, 'title', 'a ticket title');
      break;
    case ActionType.HandOffToPhone:
      need(!a.reason || oneOf(Object.values(HandoffReason), a.reason), 'reason', 'a handoff reason');
      break;
    case ActionType.SendGuestMessage: {
      const channels = a.messageChannels ?? [];
      need(!!a.body, 'body', 'the message template');
      need(
        channels.length > 0 && channels.every((c) => oneOf(GUEST_MESSAGE_CHANNELS, c)),
        'messageChannels',
        'case, whatsapp and/or email',
      );
      break;
    }
    case ActionType.AddNote:
      need(!!a.body, 'body', 'the note text');
      break;
    default:
      add(`${path}.type`, 'unknown action');
  }
  if (a.target) {
    partyProblems(a.target, `${path}.target`, add);
  }
}

function partyProblems(p: Party, path: string, add: (path: string, message: string) => void): void {
  switch (p.kind) {
    case PartyKind.Owner:
      return;
    case PartyKind.User:
      if (!p.userId || !UUID.test(p.userId)) {
        add(`${path}.userId`, 'a user id');
      }
      return;
    case PartyKind.Team:
      if (!p.team) {
        add(`${path}.team`, 'a team');
      }
      return;
    case PartyKind.HotelRole:
      if (!oneOf(Object.values(HotelRole), p.hotelRole)) {
        add(`${path}.hotelRole`, 'a hotel role');
      }
      return;
    case PartyKind.Raci:
      if (!p.raciStep || !oneOf(Object.values(RaciRole), p.raciRole)) {
        add(`${path}.raciStep`, 'a process step and R, A, C or I');
      }
      return;
    default:
      add(`${path}.kind`, 'unknown party');
  }
}

/** The "channel" column when the author left it empty: what the actions use, in a stable order. */
export function channelsOf(actions: readonly RuleAction[]): string[] {
  const found = new Set<string>();
  for (const a of actions) {
    switch (a.type) {
      case ActionType.Notify:
      case ActionType.Escalate:
        (a.channels?.length ? a.channels : [NotificationChannel.InApp]).forEach((c) => found.add(c));
        break;
      case ActionType.Webhook:
        found.add('webhook');
        break;
      case ActionType.CreateTicket:
        found.add('ticket');
        break;
      case ActionType.HandOffToPhone:
        found.add('ticket').add('phone');
        break;
      case ActionType.SendGuestMessage:
        (a.messageChannels ?? []).forEach((c) => found.add(c === 'case' ? 'whatsapp' : c));
        break;
      case ActionType.AddNote:
        found.add('note');
        break;
      default:
        break;
    }
  }
  return RULE_CHANNELS.filter((c) => found.has(c));
}
