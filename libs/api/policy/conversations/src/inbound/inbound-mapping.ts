import {
  Channel,
  ChannelProvider,
  MessageContentType,
  MessageDirection,
  PROVIDER_CHANNEL,
} from '@baton/shared/contracts';
import type { InboundPayload } from '@baton/api/domain/intake';

/** What one stored inbound event becomes on a case: the message(s) to record, in order. */
export interface CaseMessagePlan {
  channel: Channel;
  direction: MessageDirection;
  providerMessageId: string;
  contentType: MessageContentType;
  body: string;
  attachment: Record<string, unknown> | null;
  /** Mandatory-field candidates, used only while the case still lacks them. */
  requestText: string | null;
  requestType: string | null;
}

const CALL_TEXT: Record<string, string> = {
  answered: 'Answered call',
  missed: 'Missed call',
  abandoned: 'Abandoned call',
  voicemail: 'Voicemail',
};

/** The contact line shown on a case (mandatory field "contact"): the most useful way to reach the guest back. */
export function contactLine(payload: InboundPayload): string | null {
  const c = payload.contact;
  return c.phone ?? c.email ?? (c.whatsappId ? `+${c.whatsappId}` : null) ?? null;
}

/**
 * Maps a normalised inbound event to case messages. Pure, so the pipeline's decisions (what a missed call or a web
 * form becomes) are unit-tested without a database.
 */
export function planMessages(
  provider: ChannelProvider,
  externalId: string,
  payload: InboundPayload,
): CaseMessagePlan[] {
  const channel = PROVIDER_CHANNEL[provider];
  if (payload.call) {
    const call = payload.call;
    const base = {
      channel,
      contentType: MessageContentType.Call,
      attachment: { ...call },
      requestText: null,
      requestType: null,
    };
    const plans: CaseMessagePlan[] = [
      {
        ...base,
        direction: call.direction === 'out' ? MessageDirection.Outbound : MessageDirection.Inbound,
        providerMessageId: externalId,
        body: CALL_TEXT[call.outcome] ?? call.outcome,
      },
    ];
    // An answered inbound call is also the hotel's response (first response time, message rounds).
    if (call.direction === 'in' && call.outcome === 'answered') {
      plans.push({
        ...base,
        direction: MessageDirection.Outbound,
        providerMessageId: `${externalId}:answer`,
        body: call.agent ? `Answered by ${call.agent}` : 'Answered',
      });
    }
    return plans;
  }
  if (payload.form) {
    return [
      {
        channel,
        direction: MessageDirection.Inbound,
        providerMessageId: externalId,
        contentType: MessageContentType.Form,
        body: payload.form.requestText,
        attachment: { ...payload.form, utm: payload.utm ?? null },
        requestText: payload.form.requestText,
        requestType: payload.form.checkIn ? 'reservation' : null,
      },
    ];
  }
  const message = payload.message ?? { contentType: MessageContentType.Unknown, body: '' };
  const isEmail = provider === ChannelProvider.Email || provider === ChannelProvider.Ota;
  const attachment: Record<string, unknown> | null = isEmail
    ? { ...(message.attachment ?? {}), subject: payload.subject ?? null, otaReference: payload.otaReference ?? null }
    : (message.attachment ?? null);
  return [
    {
      channel,
      direction: MessageDirection.Inbound,
      providerMessageId: externalId,
      contentType: message.contentType,
      body: message.body,
      attachment,
      requestText: message.contentType === MessageContentType.Text && message.body.trim() ? message.body : null,
      requestType: provider === ChannelProvider.Ota ? 'ota' : null,
    },
  ];
}
