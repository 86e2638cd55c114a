import { Controller, Get, HttpCode, HttpException, HttpStatus } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ShutdownState } from '../lifecycle/shutdown-state';
import { PubSubPort } from '../pubsub/pubsub.port';

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pubsub: PubSubPort,
    private readonly shutdown: ShutdownState,
  ) {}

  /** Liveness: the event loop answers. Never touches dependencies, so a database outage does not restart pods. */
  @Get('live')
  @HttpCode(200)
  live(): { status: string } {
    return { status: 'ok' };
  }

  /** Readiness: the database (and Redis when configured) answer, and we are not shutting down. */
  @Get('ready')
  async ready(): Promise<{ status: string; checks: Record<string, string> }> {
    const checks: Record<string, string> = {};
    let ok = !this.shutdown.isShuttingDown;
    checks['shutdown'] = this.shutdown.isShuttingDown ? 'in progress' : 'no';
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), 2000);
      checks['database'] = 'up';
    } catch (error) {
      ok = false;
      checks['database'] = `down: ${(error as Error).message}`;
    }
    if (this.pubsub.kind === 'redis') {
      try {
        checks['redis'] = (await withTimeout(this.pubsub.ping(), 2000)) ? 'up' : 'down';
      } catch (error) {
        checks['redis'] = `down: ${(error as Error).message}`;
      }
      ok = ok && checks['redis'] === 'up';
    } else {
      checks['pubsub'] = 'in-process';
    }
    const body = { status: ok ? 'ok' : 'unavailable', checks };
    if (!ok) {
      throw new HttpException(body, HttpStatus.SERVICE_UNAVAILABLE);
    }
    return body;
  }
}
