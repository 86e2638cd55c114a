import { CALL_CENTER_TEAM, handoffBlocker, pickGuestChannel } from '../actions/action-rules';
import { ActionType, Party, PartyKind, RuleAction } from '../model/rule-definition';
import { renderTemplate, TemplateValues } from '../templating/render-template';
import type { CaseState } from './history';

const PREVIEW = 120;

export function partyLabel(party: Party | null | undefined): string {
  if (!party) {
    return '—';
  }
  switch (party.kind) {
    case PartyKind.Owner:
      return 'owner';
    case PartyKind.User:
      return `user ${party.userId ?? ''}`.trim();
    case PartyKind.Team:
      return `team ${party.team ?? ''}`.trim();
    case PartyKind.HotelRole:
      return party.hotelRole ?? 'role';
    case PartyKind.Raci:
      return `RACI ${party.raciStep ?? ''}/${party.raciRole ?? 'R'}`;
  }
}

function preview(template: string | null | undefined, values: TemplateValues): string {
  const text = renderTemplate(template ?? '', values);
  return text.length > PREVIEW ? `${text.slice(0, PREVIEW - 1)}…` : text;
}

/** What an action would have done, as a message key and its parameters (the dashboard words it in TR or EN). */
export interface ActionDescription {
  key: string;
  params: Record<string, string>;
}

/** English wording of each key (the API's `summary`, the seeded run log). */
const ENGLISH: Record<string, string> = {
  notify: 'notify {who} by {channels}: {text}',
  notify_no_owner: 'notify {who} by {channels}: {text} (no owner: skipped)',
  webhook: 'signed webhook to {host}',
  assign: 'assign to {who}',
  escalate: 'escalate (priority up) to {who}',
  set_priority: 'priority {from} → {to}',
  add_label: 'label {label}',
  add_label_present: 'label {label} (already set)',
  set_status: 'status {from} → {to}',
  create_ticket: '{kind}: {text}{team}',
  hand_off: 'callback ticket for {team}; case handed off (phone)',
  hand_off_blocked: 'callback ticket for {team}; no handoff ({why})',
  message: 'message via {channel}: {text}',
  message_unreachable: 'message skipped: guest not reachable on {channels}',
  note: 'note: {text}',
};

export function summarizeAction(
  action: RuleAction,
  state: CaseState | null,
  values: TemplateValues,
  identityKinds: ReadonlySet<string>,
): string {
  const { key, params } = describeAction(action, state, values, identityKinds);
  return ENGLISH[key].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
}

/**
 * Pure: what an action would have done at that moment — including why it would have done less (no owner to notify,
 * a handoff the pipeline refuses, a guest without WhatsApp).
 */
export function describeAction(
  action: RuleAction,
  state: CaseState | null,
  values: TemplateValues,
  identityKinds: ReadonlySet<string>,
): ActionDescription {
  const say = (key: string, params: Record<string, string> = {}) => ({ key, params });
  switch (action.type) {
    case ActionType.Notify: {
      const params = {
        who: partyLabel(action.target),
        channels: (action.channels ?? []).join('+'),
        text: preview(action.title || action.body, values),
      };
      return say(action.target?.kind === PartyKind.Owner && !state?.ownerId ? 'notify_no_owner' : 'notify', params);
    }
    case ActionType.Webhook:
      return say('webhook', { host: safeHost(action.url) });
    case ActionType.Assign:
      return say('assign', { who: partyLabel(action.target) });
    case ActionType.Escalate:
      return say('escalate', { who: partyLabel(action.target) });
    case ActionType.SetPriority:
      return say('set_priority', { from: state?.priority ?? '?', to: action.value ?? '' });
    case ActionType.AddLabel:
      return say(state?.labels.includes(action.value ?? '') ? 'add_label_present' : 'add_label', {
        label: action.value ?? '',
      });
    case ActionType.SetStatus:
      return say('set_status', { from: state?.status ?? '?', to: action.value ?? '' });
    case ActionType.CreateTicket:
      return say('create_ticket', {
        kind: action.value ?? 'ticket',
        text: preview(action.title, values),
        team: action.team ? ` (${action.team})` : '',
      });
    case ActionType.HandOffToPhone: {
      const team = action.team || CALL_CENTER_TEAM;
      const why = state ? handoffBlocker({ ...state, mergedIntoId: state.mergedIntoId }, team) : 'no case';
      return why ? say('hand_off_blocked', { team, why }) : say('hand_off', { team });
    }
    case ActionType.SendGuestMessage: {
      const preferences = action.messageChannels?.length ? action.messageChannels : ['case'];
      const channel = state ? pickGuestChannel(preferences, state.channel, identityKinds) : null;
      return channel
        ? say('message', { channel, text: preview(action.body, values) })
        : say('message_unreachable', { channels: (action.messageChannels ?? []).join('/') });
    }
    case ActionType.AddNote:
      return say('note', { text: preview(action.body, values) });
  }
}

function safeHost(url: string | null | undefined): string {
  try {
    return new URL(url ?? '').host;
  } catch {
    return String(url);
  }
}
