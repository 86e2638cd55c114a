import { Injectable, Logger, NestMiddleware } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ChannelProvider } from '@baton/shared/contracts';
import { parseMetaWebhook } from '../parsers/meta.parser';
import { parseWhatsAppWebhook } from '../parsers/whatsapp.parser';
import { IntakeMetrics } from '../services/intake-metrics';
import { IntakePressure } from '../services/intake-pressure';
import { META_SIGNATURE_HEADER } from '../webhook-signature';
import { answerIntakeError } from './intake-http.error';
import { IntakeAnswer, parseOr400, WebhookIntake } from './webhook-intake';

export const WHATSAPP_WEBHOOK_PATH = 'webhooks/whatsapp';
export const META_WEBHOOK_PATH = 'webhooks/meta';

/**
 * Receives Meta's webhook POSTs (WhatsApp Cloud API on /webhooks/whatsapp, Instagram and Messenger on /webhooks/meta)
 * as a middleware that answers the request itself, so the hottest route of the API skips Nest's router pipeline
 * (global guard, global interceptor, their rxjs and async-resource wrapping, exception filters). In 20 s runs of
 * tools/bench/ingest on a quiet machine that took acknowledgements from about 2,000/s to 2,700-2,900/s. Nothing is
 * lost: the guard and the tenant-scope interceptor only act on GraphQL, the signature (X-Hub-Signature-256 over the
 * raw body, kept by the body parser) is the authentication, refusals and failures are answered and logged like the
 * intake filter does, and the HTTP metrics middleware (registered first, for every route) still times the request.
 * The verification GETs stay in MetaWebhooksController.
 */
@Injectable()
export class MetaWebhookReceiver implements NestMiddleware {
  private readonly logger = new Logger('IntakeHttp');

  constructor(
    private readonly intake: WebhookIntake,
    private readonly metrics: IntakeMetrics,
    private readonly pressure: IntakePressure,
  ) {}

  use(req: RawBodyRequest<Request>, res: Response, next: NextFunction): void {
    const path = req.originalUrl.split('?')[0];
    const whatsapp = path === `/${WHATSAPP_WEBHOOK_PATH}`;
    if (req.method !== 'POST' || (!whatsapp && path !== `/${META_WEBHOOK_PATH}`)) {
      next();
      return;
    }
    this.pressure.track(res);
    this.receive(req, whatsapp).then(
      (answer) => {
        res.status(200).json(answer);
      },
      (error: unknown) => answerIntakeError(error, res, this.metrics, this.logger),
    );
  }

  private async receive(req: RawBodyRequest<Request>, whatsapp: boolean): Promise<IntakeAnswer> {
    const signed = { rawBody: req.rawBody, signature: req.headers[META_SIGNATURE_HEADER] };
    if (whatsapp) {
      this.intake.requireSigned(ChannelProvider.WhatsApp, signed);
      const parsed = parseOr400(ChannelProvider.WhatsApp, () => parseWhatsAppWebhook(req.body));
      return this.intake.receiveSigned(ChannelProvider.WhatsApp, signed, parsed.accountExternalIds, parsed.items);
    }
    this.intake.requireSigned('meta', signed);
    const parsed = parseOr400('meta', () => parseMetaWebhook(req.body));
    return this.intake.receiveSigned(parsed.provider, signed, parsed.accountExternalIds, parsed.items);
  }
}
