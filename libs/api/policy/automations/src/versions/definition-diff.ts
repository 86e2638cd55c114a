import type { RuleDefinition } from '../model/rule-definition';

/** What a version stores besides who and when: the rule as it was. */
export interface RuleSnapshot {
  name: string;
  enabled: boolean;
  definition: RuleDefinition;
}

/** One changed leaf, e.g. `actions[1].value`: "P2" → "P1". Values are JSON text; null = absent. */
export interface DiffEntry {
  path: string;
  before: string | null;
  after: string | null;
}

const SECRET_KEYS = new Set(['secretSealed']);
const MASK = '"••••"';

/**
 * Pure: the leaves that differ between two snapshots (`before` null = created). Objects recurse by key, arrays of
 * objects by index, arrays of scalars are one leaf (["P1","P2"] is read as a whole). Secrets show as masked.
 */
export function diffSnapshots(before: RuleSnapshot | null, after: RuleSnapshot): DiffEntry[] {
  const out: DiffEntry[] = [];
  walk('', before ?? undefined, after, out);
  return out;
}

function walk(path: string, a: unknown, b: unknown, out: DiffEntry[]): void {
  if (isPlainObject(a) || isPlainObject(b)) {
    const left = isPlainObject(a) ? a : {};
    const right = isPlainObject(b) ? b : {};
    if (!isPlainObject(a) && a !== undefined && a !== null) {
      out.push(leaf(path, a, undefined));
    }
    for (const key of [...new Set([...Object.keys(left), ...Object.keys(right)])].sort()) {
      const child = path ? `${path}.${key}` : key;
      if (SECRET_KEYS.has(key)) {
        if (!sameValue(left[key], right[key])) {
          out.push({ path: child, before: present(left[key]) ? MASK : null, after: present(right[key]) ? MASK : null });
        }
        continue;
      }
      walk(child, left[key], right[key], out);
    }
    if (!isPlainObject(b) && b !== undefined && b !== null) {
      out.push(leaf(path, undefined, b));
    }
    return;
  }
  const left = Array.isArray(a) ? a : a === undefined || a === null ? [] : null;
  const right = Array.isArray(b) ? b : b === undefined || b === null ? [] : null;
  if (left && right && (left.some(isPlainObject) || right.some(isPlainObject))) {
    for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
      walk(`${path}[${i}]`, left[i], right[i], out);
    }
    return;
  }
  if (!sameValue(a, b)) {
    out.push(leaf(path, a, b));
  }
}

function leaf(path: string, a: unknown, b: unknown): DiffEntry {
  return { path, before: present(a) ? JSON.stringify(a) : null, after: present(b) ? JSON.stringify(b) : null };
}

/** null, undefined, '' and [] all mean "not set" (an editor clearing a field is not a change from absent). */
function present(value: unknown): boolean {
  return !(value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (!present(a) && !present(b)) {
    return true;
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
