import { randomUUID } from 'node:crypto';
import { Channel } from '@baton/shared/contracts';
import type { PlannedCase } from './traffic-plan';

/** Row builders for the bulk INSERTs of traffic-seed.ts (column lists next to the values they line up with). */

export const at = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

export const CASE_COLUMNS = [
  'tenant_id',
  'id',
  'number',
  'guest_id',
  'status',
  'request_type',
  'priority',
  'source',
  'channel',
  'campaign_id',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_content',
  'labels',
  'owner_id',
  'team',
  'guest_name',
  'contact',
  'request_text',
  'message_rounds',
  'first_response_at',
  'first_response_seconds',
  'last_inbound_at',
  'last_outbound_at',
  'waiting_since',
  'lost_reason',
  'closed_at',
  'created_at',
  'updated_at',
];

export function caseRow(tenant: string, c: PlannedCase): unknown[] {
  const p = c.played;
  const firstResponseSeconds = p.firstResponseAt === null ? null : Math.round((p.firstResponseAt - c.createdAt) / 1000);
  return [
    tenant,
    c.id,
    c.number,
    c.guest.id,
    p.status,
    c.requestType,
    c.priority,
    c.source,
    c.channel,
    c.campaignId,
    c.utm?.source ?? null,
    c.utm?.medium ?? null,
    c.utm?.campaign ?? null,
    c.utm?.content ?? null,
    c.labels,
    p.owner?.id ?? null,
    p.team,
    p.fields.guestName,
    p.fields.contact,
    p.fields.requestText,
    p.messageRounds,
    at(p.firstResponseAt),
    firstResponseSeconds,
    at(p.lastInboundAt),
    at(p.lastOutboundAt),
    at(p.waitingSince),
    p.lostReason,
    at(p.closedAt),
    at(c.createdAt),
    at(p.updatedAt),
  ];
}

export const MESSAGE_COLUMNS = [
  'tenant_id',
  'id',
  'case_id',
  'direction',
  'channel',
  'content_type',
  'body',
  'attachment',
  'provider_message_id',
  'author_id',
  'author_name',
  'occurred_at',
  'delivery_status',
  'delivery_updated_at',
  'attempts',
  'created_at',
];

/** Provider message ids look like each provider's own (unique per hotel and channel, as the app requires). */
function providerId(channel: Channel, code: string, n: number): string {
  const seq = `${code.toLowerCase()}${String(n).padStart(7, '0')}`;
  switch (channel) {
    case Channel.WhatsApp:
      return `wamid.HBgMOTA1${seq.toUpperCase()}`;
    case Channel.Instagram:
    case Channel.Messenger:
      return `m_${seq}`;
    case Channel.Email:
    case Channel.Ota:
      return `<${seq}@mail.demo.baton>`;
    case Channel.Phone:
      return `pbx-${seq}`;
    case Channel.WebForm:
      return `form-${seq}`;
  }
}

export function messageRows(tenant: string, code: string, cases: PlannedCase[]): unknown[][] {
  let n = 0;
  return cases.flatMap((c) => {
    let previousId: string | null = null;
    return c.played.messages.map((m) => {
      n += 1;
      const answer = m.direction === 'outbound' && m.body.startsWith('Answered by') && previousId !== null;
      const pmid: string = answer ? `${previousId}:answer` : providerId(m.channel, code, n);
      previousId = pmid;
      return [
        tenant,
        randomUUID(),
        c.id,
        m.direction,
        m.channel,
        m.contentType,
        m.body,
        m.attachment ? JSON.stringify(m.attachment) : null,
        pmid,
        m.author?.id ?? null,
        m.author?.name ?? null,
        at(m.at),
        m.deliveryStatus,
        at(m.deliveryAt),
        m.direction === 'outbound' && m.deliveryStatus ? 1 : 0,
        at(m.at),
      ];
    });
  });
}
