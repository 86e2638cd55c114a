import { Controller, Get, HttpCode, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ChannelProvider } from '@baton/shared/contracts';
import { parseMetaWebhook } from '../parsers/meta.parser';
import { parseWhatsAppWebhook } from '../parsers/whatsapp.parser';
import { ChannelRouter } from '../services/channel-router';
import { META_SIGNATURE_HEADER } from '../webhook-signature';
import { IntakeHttpError, IntakeHttpFilter, IntakeHttpReason } from './intake-http.error';
import { IntakeAnswer, parseOr400, WebhookIntake } from './webhook-intake';

const META_MESSAGING: readonly ChannelProvider[] = [ChannelProvider.Instagram, ChannelProvider.Messenger];

/**
 * Meta webhooks: WhatsApp Cloud API on /webhooks/whatsapp, Instagram and Messenger on /webhooks/meta. Plain HTTP
 * (not GraphQL): the global PermissionGuard lets non-GraphQL routes through, like /health; the signature
 * (X-Hub-Signature-256 with the account's app secret) is the authentication.
 */
@Controller('webhooks')
@UseFilters(IntakeHttpFilter)
export class MetaWebhooksController {
  constructor(
    private readonly intake: WebhookIntake,
    private readonly router: ChannelRouter,
  ) {}

  @Get('whatsapp')
  verifyWhatsApp(@Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    return this.handshake([ChannelProvider.WhatsApp], query, res);
  }

  @Get('meta')
  verifyMeta(@Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    return this.handshake(META_MESSAGING, query, res);
  }

  @Post('whatsapp')
  @HttpCode(200)
  receiveWhatsApp(@Req() req: RawBodyRequest<Request>): Promise<IntakeAnswer> {
    const signed = { rawBody: req.rawBody, signature: req.headers[META_SIGNATURE_HEADER] };
    this.intake.requireSigned(ChannelProvider.WhatsApp, signed);
    const parsed = parseOr400(ChannelProvider.WhatsApp, () => parseWhatsAppWebhook(req.body));
    return this.intake.receiveSigned(ChannelProvider.WhatsApp, signed, parsed.accountExternalIds, parsed.items);
  }

  @Post('meta')
  @HttpCode(200)
  receiveMeta(@Req() req: RawBodyRequest<Request>): Promise<IntakeAnswer> {
    const signed = { rawBody: req.rawBody, signature: req.headers[META_SIGNATURE_HEADER] };
    this.intake.requireSigned('meta', signed);
    const parsed = parseOr400('meta', () => parseMetaWebhook(req.body));
    return this.intake.receiveSigned(parsed.provider, signed, parsed.accountExternalIds, parsed.items);
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
