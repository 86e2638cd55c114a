import { Injectable } from '@nestjs/common';
import { Channel, ChannelProvider } from '@baton/shared/contracts';
import { isUuid, Mailer, RequestContext, SecretBox } from '@baton/api/core';
import { ChannelAccountEntity } from '../entities/channel-account.entity';
import { isRecord } from '../parsers/parse-utils';
import { MetaGraphClient, OutboundSendError } from './meta-graph.client';

export interface OutboundMessage {
  channel: Channel;
  /** wa_id / phone digits (WhatsApp), PSID (Messenger), IGSID (Instagram) or e-mail address. */
  to: string;
  body: string;
  subject?: string;
  /** The account to send from (e.g. the one the guest wrote to); default: the hotel's first active account. */
  accountId?: string;
}

const SENDING_PROVIDER: Partial<Record<Channel, ChannelProvider>> = {
  [Channel.WhatsApp]: ChannelProvider.WhatsApp,
  [Channel.Instagram]: ChannelProvider.Instagram,
  [Channel.Messenger]: ChannelProvider.Messenger,
};

function messageId(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Sends a reply through the hotel's provider account (the worker calls it for queued case messages). Throws
 * OutboundSendError: retryable for timeouts, network errors, 429 and 5xx; not retryable for other provider refusals,
 * missing accounts or tokens, and unsupported channels.
 */
@Injectable()
export class OutboundSender {
  constructor(
    private readonly secrets: SecretBox,
    private readonly mailer: Mailer,
    private readonly graph: MetaGraphClient,
  ) {}

  async send(ctx: RequestContext, hotelId: string, message: OutboundMessage): Promise<{ providerMessageId: string }> {
    ctx.assertInScope(hotelId);
    if (message.channel === Channel.Email) {
      return this.sendEmail(message);
    }
    const provider = SENDING_PROVIDER[message.channel];
    if (!provider) {
      throw new OutboundSendError(`Replies on ${message.channel} are not sent by Baton`, false);
    }
    const { externalId, token } = await this.account(ctx, hotelId, provider, message.accountId);
    if (provider === ChannelProvider.WhatsApp) {
      const res = await this.graph.postMessage(externalId, token, {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: message.to.replace(/^\+/, ''),
        type: 'text',
        text: { body: message.body, preview_url: false },
      });
      const first: unknown = Array.isArray(res['messages']) ? res['messages'][0] : undefined;
      return this.result(isRecord(first) ? messageId(first['id']) : undefined);
    }
    const res = await this.graph.postMessage(externalId, token, {
      recipient: { id: message.to },
      messaging_type: 'RESPONSE',
      message: { text: message.body },
    });
    return this.result(messageId(res['message_id']));
  }

  private result(id: string | undefined): { providerMessageId: string } {
    if (!id) {
      // It may have been sent: retrying could send it twice.
      throw new OutboundSendError('The provider accepted the message but returned no message id', false);
    }
    return { providerMessageId: id };
  }

  private async account(
    ctx: RequestContext,
    hotelId: string,
    provider: ChannelProvider,
    accountId: string | undefined,
  ): Promise<{ externalId: string; token: string }> {
    if (accountId !== undefined && !isUuid(accountId)) {
      throw new OutboundSendError('accountId must be a UUID', false);
    }
    const accounts = await ctx.tx.getRepository(ChannelAccountEntity).find({
      where: { tenantId: hotelId, provider, active: true, ...(accountId ? { id: accountId } : {}) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const account = accounts.find((a) => a.accessTokenEnc !== null);
    if (!account?.accessTokenEnc) {
      throw new OutboundSendError(`No active ${provider} account with an access token for this hotel`, false);
    }
    return { externalId: account.externalId, token: this.secrets.open(account.accessTokenEnc, hotelId) };
  }

  private async sendEmail(message: OutboundMessage): Promise<{ providerMessageId: string }> {
    if (!this.mailer.configured) {
      throw new OutboundSendError('SMTP not configured', false);
    }
    try {
      const sent = await this.mailer.send({
        to: message.to,
        subject: message.subject ?? 'Re: your request',
        text: message.body,
      });
      return this.result(sent.messageId ?? undefined);
    } catch (error) {
      if (error instanceof OutboundSendError) {
        throw error;
      }
      // SMTP 5xx is a permanent refusal (no such mailbox); connection errors and 4xx are worth another try.
      const code = (error as { responseCode?: unknown }).responseCode;
      const permanent = typeof code === 'number' && code >= 500;
      throw new OutboundSendError(`SMTP: ${(error as Error).message}`, !permanent);
    }
  }
}
