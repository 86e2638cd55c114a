import { Channel, ChannelProvider } from '@baton/shared/contracts';
import { BatonError, Mailer } from '@baton/api/core';
import { freePort } from '@baton/api/testing';
import { MetaGraphClient, OutboundSendError } from '../services/meta-graph.client';
import { OutboundSender } from '../services/outbound-sender';
import { IntakeServices, startGraphStub, startIntakeServices, testConfig as config } from './service-harness';

describe('OutboundSender against a local Graph API stub (medium)', () => {
  let h: IntakeServices;
  let stub: Awaited<ReturnType<typeof startGraphStub>>;
  beforeAll(async () => {
    h = await startIntakeServices();
    stub = await startGraphStub();
  });
  afterAll(async () => {
    await stub?.close();
    await h?.close();
  });

  describe('OutboundSender', () => {
    let sender: OutboundSender;
    const mailer = { configured: false, send: jest.fn() };
    const send = (hotelId: string, message: Parameters<OutboundSender['send']>[2]) =>
      h.transactions.runAsSystem('outbound', hotelId, (ctx) => sender.send(ctx, hotelId, message));
    const failureOf = async (promise: Promise<unknown>) => {
      try {
        await promise;
      } catch (error) {
        expect(error).toBeInstanceOf(OutboundSendError);
        const e = error as OutboundSendError;
        return { retryable: e.retryable, message: e.message };
      }
      throw new Error('expected an OutboundSendError');
    };

    beforeAll(async () => {
      sender = new OutboundSender(
        h.secrets,
        mailer as unknown as Mailer,
        new MetaGraphClient(config({ META_GRAPH_URL: `${stub.url}/v21.0/` })),
      );
      for (const [provider, externalId] of [
        [ChannelProvider.Instagram, '17841400000000001'],
        [ChannelProvider.Messenger, '100000000000101'],
      ] as const) {
        await h.asSystem([h.world.hotelA.id], (ctx) =>
          h.accounts.save(ctx, {
            hotelId: h.world.hotelA.id,
            provider,
            externalId,
            displayName: provider,
            appSecret: 'meta-app-secret',
            accessToken: `page-token-${provider}`,
          }),
        );
      }
    });
    beforeEach(() => {
      stub.requests.length = 0;
      stub.script.length = 0;
    });

    it('WhatsApp: POST /<phone_number_id>/messages with the opened token; returns messages[0].id', async () => {
      const result = await send(h.world.hotelA.id, {
        channel: Channel.WhatsApp,
        to: '+905321234567',
        body: 'Merhaba Ayşe Hanım 🌊',
      });
      expect(result).toEqual({ providerMessageId: 'wamid.out-1' });
      expect(stub.requests).toEqual([
        {
          path: '/v21.0/100000000000001/messages',
          authorization: 'Bearer token-100000000000001',
          body: {
            messaging_product: 'whatsapp',
            recipient_type: 'individual',
            to: '905321234567',
            type: 'text',
            text: { body: 'Merhaba Ayşe Hanım 🌊', preview_url: false },
          },
        },
      ]);
    });

    it('Messenger and Instagram: POST /<page or IG id>/messages with RESPONSE; returns message_id', async () => {
      stub.script.push(
        [200, { recipient_id: 'psid-1', message_id: 'm_out_1' }],
        [200, { recipient_id: 'igsid-1', message_id: 'ig_out_1' }],
      );
      expect(await send(h.world.hotelA.id, { channel: Channel.Messenger, to: 'psid-1', body: 'Merhaba' })).toEqual({
        providerMessageId: 'm_out_1',
      });
      expect(await send(h.world.hotelA.id, { channel: Channel.Instagram, to: 'igsid-1', body: 'Hello' })).toEqual({
        providerMessageId: 'ig_out_1',
      });
      expect(stub.requests.map((r) => [r.path, r.authorization, r.body])).toEqual([
        [
          '/v21.0/100000000000101/messages',
          'Bearer page-token-messenger',
          { recipient: { id: 'psid-1' }, messaging_type: 'RESPONSE', message: { text: 'Merhaba' } },
        ],
        [
          '/v21.0/17841400000000001/messages',
          'Bearer page-token-instagram',
          { recipient: { id: 'igsid-1' }, messaging_type: 'RESPONSE', message: { text: 'Hello' } },
        ],
      ]);
    });

    it('classifies failures: 4xx final with the provider message; 429, 5xx, rate-limit codes and network errors retryable', async () => {
      stub.script.push(
        [
          400,
          {
            error: {
              message: 'Invalid parameter',
              code: 100,
              error_data: { details: 'to is not a valid WhatsApp user' },
            },
          },
        ],
        [401, { error: { message: 'Error validating access token', code: 190 } }],
        [429, { error: { message: 'Too many calls' } }],
        [503, '<html>Service Unavailable</html>'],
        [400, { error: { message: 'Spam rate limit hit', code: 131048 } }],
        [200, { messaging_product: 'whatsapp', messages: [] }],
      );
      const wa = () => send(h.world.hotelA.id, { channel: Channel.WhatsApp, to: '905321234567', body: 'x' });
      expect(await failureOf(wa())).toEqual({
        retryable: false,
        message: 'Meta Graph API 400 (code 100): Invalid parameter: to is not a valid WhatsApp user',
      });
      expect(await failureOf(wa())).toEqual({
        retryable: false,
        message: 'Meta Graph API 401 (code 190): Error validating access token',
      });
      expect(await failureOf(wa())).toEqual({ retryable: true, message: 'Meta Graph API 429: Too many calls' });
      expect(await failureOf(wa())).toEqual({ retryable: true, message: 'Meta Graph API 503' });
      expect(await failureOf(wa())).toMatchObject({ retryable: true });
      expect(await failureOf(wa())).toEqual({
        retryable: false,
        message: 'The provider accepted the message but returned no message id',
      });
      const closedPort = await freePort();
      const down = new OutboundSender(
        h.secrets,
        mailer as unknown as Mailer,
        new MetaGraphClient(config({ META_GRAPH_URL: `http://127.0.0.1:${closedPort}` })),
      );
      const unreachable = await failureOf(
        h.transactions.runAsSystem('o', h.world.hotelA.id, (ctx) =>
          down.send(ctx, h.world.hotelA.id, { channel: Channel.WhatsApp, to: '1', body: 'x' }),
        ),
      );
      expect(unreachable).toEqual({ retryable: true, message: 'Meta Graph API unreachable: ECONNREFUSED' });
      const client = new MetaGraphClient(config({ META_GRAPH_URL: stub.url }));
      client.timeoutMs = 200;
      stub.script.push('hang');
      const slow = new OutboundSender(h.secrets, mailer as unknown as Mailer, client);
      const timedOut = await failureOf(
        h.transactions.runAsSystem('o', h.world.hotelA.id, (ctx) =>
          slow.send(ctx, h.world.hotelA.id, { channel: Channel.WhatsApp, to: '1', body: 'x' }),
        ),
      );
      expect(timedOut).toEqual({ retryable: true, message: 'Meta Graph API unreachable: timed out after 0.2 s' });
    });

    it('no account, no token, unsupported channels and unconfigured SMTP are final', async () => {
      expect(await failureOf(send(h.world.hotelB.id, { channel: Channel.Messenger, to: 'x', body: 'x' }))).toEqual({
        retryable: false,
        message: 'No active messenger account with an access token for this hotel',
      });
      expect(await failureOf(send(h.world.hotelA.id, { channel: Channel.Phone, to: 'x', body: 'x' }))).toEqual({
        retryable: false,
        message: 'Replies on phone are not sent by Baton',
      });
      expect(await failureOf(send(h.world.hotelA.id, { channel: Channel.Email, to: 'a@b.co', body: 'x' }))).toEqual({
        retryable: false,
        message: 'SMTP not configured',
      });
      expect(stub.requests).toEqual([]);
      await expect(
        h.transactions.runAsSystem('o', h.world.hotelB.id, (ctx) =>
          sender.send(ctx, h.world.hotelA.id, { channel: Channel.WhatsApp, to: '1', body: 'x' }),
        ),
      ).rejects.toBeInstanceOf(BatonError);
    });

    it('e-mail goes through the Mailer; an SMTP 5xx is final, a connection error retryable', async () => {
      mailer.configured = true;
      mailer.send.mockResolvedValueOnce({ delivered: true, messageId: '<abc@baton>' });
      expect(
        await send(h.world.hotelA.id, {
          channel: Channel.Email,
          to: 'guest@example.com',
          body: 'Merhaba',
          subject: 'Teklif',
        }),
      ).toEqual({
        providerMessageId: '<abc@baton>',
      });
      expect(mailer.send).toHaveBeenCalledWith({ to: 'guest@example.com', subject: 'Teklif', text: 'Merhaba' });
      mailer.send.mockRejectedValueOnce(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      expect(await failureOf(send(h.world.hotelA.id, { channel: Channel.Email, to: 'x@y.z', body: 'x' }))).toEqual({
        retryable: false,
        message: 'SMTP: Mailbox unavailable',
      });
      mailer.send.mockRejectedValueOnce(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET' }));
      expect(
        await failureOf(send(h.world.hotelA.id, { channel: Channel.Email, to: 'x@y.z', body: 'x' })),
      ).toMatchObject({
        retryable: true,
      });
      mailer.configured = false;
    });
  });
});
