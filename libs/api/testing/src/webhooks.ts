import { createHmac } from 'node:crypto';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** `sha256=<hex>` over the exact UTF-8 bytes of `body`: X-Hub-Signature-256 (Meta) and X-Baton-Signature (ours). */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(Buffer.from(body, 'utf8')).digest('hex')}`;
}

export interface WhatsAppTextMessage {
  phoneNumberId: string;
  from: string;
  name: string;
  id: string;
  text: string;
  /** Unix seconds; now by default. */
  timestamp?: number;
}

/** A WhatsApp Cloud API webhook body carrying one text message, as Meta sends it. */
export function whatsappTextWebhook(message: WhatsAppTextMessage): string {
  const timestamp = String(message.timestamp ?? Math.floor(Date.now() / 1000));
  return whatsappWebhook(message.phoneNumberId, {
    contacts: [{ profile: { name: message.name }, wa_id: message.from }],
    messages: [{ from: message.from, id: message.id, timestamp, type: 'text', text: { body: message.text } }],
  });
}

/** A WhatsApp Cloud API webhook body carrying one delivery status of an outbound message. */
export function whatsappStatusWebhook(phoneNumberId: string, wamid: string, status: string, at: number): string {
  return whatsappWebhook(phoneNumberId, {
    statuses: [{ id: wamid, status, timestamp: String(at), recipient_id: '905321112233' }],
  });
}

function whatsappWebhook(phoneNumberId: string, value: Record<string, unknown>): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'waba-1',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '902420000001', phone_number_id: phoneNumberId },
              ...value,
            },
          },
        ],
      },
    ],
  });
}

export interface GraphStubRequest {
  path: string;
  authorization: string | undefined;
  body: { to?: string; text?: { body?: string } };
}

export interface GraphStub {
  url: string;
  requests: GraphStubRequest[];
  /** Statuses to answer the next sends with, in order (then 200). */
  next: number[];
  close(): Promise<void>;
}

/**
 * A local stand-in for the Meta Graph API send endpoints: records each request and answers 200 with a new
 * `wamid.out-<n>` id, or the next scripted error status (5xx = transient, 4xx = "Invalid recipient").
 */
export async function startGraphStub(): Promise<GraphStub> {
  const requests: GraphStubRequest[] = [];
  const next: number[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      requests.push({
        path: req.url ?? '',
        authorization: req.headers.authorization,
        body: JSON.parse(raw || '{}') as GraphStubRequest['body'],
      });
      const status = next.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(
        status === 200
          ? JSON.stringify({ messaging_product: 'whatsapp', messages: [{ id: `wamid.out-${requests.length}` }] })
          : JSON.stringify({ error: { message: status >= 500 ? 'temporarily unavailable' : 'Invalid recipient' } }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    next,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
