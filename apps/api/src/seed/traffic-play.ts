import {
  canTransition,
  CaseStatus,
  Channel,
  DeliveryStatus,
  HandoffReason,
  MessageContentType,
  OPEN_CASE_STATUSES,
} from '@baton/shared/contracts';
import { DAY, guestAwake, HOUR, MINUTE, Rng, withinShift } from './traffic-random';

/** A staff member of the demo hotel (author of replies, actor of transitions). */
export interface Staff {
  id: string;
  name: string;
}

/** Who acts: the first-line agent, or the sales/reservations lead who accepted the handoff (default: current owner). */
export type Who = 'agent' | 'lead';
/** How long until a step happens, from the previous one (see GAPS). */
export type Gap = 'ring' | 'quick' | 'reply' | 'guest' | 'late' | 'days';

export type CallOutcome = 'answered' | 'missed' | 'abandoned' | 'voicemail';
export interface CallSpec {
  outcome: CallOutcome;
  durationSeconds: number;
}

interface MessageStep {
  gap?: Gap;
  body: string;
  channel?: Channel;
  contentType?: MessageContentType;
  attachment?: Record<string, unknown>;
  call?: CallSpec;
  /** The hotel's side of an answered inbound call: same call details as the call itself (like the app records it). */
  answer?: boolean;
}

export type Step =
  | ({ kind: 'in' } & MessageStep)
  | ({ kind: 'out'; by?: Who } & MessageStep)
  | { kind: 'status'; to: CaseStatus; by?: Who; reason?: string; lostReason?: string; gap?: Gap }
  | {
      kind: 'handoff';
      reason: HandoffReason;
      toTeam: string;
      toChannel?: Channel;
      note: string;
      acceptor: 'lead' | 'gm';
    }
  | { kind: 'accept' }
  | { kind: 'note'; body: string; by?: Who }
  | { kind: 'learn'; fields: Partial<CaseFields> }
  | { kind: 'label'; codes: string[] };

export interface CaseFields {
  guestName: string | null;
  contact: string | null;
  requestText: string | null;
}

export interface PlayedMessage {
  direction: 'inbound' | 'outbound';
  channel: Channel;
  contentType: MessageContentType;
  body: string;
  attachment: Record<string, unknown> | null;
  author: Staff | null;
  at: number;
  deliveryStatus: DeliveryStatus | null;
  deliveryAt: number | null;
}

export interface PlayedTransition {
  from: CaseStatus | null;
  to: CaseStatus;
  reason: string | null;
  actor: Staff | null;
  at: number;
}

export interface PlayedHandoff {
  fromTeam: string | null;
  fromChannel: Channel;
  toTeam: string;
  toChannel: Channel | null;
  reason: HandoffReason;
  note: string;
  requestedBy: Staff;
  requestedAt: number;
  acceptedBy: Staff | null;
  acceptedAt: number | null;
}

export interface PlayedCase {
  messages: PlayedMessage[];
  transitions: PlayedTransition[];
  handoffs: PlayedHandoff[];
  notes: Array<{ author: Staff; body: string; at: number }>;
  status: CaseStatus;
  owner: Staff | null;
  team: string | null;
  lostReason: string | null;
  closedAt: number | null;
  firstResponseAt: number | null;
  lastInboundAt: number | null;
  lastOutboundAt: number | null;
  waitingSince: number | null;
  messageRounds: number;
  fields: CaseFields;
  /** Dictionary labels the agents gave the case so far (at most three). */
  labels: string[];
  updatedAt: number;
}

export interface PlayInput {
  rng: Rng;
  now: number;
  createdAt: number;
  channel: Channel;
  /** The team that answers this channel first (smm_agency, call_center, reservations). */
  firstLineTeam: string;
  staff: { agent: Staff; lead: Staff; gm: Staff };
  fields: CaseFields;
  /** Queue backlog: the first reply comes hours later (or not yet). */
  slowFirstResponse: boolean;
  /** Nobody has replied yet: the story stops before the first reply (new, unassigned, waiting). */
  unanswered: boolean;
}

const CALL_TEXT: Record<CallOutcome, string> = {
  answered: 'Answered call',
  missed: 'Missed call',
  abandoned: 'Abandoned call',
  voicemail: 'Voicemail',
};
const TERMINAL: readonly CaseStatus[] = [CaseStatus.Won, CaseStatus.Lost, CaseStatus.Closed];
/** Nothing is dated in the last half minute before `now`, so "now" in the app never precedes the seed. */
const SAFETY = 30_000;

function gapMs(rng: Rng, gap: Gap): number {
  switch (gap) {
    case 'ring':
      return rng.int(5, 40) * 1000;
    case 'quick':
      return rng.int(1, 10) * MINUTE + rng.int(0, 59) * 1000;
    case 'reply':
      // Agents answer within minutes, unless the queue is busy.
      return rng.chance(0.85) ? rng.int(3, 25) * MINUTE + rng.int(0, 59) * 1000 : rng.int(1, 4) * HOUR;
    case 'guest': {
      // Guests answer when they can: soon, later that day, or the next day.
      const roll = rng.next();
      return roll < 0.45 ? rng.int(5, 90) * MINUTE : roll < 0.75 ? rng.int(2, 8) * HOUR : rng.int(14, 30) * HOUR;
    }
    case 'late':
      return rng.int(18, 50) * HOUR;
    case 'days':
      return 2 * DAY + rng.int(0, 48) * HOUR;
  }
}

/** Most first replies come within 2–15 minutes; some take up to an hour; a few sit for hours. */
function firstResponseMs(rng: Rng, slow: boolean): number {
  if (slow) {
    return rng.int(2, 9) * HOUR + rng.int(0, 59) * MINUTE;
  }
  const roll = rng.next();
  if (roll < 0.72) {
    return rng.int(2, 15) * MINUTE + rng.int(0, 59) * 1000;
  }
  return roll < 0.9 ? rng.int(16, 60) * MINUTE : rng.int(1, 5) * HOUR + rng.int(0, 59) * MINUTE;
}

/**
 * Plays a scenario forward from `createdAt`, one step at a time, and stops at the first step that would happen after
 * `now`: old cases reach their ending, recent ones stop half-way (new, open, waiting for a reply, handoff not yet
 * accepted), which is exactly what a live inbox looks like. Every status change is checked against CASE_TRANSITIONS.
 */
export function playScenario(input: PlayInput, steps: readonly Step[]): PlayedCase {
  const { rng, now, staff } = input;
  const played: PlayedCase = {
    messages: [],
    transitions: [],
    handoffs: [],
    notes: [],
    status: CaseStatus.New,
    owner: null,
    team: null,
    lostReason: null,
    closedAt: null,
    firstResponseAt: null,
    lastInboundAt: null,
    lastOutboundAt: null,
    waitingSince: null,
    messageRounds: 0,
    fields: { ...input.fields },
    labels: [],
    updatedAt: input.createdAt,
  };
  let t = input.createdAt;
  let pendingAcceptor: Staff | null = null;
  const who = (by: Who | undefined): Staff =>
    by === 'agent' ? staff.agent : by === 'lead' ? (played.owner ?? staff.lead) : (played.owner ?? staff.agent);
  /** Moves the clock; `hours` keeps agents in their shift and guests awake. False when that would pass `now`. */
  const advance = (ms: number, hours: 'agent' | 'guest' | 'any'): boolean => {
    const due = t + ms;
    const next = Math.max(
      t + 1000,
      hours === 'agent' ? withinShift(due, rng) : hours === 'guest' ? guestAwake(due, rng) : due,
    );
    if (next > now - SAFETY) {
      return false;
    }
    t = next;
    return true;
  };
  const transition = (to: CaseStatus, actor: Staff | null, reason: string | null, at: number): void => {
    if (!canTransition(played.status, to)) {
      throw new Error(`demo scenario: ${played.status} → ${to} is not allowed`);
    }
    played.transitions.push({ from: played.status, to, reason, actor, at });
    played.status = to;
    played.closedAt = TERMINAL.includes(to) ? at : null;
  };
  played.transitions.push({ from: null, to: CaseStatus.New, reason: null, actor: null, at: t });

  for (const [index, step] of steps.entries()) {
    const first = index === 0;
    if (step.kind === 'in') {
      if (!first && !advance(gapMs(rng, step.gap ?? 'guest'), 'guest')) {
        break;
      }
      played.messages.push(message(step, 'inbound', null, played.owner ?? staff.agent, t, input, now, rng, undefined));
    } else if (step.kind === 'out') {
      const isFirst = played.firstResponseAt === null && step.gap !== 'ring';
      if (isFirst && input.unanswered) {
        break;
      }
      const wait = isFirst ? firstResponseMs(rng, input.slowFirstResponse) : gapMs(rng, step.gap ?? 'reply');
      if (!advance(wait, step.gap === 'ring' ? 'any' : 'agent')) {
        break;
      }
      const author = who(step.by);
      if (played.status === CaseStatus.New) {
        transition(CaseStatus.Open, author, null, t);
      }
      if (!played.owner) {
        played.owner = author;
        played.team = input.firstLineTeam;
      }
      played.messages.push(
        message(step, 'outbound', author, author, t, input, now, rng, played.messages[played.messages.length - 1]),
      );
      played.firstResponseAt ??= t;
    } else if (step.kind === 'status') {
      if (!advance(step.gap ? gapMs(rng, step.gap) : rng.int(20, 180) * 1000, step.gap ? 'agent' : 'any')) {
        break;
      }
      transition(step.to, who(step.by), step.reason ?? step.lostReason ?? null, t);
      played.lostReason = step.to === CaseStatus.Lost ? (step.lostReason ?? 'other') : null;
    } else if (step.kind === 'handoff') {
      if (!advance(rng.int(1, 6) * MINUTE, 'agent')) {
        break;
      }
      const missing = Object.entries(played.fields).filter(([, v]) => !v);
      if (missing.length > 0) {
        throw new Error(`demo scenario: handoff without ${missing.map(([k]) => k).join(', ')}`);
      }
      const requester = played.owner ?? staff.agent;
      transition(CaseStatus.HandedOff, requester, step.reason, t);
      played.handoffs.push({
        fromTeam: played.team ?? input.firstLineTeam,
        fromChannel: input.channel,
        toTeam: step.toTeam,
        toChannel: step.toChannel ?? null,
        reason: step.reason,
        note: step.note,
        requestedBy: requester,
        requestedAt: t,
        acceptedBy: null,
        acceptedAt: null,
      });
      played.team = step.toTeam;
      pendingAcceptor = step.acceptor === 'gm' ? staff.gm : staff.lead;
    } else if (step.kind === 'accept') {
      const handoff = played.handoffs[played.handoffs.length - 1];
      if (!handoff || !pendingAcceptor || !advance(rng.int(2, 40) * MINUTE + rng.int(0, 59) * 1000, 'agent')) {
        break;
      }
      handoff.acceptedBy = pendingAcceptor;
      handoff.acceptedAt = t;
      played.owner = pendingAcceptor;
      pendingAcceptor = null;
    } else if (step.kind === 'note') {
      if (!advance(rng.int(1, 15) * MINUTE, 'agent')) {
        break;
      }
      played.notes.push({ author: who(step.by), body: step.body, at: t });
    } else if (step.kind === 'label') {
      played.labels = [...new Set([...played.labels, ...step.codes])].slice(0, 3);
    } else {
      if (!first && !advance(rng.int(10, 120) * 1000, 'any')) {
        break;
      }
      played.fields = { ...played.fields, ...step.fields };
    }
    played.updatedAt = t;
  }
  summarise(played);
  return played;
}

function message(
  step: MessageStep,
  direction: 'inbound' | 'outbound',
  author: Staff | null,
  /** Who picks up an answered call. */
  answerer: Staff,
  at: number,
  input: PlayInput,
  now: number,
  rng: Rng,
  previous: PlayedMessage | undefined,
): PlayedMessage {
  const channel = step.channel ?? input.channel;
  let attachment = step.attachment ?? null;
  let body = step.body;
  if (step.answer && previous?.attachment) {
    attachment = previous.attachment;
    body = `Answered by ${answerer.name}`;
  } else if (step.call) {
    const answered = step.call.outcome === 'answered';
    attachment = {
      direction: direction === 'inbound' ? 'in' : 'out',
      startedAt: new Date(at).toISOString(),
      ...(answered ? { answeredAt: new Date(at + rng.int(3, 25) * 1000).toISOString() } : {}),
      durationSeconds: step.call.durationSeconds,
      ...(answered ? { agent: answerer.name } : {}),
      outcome: step.call.outcome,
      ...(answered && step.call.durationSeconds > 0 ? { recordingRef: `rec-${Math.floor(at / 1000)}` } : {}),
    };
    body = body || CALL_TEXT[step.call.outcome];
  }
  const contentType =
    step.contentType ?? (step.call || step.answer ? MessageContentType.Call : MessageContentType.Text);
  let deliveryStatus: DeliveryStatus | null = null;
  let deliveryAt: number | null = null;
  if (direction === 'outbound' && contentType !== MessageContentType.Call) {
    deliveryAt = Math.min(now - 1000, at + rng.int(2, 600) * 1000);
    deliveryStatus =
      at > now - 2 * MINUTE
        ? DeliveryStatus.Sent
        : channel === Channel.Email || rng.chance(0.2)
          ? DeliveryStatus.Delivered
          : DeliveryStatus.Read;
  }
  return { direction, channel, contentType, body, attachment, author, at, deliveryStatus, deliveryAt };
}

/** Derived counters: rounds, first/last message times and how long the guest has been waiting for the hotel. */
function summarise(played: PlayedCase): void {
  let pendingInbound: number | null = null;
  for (const m of played.messages) {
    if (m.direction === 'inbound') {
      played.lastInboundAt = m.at;
      pendingInbound ??= m.at;
    } else {
      played.lastOutboundAt = m.at;
      if (pendingInbound !== null) {
        played.messageRounds += 1;
      }
      pendingInbound = null;
    }
  }
  played.waitingSince = OPEN_CASE_STATUSES.includes(played.status) ? pendingInbound : null;
}
