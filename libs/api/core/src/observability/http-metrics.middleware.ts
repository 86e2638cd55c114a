import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Metrics } from './metrics';

const KNOWN_ROUTES = ['/graphql', '/health/live', '/health/ready', '/metrics', '/webhooks/whatsapp', '/webhooks/meta'];
/** Paths with ids in them (form keys, account keys) are labelled by their prefix. */
const PREFIX_ROUTES = ['/assets/', '/intake/forms/', '/intake/messages/', '/intake/calls/'];

/** Records latency of every HTTP request; unknown paths share one label so scrapers cannot blow up cardinality. */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: Metrics) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const end = this.metrics.httpDuration.startTimer();
    res.on('finish', () => {
      const path = req.originalUrl.split('?')[0];
      const route = KNOWN_ROUTES.includes(path) ? path : (PREFIX_ROUTES.find((p) => path.startsWith(p)) ?? 'other');
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  }
}
