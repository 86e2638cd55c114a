import { RequestMethod } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { BatonConfig } from '../config/baton-config';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;
const QUIET_ROUTES = new Set(['/health/live', '/health/ready', '/metrics']);
/**
 * Provider webhooks arrive by the thousand per second at peak: a line per request would cost more CPU than storing
 * the event. They are counted in baton_intake_events_total and timed in baton_http_request_duration_seconds;
 * failures (5xx) are still logged by the intake exception filter, refusals (4xx) are counted as rejected.
 */
const QUIET_PREFIXES = ['/webhooks/', '/intake/'];
/**
 * The same routes skip the pino-http middleware altogether: even with auto-logging off it builds a child logger,
 * a request id and response hooks for every request, measurable CPU at the webhook rate (tools/bench/ingest). Their
 * log lines (the intake filter's errors) come from the root logger, without a request id.
 */
const UNLOGGED_ROUTES = [
  { path: 'webhooks/{*path}', method: RequestMethod.ALL },
  { path: 'intake/{*path}', method: RequestMethod.ALL },
];

function isQuiet(url: string | undefined): boolean {
  const path = (url ?? '').split('?')[0];
  return QUIET_ROUTES.has(path) || QUIET_PREFIXES.some((prefix) => path.startsWith(prefix));
}

/** Structured JSON logs (pino): one line per request with its request id; tenant ids are assigned per resolver. */
export function loggerOptions(config: BatonConfig): Params {
  return {
    // Fields assigned during the request (tenantIds, principal) also go on the "request completed" line.
    assignResponse: true,
    exclude: UNLOGGED_ROUTES,
    pinoHttp: {
      level: config.LOG_LEVEL,
      base: { service: 'baton', role: config.BATON_ROLE },
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'],
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      // A top-level requestId on every line of the request (req.id is only inside the serialized req).
      customProps: (req: IncomingMessage & { id?: unknown }) => ({ requestId: req.id }),
      autoLogging: { ignore: (req: IncomingMessage) => isQuiet(req.url) },
    },
  };
}
