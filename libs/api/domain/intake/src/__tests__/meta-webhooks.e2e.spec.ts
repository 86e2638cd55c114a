import { metaMessage, metaPayload, WA_NON_TEXT_MESSAGES, waMessage, waPayload } from './fixtures';
import {
  IG_A,
  IG_VERIFY_TOKEN,
  IntakeApi,
  PAGE_A,
  sign,
  startIntakeApi,
  VERIFY_TOKEN,
  WA_A,
  WA_B,
  WA_B_SECRET,
  WA_SECRET,
} from './webhook-harness';

describe('Meta webhooks: WhatsApp, Instagram, Messenger (e2e, real API and Postgres)', () => {
  let t: IntakeApi;
  beforeAll(async () => {
    t = await startIntakeApi();
  });
  afterAll(() => t?.close());

  describe('GET verification handshake', () => {
    const verify = (path: string, params: Record<string, string>) =>
      fetch(`${t.api.url}${path}?${new URLSearchParams(params).toString()}`);

    it('echoes hub.challenge as text/plain when the verify token matches an account of that provider', async () => {
      const res = await verify('/webhooks/whatsapp', {
        'hub.mode': 'subscribe',
        'hub.verify_token': VERIFY_TOKEN,
        'hub.challenge': '1158201444',
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await res.text()).toBe('1158201444');
      const ig = await verify('/webhooks/meta', {
        'hub.mode': 'subscribe',
        'hub.verify_token': IG_VERIFY_TOKEN,
        'hub.challenge': 'x',
      });
      expect([ig.status, await ig.text()]).toEqual([200, 'x']);
    });

    it('answers 403 for a wrong token, another provider’s token, or a wrong mode', async () => {
      for (const [path, params] of [
        ['/webhooks/whatsapp', { 'hub.mode': 'subscribe', 'hub.verify_token': 'wrong', 'hub.challenge': '1' }],
        ['/webhooks/whatsapp', { 'hub.mode': 'subscribe', 'hub.verify_token': IG_VERIFY_TOKEN, 'hub.challenge': '1' }],
        ['/webhooks/meta', { 'hub.mode': 'subscribe', 'hub.verify_token': VERIFY_TOKEN, 'hub.challenge': '1' }],
        ['/webhooks/whatsapp', { 'hub.mode': 'unsubscribe', 'hub.verify_token': VERIFY_TOKEN, 'hub.challenge': '1' }],
        ['/webhooks/whatsapp', {}],
      ] as const) {
        const res = await verify(path, params);
        expect(res.status).toBe(403);
        expect(await res.json()).toMatchObject({ error: 'verification_failed' });
      }
    });
  });

  describe('POST /webhooks/whatsapp', () => {
    it('stores one event per message, for the hotel of the route, with the normalised payload', async () => {
      const messages = [
        waMessage({ id: 'wamid.first', text: { body: 'Merhaba, şikayet için yazıyorum İĞÜŞÖÇ' } }),
        waMessage({ id: 'wamid.second', timestamp: '1767261660' }),
      ];
      const res = await t.postWhatsApp(waPayload({ messages }));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ received: true, stored: 2, duplicates: 0 });
      const rows = await t.events(`external_id LIKE 'wamid.first' OR external_id LIKE 'wamid.second'`);
      expect(rows.map((r) => [r.tenant_id, r.provider, r.external_id, r.account_id, r.kind])).toEqual([
        [t.world.hotelA.id, 'whatsapp', 'wamid.first', t.accountIds.waA, 'message'],
        [t.world.hotelA.id, 'whatsapp', 'wamid.second', t.accountIds.waA, 'message'],
      ]);
      expect(rows[0].payload).toEqual({
        raw: messages[0],
        contact: { displayName: 'Ayşe Yılmaz', whatsappId: '905321234567', phone: '+905321234567' },
        message: { contentType: 'text', body: 'Merhaba, şikayet için yazıyorum İĞÜŞÖÇ' },
      });
      expect(rows[1].occurred_at).toEqual(new Date(1767261660 * 1000));
    });

    it('verifies the raw bytes: an escaped-unicode, spaced body signed as sent is accepted', async () => {
      const body =
        '{ "object": "whatsapp_business_account", "entry": [ { "id": "1", "changes": [ { "field": "messages", "value": ' +
        `{ "metadata": { "phone_number_id": "${WA_A}" }, "messages": [ { "from": "905321234567", "id": "wamid.escaped", ` +
        '"timestamp": "1767261600", "type": "text", "text": { "body": "\\u015fikayet \\u0130\\u011e\\u00dc" } } ] } } ] } ] }';
      const res = await t.post('/webhooks/whatsapp', body, { 'x-hub-signature-256': sign(body, WA_SECRET) });
      expect(res.status).toBe(200);
      const [row] = await t.events(`external_id = 'wamid.escaped'`);
      expect(row.payload.message).toEqual({ contentType: 'text', body: 'şikayet İĞÜ' });
    });

    it('refuses a tampered body, a missing header and the wrong secret with 401, storing nothing', async () => {
      const before = await t.eventCount();
      const body = JSON.stringify(waPayload({ messages: [waMessage({ id: 'wamid.tampered' })] }));
      const signature = sign(body, WA_SECRET);
      const tampered = body.replace('fiyat', 'FIYAT');
      for (const res of [
        await t.post('/webhooks/whatsapp', tampered, { 'x-hub-signature-256': signature }),
        await t.post('/webhooks/whatsapp', body),
        await t.post('/webhooks/whatsapp', body, { 'x-hub-signature-256': sign(body, 'not-the-app-secret') }),
        await t.post('/webhooks/whatsapp', body, { 'x-hub-signature-256': signature.slice(7) }),
      ]) {
        expect(res.status).toBe(401);
        expect(await res.json()).toEqual({ error: 'invalid_signature', message: expect.any(String) });
      }
      expect(await t.eventCount()).toBe(before);
    });

    it('answers 404 for an unknown phone_number_id and for an inactive account', async () => {
      const res = await t.postWhatsApp(
        waPayload({ messages: [waMessage({ id: 'wamid.unknown' })] }, '199999999999999'),
      );
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: 'unknown_account', message: 'Unknown or inactive channel account' });
      const inactive = await t.post(
        '/intake/forms/old-web',
        JSON.stringify({ name: 'A', email: 'a@b.co', message: 'x' }),
      );
      expect(inactive.status).toBe(404);
      expect(await t.events(`external_id = 'wamid.unknown'`)).toHaveLength(0);
    });

    it('answers 400 for malformed JSON and for a payload of the wrong shape, 413 for an oversized body', async () => {
      const before = await t.eventCount();
      const broken = await t.post('/webhooks/whatsapp', '{"object": "whatsapp_business_account", ', {
        'x-hub-signature-256': sign('{', WA_SECRET),
      });
      expect(broken.status).toBe(400);
      expect(JSON.stringify(await broken.json())).toMatch(/JSON|Unexpected|Expected/);
      const shape = await t.postWhatsApp({ object: 'whatsapp_business_account', entry: 'nope' });
      expect(shape.status).toBe(400);
      expect(await shape.json()).toEqual({
        error: 'invalid_payload',
        message: 'entry must be an array',
        field: 'entry',
      });
      const missingId = await t.postWhatsApp(waPayload({ messages: [waMessage({ id: undefined })] }));
      expect([missingId.status, ((await missingId.json()) as { message: string }).message]).toEqual([
        400,
        'messages[0].id is required',
      ]);
      const huge = JSON.stringify(
        waPayload({ messages: [waMessage({ id: 'wamid.huge', text: { body: 'x'.repeat(300_000) } })] }),
      );
      const tooLarge = await t.post('/webhooks/whatsapp', huge, { 'x-hub-signature-256': sign(huge, WA_SECRET) });
      expect(tooLarge.status).toBe(413);
      expect(await t.eventCount()).toBe(before);
    });

    it('redelivery storm: the same signed payload 5× concurrently and once more stores exactly one row', async () => {
      const payload = waPayload({ messages: [waMessage({ id: 'wamid.storm' })] });
      const results = await Promise.all(Array.from({ length: 5 }, () => t.postWhatsApp(payload)));
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      const bodies = (await Promise.all(results.map((r) => r.json()))) as Array<{ stored: number; duplicates: number }>;
      expect(bodies.reduce((n, b) => n + b.stored, 0)).toBe(1);
      const again = await t.postWhatsApp(payload);
      expect([again.status, await again.json()]).toEqual([200, { received: true, stored: 0, duplicates: 1 }]);
      expect(await t.events(`external_id = 'wamid.storm'`)).toHaveLength(1);
    });

    it('stores each delivery status once, as status:<wamid>:<status>', async () => {
      const statuses = [
        { id: 'wamid.out-1', status: 'sent', timestamp: '1767261700', recipient_id: '905321234567' },
        { id: 'wamid.out-1', status: 'read', timestamp: '1767261800', recipient_id: '905321234567' },
      ];
      expect((await t.postWhatsApp(waPayload({ statuses, contacts: [] }))).status).toBe(200);
      expect((await t.postWhatsApp(waPayload({ statuses: statuses.slice(1), contacts: [] }))).status).toBe(200);
      const rows = await t.events(`kind = 'status'`);
      expect(rows.map((r) => [r.external_id, r.payload['status']])).toEqual([
        ['status:wamid.out-1:sent', { providerMessageId: 'wamid.out-1', status: 'sent' }],
        ['status:wamid.out-1:read', { providerMessageId: 'wamid.out-1', status: 'read' }],
      ]);
    });

    it('stores non-text messages with their media ids, captions and coordinates', async () => {
      const res = await t.postWhatsApp(waPayload({ messages: Object.values(WA_NON_TEXT_MESSAGES) }));
      expect(await res.json()).toMatchObject({ stored: Object.keys(WA_NON_TEXT_MESSAGES).length });
      const rows = await t.events(`external_id = ANY($1)`, [Object.values(WA_NON_TEXT_MESSAGES).map((m) => m['id'])]);
      const byType = Object.fromEntries(rows.map((r) => [r.payload.message?.['contentType'], r.payload.message]));
      expect(Object.keys(byType).sort()).toEqual(Object.keys(WA_NON_TEXT_MESSAGES).sort());
      expect(byType['image']).toMatchObject({ body: 'Odanın manzarası', attachment: { mediaId: 'media-image-1' } });
      expect(byType['location']).toMatchObject({ attachment: { latitude: 36.8569, longitude: 31.0456 } });
    });

    it('one POST for two hotels’ numbers: each account’s secret is checked, items go to their own hotel', async () => {
      const two = {
        object: 'whatsapp_business_account',
        entry: [
          ...(waPayload({ messages: [waMessage({ id: 'wamid.multi-a' })] })['entry'] as unknown[]),
          ...(waPayload({ messages: [waMessage({ id: 'wamid.multi-b' })] }, WA_B)['entry'] as unknown[]),
        ],
      };
      // Signed with hotel A's secret only: hotel B's account does not verify → nothing stored at all.
      expect((await t.postWhatsApp(two)).status).toBe(401);
      expect(await t.events(`external_id LIKE 'wamid.multi-%'`)).toHaveLength(0);
      // Hotel B alone, signed with its own secret: stored for hotel B.
      const onlyB = waPayload({ messages: [waMessage({ id: 'wamid.multi-b' })] }, WA_B);
      expect((await t.postWhatsApp(onlyB, WA_B_SECRET)).status).toBe(200);
      const rows = await t.events(`external_id LIKE 'wamid.multi-%'`);
      expect(rows.map((r) => [r.external_id, r.tenant_id, r.account_id])).toEqual([
        ['wamid.multi-b', t.world.hotelB.id, t.accountIds.waB],
      ]);
    });
  });

  describe('POST /webhooks/meta', () => {
    it('stores Instagram and Messenger messages with their sender ids; echoes are ignored', async () => {
      const ig = metaPayload('instagram', IG_A, [metaMessage(IG_A, 'ig-mid-1', { text: 'Oda fiyatı?' })]);
      expect(await (await t.postMeta(ig)).json()).toEqual({ received: true, stored: 1, duplicates: 0 });
      const page = metaPayload('page', PAGE_A, [
        metaMessage(PAGE_A, 'fb-mid-1', {
          attachments: [{ type: 'image', payload: { url: 'https://cdn.example/a.jpg' } }],
        }),
        metaMessage('6254871234567890', 'fb-echo', { text: 'our reply', is_echo: true }, PAGE_A),
      ]);
      expect(await (await t.postMeta(page)).json()).toEqual({ received: true, stored: 1, duplicates: 0 });
      const rows = await t.events(`provider IN ('instagram', 'messenger')`);
      expect(rows.map((r) => [r.provider, r.external_id, r.account_id, r.payload.contact])).toEqual([
        ['messenger', 'fb-mid-1', t.accountIds.pageA, { messengerId: '6254871234567890' }],
        ['instagram', 'ig-mid-1', t.accountIds.igA, { instagramId: '6254871234567890' }],
      ]);
      expect(rows[0].payload.message).toEqual({
        contentType: 'image',
        body: '',
        attachment: { attachments: [{ type: 'image', url: 'https://cdn.example/a.jpg' }] },
      });
    });

    it('401 with the WhatsApp secret, 404 for an unknown page, 400 for another object', async () => {
      const page = metaPayload('page', PAGE_A, [metaMessage(PAGE_A, 'fb-mid-2', { text: 'x' })]);
      expect((await t.postMeta(page, WA_SECRET)).status).toBe(401);
      const unknown = metaPayload('page', '999', [metaMessage('999', 'fb-mid-3', { text: 'x' })]);
      expect((await t.postMeta(unknown)).status).toBe(404);
      expect((await t.postMeta({ object: 'user', entry: [] })).status).toBe(400);
      expect(await t.events(`external_id IN ('fb-mid-2', 'fb-mid-3')`)).toHaveLength(0);
    });
  });
});
