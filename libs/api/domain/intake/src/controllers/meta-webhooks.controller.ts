import { Controller, Get, Query, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { ChannelProvider } from '@baton/shared/contracts';
import { ChannelRouter } from '../services/channel-router';
import { IntakeHttpError, IntakeHttpFilter, IntakeHttpReason } from './intake-http.error';

const META_MESSAGING: readonly ChannelProvider[] = [ChannelProvider.Instagram, ChannelProvider.Messenger];

/**
 * Meta webhooks' subscription handshakes: GET /webhooks/whatsapp (WhatsApp Cloud API) and GET /webhooks/meta
 * (Instagram, Messenger). Plain HTTP (not GraphQL): the global PermissionGuard lets non-GraphQL routes through, like
 * /health. The POSTs carrying the messages are answered by MetaWebhookReceiver before Nest's router.
 */
@Controller('webhooks')
@UseFilters(IntakeHttpFilter)
export class MetaWebhooksController {
  constructor(private readonly router: ChannelRouter) {}

  @Get('whatsapp')
  verifyWhatsApp(@Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    return this.handshake([ChannelProvider.WhatsApp], query, res);
  }

  @Get('meta')
  verifyMeta(@Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    return this.handshake(META_MESSAGING, query, res);
  }

  /** Meta's subscription handshake: echo hub.challenge when hub.verify_token is the verify token of an account. */
  private async handshake(
    providers: readonly ChannelProvider[],
    query: Record<string, unknown>,
    res: Response,
  ): Promise<void> {
    const token = query['hub.verify_token'];
    const challenge = query['hub.challenge'];
    const ok =
      query['hub.mode'] === 'subscribe' &&
      typeof token === 'string' &&
      token.length > 0 &&
      token.length <= 500 &&
      typeof challenge === 'string' &&
      challenge.length > 0 &&
      challenge.length <= 500 &&
      (await this.router.matchesVerifyToken(providers, token));
    if (!ok) {
      throw new IntakeHttpError(
        403,
        IntakeHttpReason.VerificationFailed,
        'hub.mode must be subscribe and hub.verify_token the verify token of a channel account',
        providers.join('|'),
      );
    }
    res.status(200).setHeader('X-Content-Type-Options', 'nosniff').type('text/plain').send(challenge);
  }
}
