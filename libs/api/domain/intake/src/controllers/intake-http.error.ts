import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { IntakeMetrics } from '../services/intake-metrics';

/** Machine-readable reasons of refused webhook / intake requests (the `error` field of the JSON answer). */
export enum IntakeHttpReason {
  InvalidSignature = 'invalid_signature',
  UnknownAccount = 'unknown_account',
  InvalidPayload = 'invalid_payload',
  VerificationFailed = 'verification_failed',
  RateLimited = 'rate_limited',
}

/** A refused webhook / intake request: answered as `{error, message, field?}` with `status`. Nothing was stored. */
export class IntakeHttpError extends Error {
  constructor(
    readonly status: number,
    readonly reason: IntakeHttpReason,
    message: string,
    readonly provider: string,
    readonly extra: { field?: string; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'IntakeHttpError';
  }
}

/**
 * Answers a refused or failed webhook / intake request: IntakeHttpError as `{error, message, field?}` with its status
 * (counted as rejected), anything unexpected as a bare 500 whose cause stays in our logs. Shared by the Nest filter
 * of the intake controllers and the webhook receiver middleware.
 */
export function answerIntakeError(exception: unknown, res: Response, metrics: IntakeMetrics, logger: Logger): void {
  if (exception instanceof IntakeHttpError) {
    metrics.count(exception.provider, 'rejected');
    if (exception.extra.retryAfterSeconds !== undefined) {
      res.setHeader('Retry-After', String(exception.extra.retryAfterSeconds));
    }
    res.status(exception.status).json({
      error: exception.reason,
      message: exception.message,
      ...(exception.extra.field ? { field: exception.extra.field } : {}),
    });
    return;
  }
  if (exception instanceof HttpException) {
    res.status(exception.getStatus()).json({ error: 'http_error', message: exception.message });
    return;
  }
  // Database down, a bug: the provider retries later; the cause stays in our logs, not in the answer.
  logger.error({ err: exception }, 'intake request failed');
  res.status(500).json({ error: 'internal', message: 'Internal error; retry later' });
}

/** Renders IntakeHttpError as JSON, counts it as rejected, and turns anything unexpected into a bare 500. */
@Injectable()
@Catch()
export class IntakeHttpFilter implements ExceptionFilter {
  private readonly logger = new Logger('IntakeHttp');

  constructor(private readonly metrics: IntakeMetrics) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    answerIntakeError(exception, host.switchToHttp().getResponse<Response>(), this.metrics, this.logger);
  }
}
