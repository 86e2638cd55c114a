import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import vue from '@vitejs/plugin-vue';
import ts from 'typescript';
import { defineConfig, type Alias } from 'vite';

const appRoot = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(appRoot, '../..');

/** Where the API expects the built dashboard (env DASHBOARD_DIR on the API side defaults to this folder). */
const outDir = resolve(repoRoot, 'dist/dashboard');

/** GraphQL (HTTP + graphql-ws) in development and `vite preview`; the API listens on PORT 3000 by default. */
const apiTarget = process.env.BATON_API_URL ?? 'http://localhost:3000';

/**
 * `@baton/*` aliases, read from tsconfig.base.json so there is one list.
 * Only `scope:web` and `scope:shared` libraries are resolvable here: an accidental import of an API library from the
 * dashboard fails the build instead of bundling server code.
 */
function batonAliases(): Alias[] {
  const file = resolve(repoRoot, 'tsconfig.base.json');
  const parsed = ts.parseConfigFileTextToJson(file, readFileSync(file, 'utf8'));
  if (parsed.error) {
    throw new Error(`Cannot read ${file}: ${ts.flattenDiagnosticMessageText(parsed.error.messageText, '\n')}`);
  }
  const options = (parsed.config as { compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } })
    .compilerOptions;
  const baseUrl = resolve(repoRoot, options?.baseUrl ?? '.');
  return Object.entries(options?.paths ?? {})
    .filter(([name]) => name.startsWith('@baton/web/') || name.startsWith('@baton/shared/'))
    .map(([name, targets]) => ({
      find: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`),
      replacement: resolve(baseUrl, targets[0]),
    }));
}

export default defineConfig({
  root: appRoot,
  base: '/',
  plugins: [vue()],
  resolve: {
    alias: batonAliases(),
  },
  define: {
    // vue-i18n feature flags: Composition API only, runtime (JIT, eval-free) message compiler kept.
    __VUE_I18N_FULL_INSTALL__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_DROP_MESSAGE_COMPILER__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  server: {
    port: 5173,
    strictPort: false,
    fs: { allow: [repoRoot] },
    proxy: {
      '/graphql': { target: apiTarget, ws: true },
    },
  },
  preview: {
    proxy: {
      '/graphql': { target: apiTarget, ws: true },
    },
  },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 800,
  },
});
