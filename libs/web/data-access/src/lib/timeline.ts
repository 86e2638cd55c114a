/**
 * Pure helpers of the case timeline: messages of every channel, status transitions, handoffs (requested and accepted)
 * and internal notes merged into one chronological list, and the `attachment` JSON of a message read into a view model.
 */
import type { CaseHandoff, CaseMessage, CaseNote, CaseTransition } from './cases';

export type TimelineEntry =
  | { kind: 'message'; id: string; at: string; message: CaseMessage }
  | { kind: 'transition'; id: string; at: string; transition: CaseTransition }
  | { kind: 'handoff'; id: string; at: string; handoff: CaseHandoff }
  | { kind: 'handoff_accepted'; id: string; at: string; handoff: CaseHandoff }
  | { kind: 'note'; id: string; at: string; note: CaseNote };

export type TimelineKind = TimelineEntry['kind'];

export interface TimelineSource {
  messages: readonly CaseMessage[];
  transitions: readonly CaseTransition[];
  handoffs: readonly CaseHandoff[];
  notes: readonly CaseNote[];
}

/** At the same instant, a status change reads before the message that caused it, a note after. */
const KIND_ORDER: Readonly<Record<TimelineKind, number>> = {
  transition: 0,
  handoff: 1,
  handoff_accepted: 2,
  message: 3,
  note: 4,
};

function timeOf(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms;
}

export function compareTimeline(a: TimelineEntry, b: TimelineEntry): number {
  return (
    timeOf(a.at) - timeOf(b.at) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Oldest first (a conversation reads top to bottom); stable for equal times. */
export function buildTimeline(source: TimelineSource): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const message of source.messages) {
    entries.push({ kind: 'message', id: `m:${message.id}`, at: message.occurredAt, message });
  }
  for (const transition of source.transitions) {
    entries.push({ kind: 'transition', id: `t:${transition.id}`, at: transition.occurredAt, transition });
  }
  for (const handoff of source.handoffs) {
    entries.push({ kind: 'handoff', id: `h:${handoff.id}`, at: handoff.requestedAt, handoff });
    if (handoff.acceptedAt) {
      entries.push({ kind: 'handoff_accepted', id: `a:${handoff.id}`, at: handoff.acceptedAt, handoff });
    }
  }
  for (const note of source.notes) {
    entries.push({ kind: 'note', id: `n:${note.id}`, at: note.createdAt, note });
  }
  return entries.sort(compareTimeline);
}

// ---------------------------------------------------------------- message content

export type MediaKind = 'image' | 'audio' | 'video' | 'document' | 'sticker';

/** What a message shows besides its body. */
export type MessageContent =
  | { type: 'text' }
  | { type: 'media'; media: MediaKind; caption: string | null; fileName: string | null; url: string | null }
  | { type: 'location'; latitude: number | null; longitude: number | null; name: string | null; address: string | null }
  | { type: 'call'; missed: boolean; durationSeconds: number | null; from: string | null }
  | { type: 'form'; fields: Array<{ name: string; value: string }> }
  | { type: 'email'; subject: string | null }
  | { type: 'other'; contentType: string };

type Json = Record<string, unknown>;

/** The attachment JSON text as an object; null when absent or not an object. */
export function parseAttachment(text: string | null | undefined): Json | null {
  if (!text) {
    return null;
  }
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
  } catch {
    // Not JSON: the message still shows its body; the raw attachment is not meant for people.
    return null;
  }
}

function str(source: Json | null, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = source?.[key];
    if (typeof value === 'string' && value.trim()) {
      return value;
    }
    if (typeof value === 'number' && Number.isFinite(value)) {
      return String(value);
    }
  }
  return null;
}

function num(source: Json | null, ...keys: string[]): number | null {
  for (const key of keys) {
    const value = source?.[key];
    const parsed = typeof value === 'string' && value.trim() ? Number(value) : value;
    if (typeof parsed === 'number' && Number.isFinite(parsed)) {
      return parsed;
    }
  }
  return null;
}

function nested(source: Json | null, key: string): Json | null {
  const value = source?.[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
}

/** Call outcomes that mean nobody talked to the guest (PBX logs use `outcome`: answered, missed, abandoned, voicemail). */
const MISSED_CALL_STATUSES = new Set([
  'missed',
  'abandoned',
  'voicemail',
  'no_answer',
  'noanswer',
  'unanswered',
  'busy',
  'failed',
]);

function callContent(attachment: Json | null): MessageContent {
  const call = nested(attachment, 'call') ?? attachment;
  const status = str(call, 'outcome', 'status', 'result', 'disposition')?.toLowerCase() ?? null;
  const duration = num(call, 'durationSeconds', 'duration', 'billsec');
  const missed =
    call?.missed === true ||
    call?.answered === false ||
    (status !== null && MISSED_CALL_STATUSES.has(status)) ||
    (status === null && duration === 0);
  return { type: 'call', missed, durationSeconds: duration, from: str(call, 'from', 'caller', 'callerId') };
}

function formFields(attachment: Json | null): Array<{ name: string; value: string }> {
  const raw = attachment?.fields ?? attachment?.form ?? attachment;
  const toValue = (value: unknown): string =>
    typeof value === 'string' ? value : value === null || value === undefined ? '' : JSON.stringify(value);
  if (Array.isArray(raw)) {
    return raw
      .filter((field): field is Json => typeof field === 'object' && field !== null)
      .map((field) => ({
        name: str(field, 'label', 'name', 'key') ?? '',
        value: toValue(field.value),
      }))
      .filter((field) => field.name);
  }
  if (typeof raw === 'object' && raw !== null) {
    // Nested objects (utm, raw provider data) are not form fields; empty answers are left out.
    return Object.entries(raw as Json)
      .filter(([, value]) => typeof value !== 'object' && value !== undefined && value !== '')
      .map(([name, value]) => ({ name, value: toValue(value) }));
  }
  return [];
}

/** Reads a message's content type and attachment into what the timeline renders. Unknown shapes degrade to `other`. */
export function describeMessage(message: Pick<CaseMessage, 'contentType' | 'attachment'>): MessageContent {
  const attachment = parseAttachment(message.attachment);
  const media = nested(attachment, 'media') ?? attachment;
  switch (message.contentType) {
    case 'text':
    case 'button':
    case 'interactive':
      return { type: 'text' };
    case 'image':
    case 'audio':
    case 'video':
    case 'document':
    case 'sticker':
      return {
        type: 'media',
        media: message.contentType as MediaKind,
        caption: str(media, 'caption'),
        fileName: str(media, 'filename', 'fileName'),
        url: str(media, 'url', 'link'),
      };
    case 'location': {
      const location = nested(attachment, 'location') ?? attachment;
      return {
        type: 'location',
        latitude: num(location, 'latitude', 'lat'),
        longitude: num(location, 'longitude', 'lng', 'lon'),
        name: str(location, 'name'),
        address: str(location, 'address'),
      };
    }
    case 'call':
      return callContent(attachment);
    case 'form':
      return { type: 'form', fields: formFields(attachment) };
    case 'email':
      return { type: 'email', subject: str(attachment, 'subject') ?? str(nested(attachment, 'email'), 'subject') };
    default: {
      const subject = str(attachment, 'subject');
      return subject ? { type: 'email', subject } : { type: 'other', contentType: message.contentType };
    }
  }
}
