import { Controller, Header, HttpCode, Options, Param, Post, Req, UseFilters } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import type { Request } from 'express';
import { ChannelProvider } from '@baton/shared/contracts';
import { parseCallLog } from '../parsers/call-log.parser';
import { parseGenericMessages } from '../parsers/generic-message.parser';
import { isRecord } from '../parsers/parse-utils';
import { parseWebForm } from '../parsers/webform.parser';
import { WebFormRateLimiter } from '../services/webform-rate-limiter';
import { BATON_SIGNATURE_HEADER } from '../webhook-signature';
import { IntakeHttpError, IntakeHttpFilter, IntakeHttpReason } from './intake-http.error';
import { IntakeAnswer, parseOr400, WebhookIntake } from './webhook-intake';

const MESSAGE_PROVIDERS = [ChannelProvider.Email, ChannelProvider.Ota] as const;

/**
 * Our own intake endpoints: the public web form (rate-limited per IP, honeypot), and the signed generic message
 * (e-mail gateway, OTA connector) and PBX call-log pushes (X-Baton-Signature over the raw body).
 */
@Controller('intake')
@UseFilters(IntakeHttpFilter)
export class IntakeController {
  constructor(
    private readonly intake: WebhookIntake,
    private readonly limiter: WebFormRateLimiter,
  ) {}

  /** CORS preflight: hotel websites post the form from their own origin (no credentials involved). */
  @Options('forms/:formKey')
  @HttpCode(204)
  @Header('Access-Control-Allow-Origin', '*')
  @Header('Access-Control-Allow-Methods', 'POST')
  @Header('Access-Control-Allow-Headers', 'content-type')
  @Header('Access-Control-Max-Age', '86400')
  preflightForm(): void {
    // headers only
  }

  @Post('forms/:formKey')
  @HttpCode(201)
  @Header('Access-Control-Allow-Origin', '*')
  async submitForm(@Param('formKey') formKey: string, @Req() req: Request): Promise<{ received: true }> {
    const provider = ChannelProvider.WebForm;
    const retryAfter = await this.limiter.consume(req.ip ?? req.socket.remoteAddress ?? '');
    if (retryAfter !== null) {
      throw new IntakeHttpError(429, IntakeHttpReason.RateLimited, 'Too many submissions; try again later', provider, {
        retryAfterSeconds: retryAfter,
      });
    }
    const account = await this.intake.known(provider, formKey);
    if (!isRecord(req.body)) {
      throw new IntakeHttpError(
        400,
        IntakeHttpReason.InvalidPayload,
        'Expected a JSON or form-urlencoded body',
        provider,
      );
    }
    const fields = req.body;
    const result = parseOr400(provider, () => parseWebForm(account.externalId, fields, new Date()));
    if (!result.spam) {
      await this.intake.storeFor(account, [result.item]);
    }
    // A bot that filled the honeypot gets the same answer and learns nothing.
    return { received: true };
  }

  @Post('messages/:accountKey')
  @HttpCode(200)
  async receiveMessage(
    @Param('accountKey') accountKey: string,
    @Req() req: RawBodyRequest<Request>,
  ): Promise<IntakeAnswer> {
    const signed = { rawBody: req.rawBody, signature: req.headers[BATON_SIGNATURE_HEADER] };
    const account = await this.intake.authenticate(MESSAGE_PROVIDERS, accountKey, signed);
    const provider = account.provider as (typeof MESSAGE_PROVIDERS)[number];
    const items = parseOr400(provider, () => parseGenericMessages(provider, account.externalId, req.body, new Date()));
    return this.intake.storeFor(account, items);
  }

  @Post('calls/:accountKey')
  @HttpCode(200)
  async receiveCall(
    @Param('accountKey') accountKey: string,
    @Req() req: RawBodyRequest<Request>,
  ): Promise<IntakeAnswer> {
    const signed = { rawBody: req.rawBody, signature: req.headers[BATON_SIGNATURE_HEADER] };
    const account = await this.intake.authenticate([ChannelProvider.Pbx], accountKey, signed);
    const items = parseOr400(ChannelProvider.Pbx, () => parseCallLog(account.externalId, req.body));
    return this.intake.storeFor(account, items);
  }
}
