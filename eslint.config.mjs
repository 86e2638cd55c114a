// @ts-check
/**
 * Baton lint config (ESLint 9 flat config).
 *
 * What it enforces, in order:
 *  1. Nx module boundaries: the depConstraints of docs/STYLE (scope + type), no relative/absolute imports across
 *     projects, no imports of apps. `type:testing` (libs/api/testing) may only be imported from test code: the
 *     constraints used for non-test files never list it; the test-file block adds it.
 *  2. TypeScript; with type information where a tsconfig owns the file (root tsconfig.json: api, shared, tools;
 *     apps/dashboard/tsconfig.json: dashboard, web libs): no-floating-promises, no-misused-promises, await-thenable,
 *     switch-exhaustiveness-check; no-explicit-any everywhere except tests.
 *  3. Vue SFCs: eslint-plugin-vue recommended (Vue 3), TypeScript in <script>, block order script → template → style.
 *  4. Plain .js/.mjs (tools/, config files): no type information, Node globals.
 *  5. eslint-config-prettier last (formatting belongs to Prettier), then `curly` switched back on (it does not conflict).
 */
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import { createProjectGraphAsync } from '@nx/devkit';
import prettier from 'eslint-config-prettier';
import { defineConfig, globalIgnores } from 'eslint/config';
import vue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import vueParser from 'vue-eslint-parser';

const tsconfigRootDir = import.meta.dirname;

/*
 * @nx/enforce-module-boundaries reads the *cached* project graph (.nx/workspace-data) and silently skips itself
 * (one "warning" line on stdout, exit code 0) when there is none, e.g. on a fresh clone or in CI. Build/refresh the
 * graph here so a plain `eslint .` always enforces boundaries against the current project.json files. This costs
 * about a second on a cold cache and little when nothing changed. The daemon is not used (nothing keeps running).
 */
if (!process.env.BATON_LINT_SKIP_GRAPH) {
  process.env.NX_DAEMON ??= 'false';
  await createProjectGraphAsync({ exitOnError: true });
}

// ---------------------------------------------------------------------------------------------------------------------
// Module boundaries (STYLE.md: "Nx tags with enforced depConstraints")
// ---------------------------------------------------------------------------------------------------------------------

/** Source tag → tags it may depend on. `type:testing` appears only as a source here. */
const TAG_RULES = {
  'scope:api': ['scope:api', 'scope:shared'],
  'scope:web': ['scope:web', 'scope:shared'],
  'scope:shared': ['scope:shared'],
  'type:app': [
    'type:feature',
    'type:data-access',
    'type:ui',
    'type:util',
    'type:domain',
    'type:policy',
    'type:core', // libs/api/migrations is type:core too
  ],
  'type:policy': ['type:domain', 'type:core', 'type:util'],
  'type:domain': ['type:core', 'type:util'], // never another domain: talk through events or an id
  'type:core': ['type:core', 'type:util'],
  'type:feature': ['type:data-access', 'type:ui', 'type:util'],
  'type:data-access': ['type:util'],
  'type:ui': ['type:ui', 'type:util'],
  'type:util': ['type:util'],
  // The testing library (app factory, DB reset, factories) sits above domain/policy but is importable only from tests.
  'type:testing': ['type:core', 'type:domain', 'type:policy', 'type:util'],
};

/**
 * @param {{ allowTesting: boolean }} opts
 * @returns {{ sourceTag: string, onlyDependOnLibsWithTags: string[] }[]}
 */
function depConstraints({ allowTesting }) {
  return Object.entries(TAG_RULES).map(([sourceTag, allowed]) => ({
    sourceTag,
    onlyDependOnLibsWithTags:
      allowTesting && sourceTag.startsWith('type:') && sourceTag !== 'type:testing'
        ? [...allowed, 'type:testing']
        : allowed,
  }));
}

/**
 * @param {{ allowTesting: boolean }} opts
 * @returns {import('eslint').Linter.RuleEntry}
 */
function boundaries({ allowTesting }) {
  return [
    'error',
    {
      enforceBuildableLibDependency: false,
      banTransitiveDependencies: false,
      allow: [],
      depConstraints: depConstraints({ allowTesting }),
      // A spec inside libs/api/domain/x importing @baton/api/testing, which itself imports domain x, is a project-level
      // cycle in Nx's graph (Nx does not tell spec imports apart). Accept cycles through the testing library only; the
      // tag constraints above still reject any non-test import of it. The right side must exclude the testing library
      // itself: a (testing, testing) pair would also switch off the rule's own-project check for its relative imports.
      ignoredCircularDependencies: [['tag:type:testing', '!tag:type:testing']],
    },
  ];
}

/** Test code: the only place where `type:testing` may be imported and where `any` is tolerated. */
const TEST_FILES = [
  '**/*.spec.ts',
  '**/*.test.ts',
  '**/*.spec.mts',
  '**/*.e2e-spec.ts',
  '**/__tests__/**',
  '**/e2e/**',
  'tools/**',
];

// ---------------------------------------------------------------------------------------------------------------------
// TypeScript
// ---------------------------------------------------------------------------------------------------------------------

/*
 * Typed linting. Each file gets exactly one tsconfig (explicit `project`, not projectService: libs/web/** is compiled
 * only through apps/dashboard/tsconfig.json, which is not an ancestor directory of those files, so projectService could
 * not find it). The globs mirror the `include` lists of those tsconfig files; keep them in step. A TS file outside
 * them (a new top-level folder, web specs, which the dashboard tsconfig excludes) is still linted, without type
 * information, instead of failing with "file not included in any project".
 */
const API_TSCONFIG = './tsconfig.json';
const API_TYPED_FILES = ['apps/api/src/**/*.ts', 'libs/api/**/*.ts', 'libs/shared/**/*.ts', 'tools/**/*.ts'];
const WEB_TSCONFIG = './apps/dashboard/tsconfig.json';
const WEB_TYPED_FILES = ['apps/dashboard/src/**/*.{ts,vue}', 'libs/web/**/*.{ts,vue}'];
const WEB_UNTYPED_FILES = ['**/*.spec.ts', '**/*.test.ts', '**/__tests__/**']; // excluded by the dashboard tsconfig

/** Rules for TypeScript in .ts and in Vue <script lang="ts">. */
const tsRules = {
  'no-empty': ['error', { allowEmptyCatch: false }],
  '@typescript-eslint/no-explicit-any': 'error',
  '@typescript-eslint/no-unused-vars': [
    'error',
    { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
  ],
};

/** Rules that need type information. */
const typedRules = {
  '@typescript-eslint/no-floating-promises': 'error',
  '@typescript-eslint/no-misused-promises': 'error',
  '@typescript-eslint/await-thenable': 'error',
  // A union/enum switch without `default` must list every member. A `default` counts as handled, so "a few cases +
  // fallback" mappings stay legal; where every member matters, end with `default: assertNever(x)` (a compile error
  // when a member is added). Switches over plain strings/numbers need a `default`.
  '@typescript-eslint/switch-exhaustiveness-check': [
    'error',
    { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: true },
  ],
};

/** TS files that no tsconfig includes on purpose (tool configs); linted without type information. */
const UNTYPED_TS_FILES = [
  '*.{ts,mts,cts}',
  '**/*.config.{ts,mts,cts}',
  '**/vite.config.*',
  '**/vitest.config.*',
  '**/jest.config.*',
  '**/playwright.config.*',
];

export default defineConfig([
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    '**/.data/',
    '**/tmp/',
    '**/.nx/',
    '**/coverage/',
    '**/*.d.ts',
    '**/*.timestamp-*.mjs', // vite/vitest config bundles left behind by a crashed run
    '**/*.gen.ts',
    '**/__generated__/',
  ]),

  // --- every linted file ---------------------------------------------------------------------------------------------
  {
    name: 'baton/all',
    files: ['**/*.{ts,mts,cts,vue,js,mjs,cjs}'],
    plugins: { '@nx': nx },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@nx/enforce-module-boundaries': boundaries({ allowTesting: false }),
      curly: ['error', 'all'],
      'no-empty': ['error', { allowEmptyCatch: false }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },

  // --- plain JavaScript (tools/ scripts, config files): no type information, Node globals ------------------------------
  {
    name: 'baton/js',
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },

  // --- TypeScript (syntax rules everywhere; type-aware rules where a tsconfig owns the file) ---------------------------
  {
    name: 'baton/ts',
    files: ['**/*.{ts,mts,cts}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
    rules: tsRules,
  },

  // --- Vue single-file components -------------------------------------------------------------------------------------
  {
    name: 'baton/vue',
    files: ['**/*.vue'],
    extends: [js.configs.recommended, tseslint.configs.recommended, vue.configs['flat/recommended']],
    languageOptions: {
      parser: vueParser,
      sourceType: 'module',
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] },
    },
    rules: {
      ...tsRules,
      // TypeScript (vue-tsc) checks undefined identifiers; the JS rule knows neither TS types nor compiler macros.
      'no-undef': 'off',
      'vue/block-order': ['error', { order: ['script', 'template', 'style'] }],
      'vue/block-lang': ['error', { script: { lang: 'ts' } }],
      'vue/component-api-style': ['error', ['script-setup']],
    },
  },
  {
    name: 'baton/web-globals',
    files: ['apps/dashboard/**/*.{ts,mts,vue}', 'libs/web/**/*.{ts,mts,vue}'],
    ignores: UNTYPED_TS_FILES,
    languageOptions: { globals: { ...globals.browser } },
  },

  // --- type-aware rules -----------------------------------------------------------------------------------------------
  {
    name: 'baton/typed-api',
    files: API_TYPED_FILES,
    ignores: UNTYPED_TS_FILES,
    languageOptions: { parserOptions: { project: API_TSCONFIG, tsconfigRootDir } },
    rules: typedRules,
  },
  {
    name: 'baton/typed-web',
    files: WEB_TYPED_FILES,
    ignores: [...UNTYPED_TS_FILES, ...WEB_UNTYPED_FILES],
    languageOptions: { parserOptions: { project: WEB_TSCONFIG, tsconfigRootDir, extraFileExtensions: ['.vue'] } },
    rules: typedRules,
  },

  // --- test code: may import type:testing, may use `any` ---------------------------------------------------------------
  {
    name: 'baton/tests',
    files: TEST_FILES,
    rules: {
      '@nx/enforce-module-boundaries': boundaries({ allowTesting: true }),
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },

  // --- formatting is Prettier's job; keep this last ---------------------------------------------------------------------
  prettier,
  {
    name: 'baton/after-prettier',
    files: ['**/*.{ts,mts,cts,vue,js,mjs,cjs}'],
    // eslint-config-prettier turns `curly` off; with "all" it never conflicts with Prettier (documented exception).
    rules: { curly: ['error', 'all'] },
  },
]);
