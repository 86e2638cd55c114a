import { BeforeApplicationShutdown, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';
import { BatonConfig } from '../config/baton-config';

/**
 * Graceful shutdown. Readiness flips to false as soon as shutdown starts so load balancers stop routing here; Nest
 * then stops the GraphQL/WebSocket server and the scheduler (module destroy), closes the HTTP server, which waits for
 * in-flight requests, and closes the pools. Connections still open after SHUTDOWN_GRACE_MS are cut so a stop always ends.
 */
@Injectable()
export class ShutdownState implements OnModuleDestroy, BeforeApplicationShutdown {
  private readonly logger = new Logger(ShutdownState.name);
  private shuttingDown = false;

  constructor(
    private readonly config: BatonConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  get isShuttingDown(): boolean {
    return this.shuttingDown;
  }

  onModuleDestroy(): void {
    this.begin();
  }

  beforeApplicationShutdown(signal?: string): void {
    this.begin(signal);
  }

  private begin(signal?: string): void {
    if (this.shuttingDown) {
      return;
    }
    this.shuttingDown = true;
    this.logger.log(`shutting down${signal ? ` on ${signal}` : ''}: readiness is now false`);
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (server) {
      setTimeout(() => server.closeAllConnections(), this.config.SHUTDOWN_GRACE_MS).unref();
    }
  }
}
