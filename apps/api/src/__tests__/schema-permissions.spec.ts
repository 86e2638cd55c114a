import 'reflect-metadata';
import { printSchema } from 'graphql';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DiscoveryModule, DiscoveryService, MetadataScanner } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { Test } from '@nestjs/testing';
import { ALLOW_KEY, loadConfig } from '@baton/api/core';
import { createTestDatabase, TEST_JWT_SECRET, TEST_SECRETS_KEY, TestDatabase } from '@baton/api/testing';
import { AppModule } from '../app.module';

const RESOLVER_NAME = 'graphql:resolver_name';
const RESOLVER_TYPE = 'graphql:resolver_type';

/** Walks the real schema: every Query, Mutation and Subscription field must come from a handler that declares @Allow. */
describe('every GraphQL operation declares its permission', () => {
  let db: TestDatabase;
  afterAll(() => db?.drop());

  it('has no root field without @Allow', async () => {
    db = await createTestDatabase();
    const config = loadConfig({
      DATABASE_URL: db.ownerUrl,
      DATABASE_APP_PASSWORD: db.appPassword,
      JWT_SECRET: TEST_JWT_SECRET,
      BATON_SECRETS_KEY: TEST_SECRETS_KEY,
      LOG_LEVEL: 'silent',
      BATON_ROLE: 'api',
    });
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.forRoot(config), DiscoveryModule],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    try {
      const schema = app.get(GraphQLSchemaHost).schema;
      const declared = new Map<string, unknown>();
      const discovery = app.get(DiscoveryService);
      const scanner = app.get(MetadataScanner);
      for (const wrapper of discovery.getProviders()) {
        const instance = wrapper.instance as object | undefined;
        if (!instance || !Object.getPrototypeOf(instance)) {
          continue;
        }
        const proto = Object.getPrototypeOf(instance) as Record<string, unknown>;
        for (const method of scanner.getAllMethodNames(proto)) {
          const handler = proto[method] as object;
          if (Reflect.hasMetadata(RESOLVER_TYPE, handler)) {
            // The field is named after the method unless the decorator names it.
            const name = (Reflect.getMetadata(RESOLVER_NAME, handler) as string | undefined) ?? method;
            declared.set(name, Reflect.getMetadata(ALLOW_KEY, handler));
          }
        }
      }
      const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
      const fields = roots.flatMap((type) => Object.keys(type?.getFields() ?? {}));
      expect(fields.length).toBeGreaterThan(5);
      const missing = fields.filter((field) => !declared.get(field));
      expect(missing).toEqual([]);

      // docs/schema.graphql is the published schema; it must be the one the code builds (BATON_UPDATE_SCHEMA=1 rewrites).
      const printed = `${printSchema(schema)}\n`;
      const published = resolve(__dirname, '../../../../docs/schema.graphql');
      if (process.env.BATON_UPDATE_SCHEMA === '1') {
        writeFileSync(published, printed);
      }
      expect(existsSync(published) ? readFileSync(published, 'utf8') : '').toBe(printed);
    } finally {
      await app.close();
    }
  });
});
