import { startTestApi } from '@baton/api/testing';
import { INTAKE_SECRET, IntakeApi, sign, startIntakeApi } from './webhook-harness';

describe('intake endpoints: web form, messages, calls (e2e, real API and Postgres)', () => {
  let t: IntakeApi;
  beforeAll(async () => {
    t = await startIntakeApi({ WEBFORM_RATE_PER_MINUTE: '1000' });
  });
  afterAll(() => t?.close());

  describe('POST /intake/forms/:formKey', () => {
    const form = {
      name: 'Ayşe Yılmaz',
      phone: '0532 123 45 67',
      email: 'ayse@example.com',
      message: 'Temmuz için iki oda, deniz manzaralı',
      checkIn: '2026-07-01',
      checkOut: '2026-07-05',
      adults: 2,
      utm_source: 'google',
      utm_campaign: 'yaz-2026',
    };
    const submit = (body: Record<string, unknown>, key = 'blk-web') =>
      t.post(`/intake/forms/${key}`, JSON.stringify(body));

    it('stores a valid submission (201), once per minute for a double click, and urlencoded works too', async () => {
      const res = await submit({ ...form, submissionId: 'sub-1' });
      expect([res.status, await res.json()]).toEqual([201, { received: true }]);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect((await submit({ ...form, submissionId: 'sub-1' })).status).toBe(201);
      const [row] = await t.events(`external_id = 'blk-web:sub-1'`);
      expect(row).toMatchObject({
        tenant_id: t.world.hotelA.id,
        provider: 'webform',
        kind: 'form',
        account_id: t.accountIds.formA,
      });
      expect(row.payload).toMatchObject({
        contact: { displayName: 'Ayşe Yılmaz', phone: '+905321234567', email: 'ayse@example.com' },
        form: {
          requestText: 'Temmuz için iki oda, deniz manzaralı',
          checkIn: '2026-07-01',
          checkOut: '2026-07-05',
          adults: 2,
        },
        utm: { source: 'google', campaign: 'yaz-2026' },
      });
      const urlencoded = new URLSearchParams({
        name: 'Mehmet',
        email: 'mehmet@example.com',
        message: 'Fiyat?',
        utmSource: 'fb',
      });
      const res2 = await fetch(`${t.api.url}/intake/forms/blk-web`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: urlencoded.toString(),
      });
      expect(res2.status).toBe(201);
      const hashed = await t.events(`provider = 'webform' AND payload->'contact'->>'displayName' = 'Mehmet'`);
      expect(hashed).toHaveLength(1);
      expect(hashed[0].external_id).toMatch(/^[0-9a-f]{64}$/);
      expect(hashed[0].payload['utm']).toEqual({ source: 'fb' });
    });

    it.each([
      [{ name: undefined }, 'name'],
      [{ phone: undefined, email: undefined }, 'phone'],
      [{ phone: '123' }, 'phone'],
      [{ email: 'ayse@' }, 'email'],
      [{ message: '' }, 'message'],
      [{ checkIn: '07/01/2026' }, 'checkIn'],
      [{ checkOut: '2026-06-30' }, 'checkOut'],
    ])('answers 400 naming the field for %j', async (override, field) => {
      const before = await t.eventCount();
      const res = await submit({ ...form, ...override });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: string; field: string; message: string };
      expect(body).toMatchObject({ error: 'invalid_payload', field });
      expect(body.message).toContain(field);
      expect(await t.eventCount()).toBe(before);
    });

    it('a filled honeypot gets the same 201 and stores nothing; an unknown form is 404', async () => {
      const before = await t.eventCount();
      const res = await submit({ ...form, website: 'http://cheap-pills.example' });
      expect([res.status, await res.json()]).toEqual([201, { received: true }]);
      expect(await t.eventCount()).toBe(before);
      expect((await submit(form, 'no-such-form')).status).toBe(404);
    });

    it('rate-limits per client IP (WEBFORM_RATE_PER_MINUTE=3 → the 4th is 429 with Retry-After)', async () => {
      const limited = await startTestApi({ db: t.api.db, env: { WEBFORM_RATE_PER_MINUTE: '3' } });
      try {
        const statuses: number[] = [];
        let last: Response | null = null;
        for (let i = 0; i < 4; i++) {
          last = await fetch(`${limited.url}/intake/forms/blk-web`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ ...form, submissionId: `rl-${i}` }),
          });
          statuses.push(last.status);
        }
        expect(statuses).toEqual([201, 201, 201, 429]);
        expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(await last!.json()).toMatchObject({ error: 'rate_limited' });
        expect(await t.events(`external_id LIKE 'blk-web:rl-%'`)).toHaveLength(3);
      } finally {
        await limited.close();
      }
    });
  });

  describe('POST /intake/messages/:accountKey and /intake/calls/:accountKey (X-Baton-Signature)', () => {
    const signed = (path: string, payload: unknown, secret = INTAKE_SECRET) => {
      const body = JSON.stringify(payload);
      return t.post(path, body, { 'x-baton-signature': sign(body, secret) });
    };
    const email = {
      externalId: '<m1@mail.example>',
      sender: { name: 'Hans Müller', email: 'hans@example.de' },
      subject: 'Anfrage',
      body: 'Haben Sie ein Zimmer frei?',
      receivedAt: '2026-01-01T09:00:00Z',
    };

    it('stores an e-mail and an OTA message once each, for the provider of the account key', async () => {
      expect(await (await signed('/intake/messages/blk-mail', email)).json()).toEqual({
        received: true,
        stored: 1,
        duplicates: 0,
      });
      expect(await (await signed('/intake/messages/blk-mail', email)).json()).toEqual({
        received: true,
        stored: 0,
        duplicates: 1,
      });
      const ota = {
        externalId: 'bdc-msg-1',
        sender: { name: 'Jane Doe' },
        body: 'Late arrival',
        otaReference: 'BDC-4711',
      };
      expect((await signed('/intake/messages/blk-ota', ota)).status).toBe(200);
      const rows = await t.events(`provider IN ('email', 'ota')`);
      expect(rows.map((r) => [r.provider, r.kind, r.external_id, r.account_id])).toEqual([
        ['email', 'email', '<m1@mail.example>', t.accountIds.mailA],
        ['ota', 'message', 'bdc-msg-1', t.accountIds.otaA],
      ]);
      expect(rows[1].payload).toMatchObject({ otaReference: 'BDC-4711', contact: { displayName: 'Jane Doe' } });
    });

    it('stores calls, a missed one included; refuses bad signatures, unknown keys and bad fields', async () => {
      const missed = {
        callId: 'pbx-call-1',
        callerNumber: '0532 111 22 33',
        calledNumber: '+902420000001',
        direction: 'in',
        startedAt: '2026-01-01T09:00:00Z',
        durationSeconds: 0,
        outcome: 'missed',
      };
      const answered = { ...missed, callId: 'pbx-call-2', outcome: 'answered', durationSeconds: 95, agent: 'Elif' };
      expect(await (await signed('/intake/calls/blk-pbx', [missed, answered])).json()).toEqual({
        received: true,
        stored: 2,
        duplicates: 0,
      });
      const rows = await t.events(`provider = 'pbx'`);
      expect(
        rows.map((r) => [r.external_id, r.kind, r.payload.contact, (r.payload['call'] as { outcome: string }).outcome]),
      ).toEqual([
        ['pbx-call-1', 'call', { phone: '+905321112233' }, 'missed'],
        ['pbx-call-2', 'call', { phone: '+905321112233' }, 'answered'],
      ]);
      const before = await t.eventCount();
      const third = { ...missed, callId: 'pbx-call-3' };
      expect((await signed('/intake/calls/blk-pbx', third, 'wrong-secret')).status).toBe(401);
      expect((await t.post('/intake/calls/blk-pbx', JSON.stringify(third))).status).toBe(401);
      expect((await signed('/intake/calls/nope-pbx', third)).status).toBe(404);
      expect((await signed('/intake/calls/blk-mail', third)).status).toBe(404); // an e-mail key is not a PBX
      const bad = await signed('/intake/calls/blk-pbx', { ...third, outcome: 'busy' });
      expect([bad.status, ((await bad.json()) as { field: string }).field]).toEqual([400, 'outcome']);
      const noId = await signed('/intake/messages/blk-mail', { ...email, externalId: undefined });
      expect([noId.status, ((await noId.json()) as { message: string }).message]).toEqual([
        400,
        'externalId is required',
      ]);
      expect(await t.eventCount()).toBe(before);
    });
  });

  it('counts stored, duplicate and rejected items on /metrics', async () => {
    const text = await (await fetch(`${t.api.url}/metrics`)).text();
    const value = (labels: string) =>
      Number(new RegExp(`^baton_intake_events_total\\{${labels}\\} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
    expect(value('provider="pbx",outcome="stored"')).toBeGreaterThan(0);
    expect(value('provider="email",outcome="duplicate"')).toBeGreaterThan(0);
    expect(value('provider="webform",outcome="rejected"')).toBeGreaterThan(0);
  });
});
