import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { ChannelProvider, InboundKind, MessageContentType } from '@baton/shared/contracts';
import {
  AuditLogEntity,
  AuditWriter,
  BatonConfig,
  MemoryPubSub,
  Metrics,
  RequestContext,
  SecretBox,
  TenantTransactions,
  WorkKind,
  WorkSignals,
} from '@baton/api/core';
import { createTestDatabase, createWorld, TestDatabase, World } from '@baton/api/testing';
import { INTAKE_ENTITIES } from '../entities';
import type { InboundItem } from '../intake.types';
import { ChannelAccountsService } from '../services/channel-accounts.service';
import { ChannelRouter } from '../services/channel-router';
import { InboundEventStore } from '../services/inbound-event-store';
import { InboundEventsQueue } from '../services/inbound-events-queue';
import { IntakeMetrics } from '../services/intake-metrics';

/** Medium tests: the intake services wired by hand on a real database as the app role; only external I/O is faked. */

export interface StubRequest {
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
}

/** A local Meta Graph API: records requests and answers with scripted [status, body] pairs (default 200). */
export async function startGraphStub() {
  const requests: StubRequest[] = [];
  const script: Array<[number, unknown] | 'hang'> = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      requests.push({ path: req.url ?? '', authorization: req.headers.authorization, body: JSON.parse(raw || '{}') });
      const next = script.shift() ?? [200, { messaging_product: 'whatsapp', messages: [{ id: 'wamid.out-1' }] }];
      if (next === 'hang') {
        return; // never answers
      }
      res.writeHead(next[0], { 'content-type': 'application/json' });
      res.end(typeof next[1] === 'string' ? next[1] : JSON.stringify(next[1]));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, script, close };
}

export const testConfig = (overrides: Partial<BatonConfig> = {}) =>
  ({
    BATON_SECRETS_KEY: 'medium-test-secrets-key-0123456789abcdef',
    META_GRAPH_URL: 'http://127.0.0.1:9',
    ...overrides,
  }) as BatonConfig;

export function textItem(externalId: string, occurredAt: Date): InboundItem {
  return {
    kind: InboundKind.Message,
    externalId,
    occurredAt,
    accountExternalId: '100000000000001',
    payload: {
      raw: { id: externalId },
      contact: { whatsappId: '905321234567', phone: '+905321234567' },
      message: { contentType: MessageContentType.Text, body: `body ${externalId}` },
    },
  };
}

export interface IntakeServices {
  db: TestDatabase;
  world: World;
  transactions: TenantTransactions;
  secrets: SecretBox;
  router: ChannelRouter;
  accounts: ChannelAccountsService;
  store: InboundEventStore;
  queue: InboundEventsQueue;
  /** Hotels the WorkSignals nudge reached, in order. */
  nudged: string[];
  /** The WhatsApp account of each world hotel (A: 100000000000001, B: 100000000000002). */
  waAccount: Record<string, string>;
  asSystem<T>(hotelIds: string[], work: (ctx: RequestContext) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function startIntakeServices(): Promise<IntakeServices> {
  const db = await createTestDatabase();
  const world = await createWorld(db);
  const dataSource = new DataSource({
    type: 'postgres',
    url: db.appUrl,
    entities: [...INTAKE_ENTITIES, AuditLogEntity],
  });
  await dataSource.initialize();
  const transactions = new TenantTransactions(dataSource, new MemoryPubSub());
  const secrets = new SecretBox(testConfig());
  const router = new ChannelRouter(transactions, secrets);
  const accounts = new ChannelAccountsService(new AuditWriter(), secrets, router);
  const signals = new WorkSignals();
  const nudged: string[] = [];
  signals.on(WorkKind.Inbound, (hotelId) => nudged.push(hotelId));
  const store = new InboundEventStore(dataSource, signals, new IntakeMetrics(new Metrics()));
  const asSystem = <T>(hotelIds: string[], work: (ctx: RequestContext) => Promise<T>) =>
    transactions.run(RequestContext.system('test', hotelIds), hotelIds, work);
  const waAccount: Record<string, string> = {};
  for (const [hotel, externalId] of [
    [world.hotelA.id, '100000000000001'],
    [world.hotelB.id, '100000000000002'],
  ]) {
    const saved = await asSystem([hotel], (ctx) =>
      accounts.save(ctx, {
        hotelId: hotel,
        provider: ChannelProvider.WhatsApp,
        externalId,
        displayName: 'WhatsApp',
        appSecret: `app-secret-${externalId}`,
        accessToken: `token-${externalId}`,
        verifyToken: `verify-${externalId}`,
      }),
    );
    waAccount[hotel] = saved.id;
  }
  return {
    db,
    world,
    transactions,
    secrets,
    router,
    accounts,
    store,
    queue: new InboundEventsQueue(),
    nudged,
    waAccount,
    asSystem,
    async close() {
      await dataSource.destroy();
      await db.drop();
    },
  };
}
