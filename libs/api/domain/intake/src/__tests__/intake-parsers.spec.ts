import { ChannelProvider, InboundKind, MessageContentType } from '@baton/shared/contracts';
import { parseCallLog, parseGenericMessages, parseWebForm } from '../parsers';
import { payloadError } from './fixtures';

describe('web form parser', () => {
  const at = new Date('2026-01-01T10:00:30Z');
  const valid = {
    name: 'Ayşe Yılmaz',
    phone: '0532 123 45 67',
    email: 'Ayse@Example.com',
    message: 'Temmuz için 2 oda',
    checkIn: '2026-07-01',
    checkOut: '2026-07-05',
    adults: '2',
    children: 1,
    utm_source: 'google',
    utmCampaign: 'yaz-2026',
    website: '',
  };

  it('normalises the contact (TR phone → E.164, lower-case e-mail), the stay and the UTM fields', () => {
    const result = parseWebForm('blk-web', valid, at);
    expect(result.spam).toBe(false);
    const item = result.spam ? null : result.item;
    expect(item).toMatchObject({
      kind: InboundKind.Form,
      occurredAt: at,
      accountExternalId: 'blk-web',
      payload: {
        raw: valid,
        contact: { displayName: 'Ayşe Yılmaz', phone: '+905321234567', email: 'ayse@example.com' },
        form: {
          requestText: 'Temmuz için 2 oda',
          checkIn: '2026-07-01',
          checkOut: '2026-07-05',
          adults: 2,
          children: 1,
        },
        utm: { source: 'google', campaign: 'yaz-2026' },
      },
    });
    expect(item?.externalId).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the same submission in the same minute has the same id (double click); another minute or field differs', () => {
    const id = (fields: Record<string, unknown>, when: Date) => {
      const r = parseWebForm('blk-web', fields, when);
      return r.spam ? null : r.item.externalId;
    };
    const first = id(valid, at);
    expect(id({ ...valid, message: '  Temmuz   için 2 oda ' }, new Date('2026-01-01T10:00:59Z'))).toBe(first);
    expect(id(valid, new Date('2026-01-01T10:01:00Z'))).not.toBe(first);
    expect(id({ ...valid, message: 'Ağustos' }, at)).not.toBe(first);
    expect(id(valid, at)).not.toBe(
      (() => {
        const r = parseWebForm('sde-web', valid, at);
        return r.spam ? null : r.item.externalId;
      })(),
    );
    expect(id({ ...valid, submissionId: 'abc-123' }, at)).toBe('blk-web:abc-123');
  });

  it('a filled honeypot is spam (nothing else is checked)', () => {
    expect(parseWebForm('blk-web', { website: 'http://spam.example' }, at)).toEqual({ spam: true });
  });

  it.each([
    [{ name: '' }, 'name', 'name is required'],
    [{ phone: undefined, email: undefined }, 'phone', 'phone or email is required'],
    [{ phone: '12' }, 'phone', 'phone is not a valid phone number'],
    [{ email: 'not-an-email' }, 'email', 'email is not a valid e-mail address'],
    [{ message: '   ' }, 'message', 'message is required'],
    [{ checkIn: '01.07.2026' }, 'checkIn', 'checkIn must be an ISO date (YYYY-MM-DD)'],
    [{ checkIn: '2026-02-30' }, 'checkIn', 'checkIn must be an ISO date (YYYY-MM-DD)'],
    [{ checkOut: '2026-07-01' }, 'checkOut', 'checkOut must be after checkIn'],
    [{ adults: 'two' }, 'adults', 'adults must be a whole number from 1 to 50'],
    [{ children: -1 }, 'children', 'children must be a whole number from 0 to 20'],
  ])('refuses %j naming the field', (override, field, message) => {
    const error = payloadError(() => parseWebForm('blk-web', { ...valid, ...override }, at));
    expect([error.field, error.message]).toEqual([field, message]);
  });

  it('an e-mail alone or a phone alone is enough', () => {
    expect(parseWebForm('blk-web', { ...valid, phone: undefined }, at).spam).toBe(false);
    expect(parseWebForm('blk-web', { ...valid, email: '' }, at).spam).toBe(false);
  });
});

describe('generic message and call-log parsers', () => {
  const now = new Date('2026-01-01T12:00:00Z');

  it('e-mail: externalId required, sender normalised, subject and OTA reference kept', () => {
    const body = {
      externalId: '<CAF=abc@mail.example>',
      sender: { name: 'Hans Müller', email: 'Hans@Example.de', phone: '+49 30 1234567' },
      subject: 'Anfrage Juli',
      body: 'Guten Tag, haben Sie ein Zimmer frei?',
      otaReference: 'BDC-4711',
      receivedAt: '2026-01-01T09:15:00+03:00',
    };
    const [item] = parseGenericMessages(ChannelProvider.Email, 'blk-mail', body, now);
    expect(item).toEqual({
      kind: InboundKind.Email,
      externalId: '<CAF=abc@mail.example>',
      occurredAt: new Date('2026-01-01T06:15:00Z'),
      accountExternalId: 'blk-mail',
      payload: {
        raw: body,
        contact: { displayName: 'Hans Müller', email: 'hans@example.de', phone: '+49301234567' },
        message: {
          contentType: MessageContentType.Email,
          body: 'Guten Tag, haben Sie ein Zimmer frei?',
          attachment: { subject: 'Anfrage Juli', otaReference: 'BDC-4711' },
        },
        subject: 'Anfrage Juli',
        otaReference: 'BDC-4711',
      },
    });
  });

  it('OTA: a message kind, receivedAt defaults to now; batches are accepted; errors name the field', () => {
    const items = parseGenericMessages(
      ChannelProvider.Ota,
      'blk-ota',
      [
        { externalId: 'ota-1', sender: { name: 'Guest' }, body: 'Late check-in?' },
        { externalId: 'ota-2', sender: { name: 'Guest' }, body: 'Parking?' },
      ],
      now,
    );
    expect(items.map((i) => [i.kind, i.externalId, i.occurredAt, i.payload.message?.contentType])).toEqual([
      [InboundKind.Message, 'ota-1', now, MessageContentType.Text],
      [InboundKind.Message, 'ota-2', now, MessageContentType.Text],
    ]);
    const err = (body: unknown) => payloadError(() => parseGenericMessages(ChannelProvider.Email, 'k', body, now));
    expect(err({ sender: { name: 'x' }, body: 'y' }).message).toBe('externalId is required');
    expect(err({ externalId: '1', sender: {}, body: 'y' }).message).toBe('sender needs a name, email or phone');
    expect(err({ externalId: '1', sender: { name: 'x' } }).message).toBe('body is required');
    expect(err({ externalId: '1', sender: { phone: 'abc' }, body: 'y' }).field).toBe('sender.phone');
    expect(err({ externalId: '1', sender: { name: 'x' }, body: 'y', receivedAt: 'dün' }).field).toBe('receivedAt');
    expect(err([]).message).toBe('body must be an object or an array of 1 to 500 objects');
  });

  it('call log: a missed incoming call is a lead with the caller as contact', () => {
    const body = {
      callId: 'call-1',
      callerNumber: '0532 111 22 33',
      calledNumber: '+902420000001',
      direction: 'in',
      startedAt: '2026-01-01T09:00:00Z',
      durationSeconds: 0,
      outcome: 'missed',
    };
    expect(parseCallLog('blk-pbx', body)).toEqual([
      {
        kind: InboundKind.Call,
        externalId: 'call-1',
        occurredAt: new Date('2026-01-01T09:00:00Z'),
        accountExternalId: 'blk-pbx',
        payload: {
          raw: body,
          contact: { phone: '+905321112233' },
          call: { direction: 'in', startedAt: '2026-01-01T09:00:00.000Z', durationSeconds: 0, outcome: 'missed' },
        },
      },
    ]);
  });

  it('call log: an outgoing answered call uses the called number; fields are validated', () => {
    const [item] = parseCallLog('blk-pbx', {
      callId: 'call-2',
      callerNumber: '+902420000001',
      calledNumber: '+905321112233',
      direction: 'out',
      startedAt: '2026-01-01T09:00:00Z',
      answeredAt: '2026-01-01T09:00:05Z',
      durationSeconds: 125,
      agent: 'Elif',
      outcome: 'answered',
      recordingRef: 'rec/2026/01/01/call-2.wav',
    });
    expect(item.payload.contact).toEqual({ phone: '+905321112233' });
    expect(item.payload.call).toMatchObject({
      direction: 'out',
      durationSeconds: 125,
      agent: 'Elif',
      recordingRef: 'rec/2026/01/01/call-2.wav',
    });
    const base = {
      callId: 'c',
      callerNumber: '05321112233',
      direction: 'in',
      startedAt: '2026-01-01T09:00:00Z',
      outcome: 'missed',
    };
    const err = (over: Record<string, unknown>) => payloadError(() => parseCallLog('k', { ...base, ...over }));
    expect(err({ callId: undefined }).message).toBe('callId is required');
    expect(err({ direction: 'sideways' }).field).toBe('direction');
    expect(err({ outcome: 'busy' }).message).toBe('outcome must be one of: answered, missed, abandoned, voicemail');
    expect(err({ durationSeconds: -5 }).field).toBe('durationSeconds');
    expect(err({ callerNumber: undefined }).message).toBe('callerNumber is required');
    expect(err({ startedAt: 'now' }).field).toBe('startedAt');
  });
});
