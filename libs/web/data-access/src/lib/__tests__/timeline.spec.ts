import type { CaseHandoff, CaseMessage, CaseNote, CaseTransition } from '../cases';
import { buildTimeline, describeMessage } from '../timeline';

function message(overrides: Partial<CaseMessage> = {}): CaseMessage {
  return {
    id: 'm-1',
    caseId: 'c-1',
    direction: 'inbound',
    channel: 'whatsapp',
    contentType: 'text',
    body: 'Merhaba',
    attachment: null,
    providerMessageId: null,
    authorName: null,
    occurredAt: '2025-06-01T10:00:00Z',
    deliveryStatus: null,
    deliveryUpdatedAt: null,
    attempts: 0,
    lastError: null,
    ...overrides,
  };
}

const transition = (overrides: Partial<CaseTransition> = {}): CaseTransition => ({
  id: 't-1',
  fromStatus: null,
  toStatus: 'new',
  reason: null,
  actorName: null,
  occurredAt: '2025-06-01T10:00:00Z',
  ...overrides,
});

const note = (overrides: Partial<CaseNote> = {}): CaseNote => ({
  id: 'n-1',
  caseId: 'c-1',
  authorName: 'Ayşe',
  body: 'Aradım',
  createdAt: '2025-06-01T10:05:00Z',
  ...overrides,
});

const handoff = (overrides: Partial<CaseHandoff> = {}): CaseHandoff => ({
  id: 'h-1',
  caseId: 'c-1',
  fromTeam: null,
  fromChannel: null,
  toTeam: 'sales',
  toChannel: null,
  reason: 'manual',
  note: null,
  requestedAt: '2025-06-01T10:10:00Z',
  requestedByName: null,
  acceptedAt: null,
  acceptedByName: null,
  secondsToAccept: null,
  ...overrides,
});

describe('buildTimeline', () => {
  it('merges every kind oldest first, across channels', () => {
    const entries = buildTimeline({
      messages: [
        message({ id: 'm2', channel: 'email', occurredAt: '2025-06-01T10:20:00Z' }),
        message({ id: 'm1', occurredAt: '2025-06-01T10:00:00Z' }),
      ],
      transitions: [transition({ id: 't1', occurredAt: '2025-06-01T10:00:00Z' })],
      handoffs: [handoff({ acceptedAt: '2025-06-01T10:15:00Z' })],
      notes: [note()],
    });
    expect(entries.map((e) => e.id)).toEqual(['t:t1', 'm:m1', 'n:n-1', 'h:h-1', 'a:h-1', 'm:m2']);
  });

  it('puts a status change before a message of the same instant and is stable', () => {
    const at = '2025-06-01T10:00:00Z';
    const source = {
      messages: [message({ id: 'b', occurredAt: at }), message({ id: 'a', occurredAt: at })],
      transitions: [transition({ occurredAt: at })],
      handoffs: [],
      notes: [],
    };
    expect(buildTimeline(source).map((e) => e.id)).toEqual(['t:t-1', 'm:a', 'm:b']);
  });
});

describe('describeMessage', () => {
  it('flags missed calls, with or without an explicit flag', () => {
    expect(describeMessage({ contentType: 'call', attachment: '{"status":"missed","from":"+905321112233"}' })).toEqual({
      type: 'call',
      missed: true,
      durationSeconds: null,
      from: '+905321112233',
    });
    expect(describeMessage({ contentType: 'call', attachment: '{"missed":true}' })).toMatchObject({ missed: true });
    expect(
      describeMessage({
        contentType: 'call',
        attachment: '{"direction":"in","durationSeconds":0,"outcome":"abandoned"}',
      }),
    ).toMatchObject({ missed: true });
    expect(
      describeMessage({
        contentType: 'call',
        attachment: '{"direction":"in","durationSeconds":0,"outcome":"answered"}',
      }),
    ).toMatchObject({ missed: false });
    expect(describeMessage({ contentType: 'call', attachment: '{"durationSeconds":95}' })).toMatchObject({
      missed: false,
      durationSeconds: 95,
    });
  });

  it('reads media, location, form fields and e-mail subjects', () => {
    expect(describeMessage({ contentType: 'image', attachment: '{"mediaId":"1","caption":"Oda"}' })).toMatchObject({
      type: 'media',
      media: 'image',
      caption: 'Oda',
    });
    expect(
      describeMessage({ contentType: 'location', attachment: '{"latitude":41.0,"longitude":28.9,"name":"Otel"}' }),
    ).toMatchObject({ type: 'location', latitude: 41, longitude: 28.9, name: 'Otel' });
    expect(
      describeMessage({ contentType: 'form', attachment: '{"name":"Ayşe","adults":2,"email":"","utm":null}' }),
    ).toEqual({
      type: 'form',
      fields: [
        { name: 'name', value: 'Ayşe' },
        { name: 'adults', value: '2' },
      ],
    });
    expect(describeMessage({ contentType: 'form', attachment: '{"fields":{"Ad":"Ayşe","Kişi":2}}' })).toEqual({
      type: 'form',
      fields: [
        { name: 'Ad', value: 'Ayşe' },
        { name: 'Kişi', value: '2' },
      ],
    });
    expect(describeMessage({ contentType: 'email', attachment: '{"subject":"Rezervasyon"}' })).toEqual({
      type: 'email',
      subject: 'Rezervasyon',
    });
  });

  it('degrades to text or other on missing or broken attachments', () => {
    expect(describeMessage({ contentType: 'text', attachment: null })).toEqual({ type: 'text' });
    expect(describeMessage({ contentType: 'contacts', attachment: 'not json' })).toEqual({
      type: 'other',
      contentType: 'contacts',
    });
  });
});
