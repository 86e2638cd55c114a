// Root Jest config: every *.spec.ts under apps/, libs/ and tools/, transformed by @swc/jest (same options as the API
// build: tools/lib/swc-config.cjs). Run through `npm test` (tools/test/run.mjs) or `npx jest <pattern>`.
//
// The global setup (tools/test/global-setup.ts) starts one Postgres (embedded, or TEST_DATABASE_URL) with a migrated
// template database and one redis-server, and hands them to the test workers through env BATON_TEST_*.
// @baton/* aliases: rewritten to relative paths by swc (jsc.paths) and mapped by moduleNameMapper as well (needed for
// jest.mock('@baton/...') and for files Jest loads outside its module registry, e.g. the global setup).
const { swcOptions, jestModuleNameMapper } = require('./tools/lib/swc-config.cjs');

const swc = swcOptions({ root: __dirname, sourceMaps: 'inline' });
// The global setup/teardown run in Jest's parent process (plain Node require, not the test sandbox): keep their
// `import()` native so they can load the ESM helpers in tools/lib/*.mjs.
const swcKeepDynamicImport = { ...swc, module: { ...swc.module, ignoreDynamic: true } };

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'baton',
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tools'],
  testMatch: ['**/*.spec.ts'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json', 'node'],
  transform: {
    '^.+/tools/test/global-(setup|teardown)\\.ts$': ['@swc/jest', swcKeepDynamicImport],
    '^.+\\.ts$': ['@swc/jest', swc],
    // These ship ESM only; Node 20 loads them natively but Jest's module registry needs CommonJS.
    '^.+/node_modules/(jose|@nestjs/typeorm|@nestjs/schedule)/.+\\.js$': [
      '@swc/jest',
      { jsc: { target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(jose|@nestjs/typeorm|@nestjs/schedule)/)'],
  moduleNameMapper: jestModuleNameMapper(__dirname),
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/', '<rootDir>/\\.data/', '<rootDir>/tmp/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/\\.data/', '<rootDir>/tmp/'],
  watchPathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/\\.data/', '<rootDir>/tmp/'],
  globalSetup: '<rootDir>/tools/test/global-setup.ts',
  globalTeardown: '<rootDir>/tools/test/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
  cacheDirectory: '<rootDir>/tmp/jest-cache',
};
