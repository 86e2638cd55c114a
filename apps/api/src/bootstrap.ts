import { INestApplication, Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Logger } from 'nestjs-pino';
import { BatonConfig } from '@baton/api/core';
import { AppModule } from './app.module';

const API_PATHS = /^\/(graphql|health|metrics|webhooks|intake)(\/|$)/;

/** Serves the built dashboard on the API's port, with an SPA fallback for client-side routes. */
function serveDashboard(app: NestExpressApplication, dir: string): boolean {
  const root = resolve(dir);
  if (!existsSync(resolve(root, 'index.html'))) {
    return false;
  }
  app.use(express.static(root, { index: false, maxAge: '1h' }));
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (req.method !== 'GET' || API_PATHS.test(req.path) || req.path.startsWith('/assets/')) {
      next();
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(resolve(root, 'index.html'));
  });
  return true;
}

/** Builds the Nest application for `config` (used by main.ts and by the e2e tests). */
export async function createBatonApp(config: BatonConfig): Promise<INestApplication> {
  // rawBody: webhook signatures (X-Hub-Signature-256) are computed over the exact bytes received, never re-serialised JSON.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    rawBody: true,
  });
  app.useBodyParser('json', { limit: config.INTAKE_MAX_BODY_BYTES });
  app.useBodyParser('urlencoded', { limit: config.INTAKE_MAX_BODY_BYTES, extended: false });
  app.useLogger(app.get(Logger));
  // Exit with 0 after the hooks ran (and pino flushed) instead of re-raising the signal.
  app.enableShutdownHooks(undefined, { useProcessExit: true });
  app.disable('x-powered-by');
  if (config.TRUST_PROXY) {
    const hops = Number(config.TRUST_PROXY);
    app.set('trust proxy', Number.isInteger(hops) ? hops : config.TRUST_PROXY);
  }
  if (config.runsApi && serveDashboard(app, config.DASHBOARD_DIR)) {
    new NestLogger('Bootstrap').log(`serving dashboard from ${resolve(config.DASHBOARD_DIR)}`);
  }
  return app;
}
