// Shared swc settings for the API build (tools/build/build.mjs) and Jest (jest.config.js), kept in CommonJS so that
// both the ESM build script and the CommonJS Jest config can load it synchronously.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');

/** JSON with comments and trailing commas (tsconfig style). */
function readJsonc(file) {
  const text = fs.readFileSync(file, 'utf8');
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === '\\') {
          i++;
        }
      }
      out += text.slice(start, i + 1);
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') {
        i++;
      }
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2) + 1;
      if (i === 0) {
        break;
      }
    } else {
      out += c;
    }
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
}

/** `compilerOptions.paths` of tsconfig.base.json with absolute targets: { '@baton/api/core': '/abs/libs/.../index.ts' }. */
function tsconfigAliases(root = ROOT) {
  const { compilerOptions = {} } = readJsonc(path.join(root, 'tsconfig.base.json'));
  const baseUrl = path.resolve(root, compilerOptions.baseUrl ?? '.');
  const aliases = {};
  for (const [alias, targets] of Object.entries(compilerOptions.paths ?? {})) {
    if (alias.includes('*')) {
      throw new Error(`tsconfig.base.json: wildcard path alias ${alias} is not supported by tools/lib/swc-config.cjs`);
    }
    aliases[alias] = path.resolve(baseUrl, targets[0]);
  }
  return { baseUrl, aliases };
}

/**
 * swc options matching tsconfig.base.json (ES2022, CommonJS, legacy decorators + metadata, no define semantics for
 * class fields, class names kept for Nest/TypeORM) with the @baton/* aliases rewritten to relative paths.
 * @param {{ root?: string, sourceMaps?: boolean | 'inline', ignoreDynamic?: boolean }} [opts]
 */
function swcOptions({ root = ROOT, sourceMaps = true, ignoreDynamic = false } = {}) {
  const { baseUrl, aliases } = tsconfigAliases(root);
  const paths = {};
  for (const [alias, file] of Object.entries(aliases)) {
    paths[alias] = [path.relative(baseUrl, file)];
  }
  return {
    swcrc: false,
    configFile: false,
    sourceMaps,
    jsc: {
      parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
      baseUrl, // swc requires it absolute
      paths,
    },
    module: { type: 'commonjs', strictMode: true, ignoreDynamic },
  };
}

/** Jest moduleNameMapper for every alias: { '^@baton/api/core$': '<rootDir>/libs/api/core/src/index.ts' }. */
function jestModuleNameMapper(root = ROOT) {
  const { aliases } = tsconfigAliases(root);
  const map = {};
  for (const [alias, file] of Object.entries(aliases)) {
    map[`^${alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`] =
      `<rootDir>/${path.relative(root, file).split(path.sep).join('/')}`;
  }
  return map;
}

module.exports = { ROOT, readJsonc, tsconfigAliases, swcOptions, jestModuleNameMapper };
