/**
 * The RACI editor's draft and its rules, as pure functions (no Vue, no Apollo) so they can be unit-tested and so the
 * page can validate every keystroke without a round trip. The API checks the same rules again on save.
 */
import type { RaciLetter, RaciMatrix, SaveRaciMatrixInput } from '@baton/web/data-access';

export const RACI_LETTERS: readonly RaciLetter[] = ['R', 'A', 'C', 'I'];
export const HOTEL_ROLES = ['viewer', 'agent', 'supervisor', 'gm', 'admin'] as const;

export interface DraftParty {
  key: string;
  name: string;
  team: string | null;
  roles: string[];
  userIds: string[];
}

export interface DraftStep {
  key: string;
  name: string;
}

export interface RaciDraft {
  version: number;
  parties: DraftParty[];
  steps: DraftStep[];
  /** `step|party` → letter; a missing key is an empty cell. */
  cells: Record<string, RaciLetter>;
  autoAssign: boolean;
  /** 'HH:mm', or '' for no digest. */
  digestTime: string;
}

export type RowRule = 'exactly_one_accountable' | 'at_least_one_responsible';

export interface RowProblem {
  rule: RowRule;
  count: number;
}

export const cellKey = (step: string, party: string): string => `${step}|${party}`;

export function draftFrom(matrix: RaciMatrix): RaciDraft {
  return {
    version: matrix.version,
    parties: matrix.parties.map((p) => ({
      key: p.key,
      name: p.name,
      team: p.team,
      roles: [...p.roles],
      userIds: [...p.userIds],
    })),
    steps: matrix.steps.map((s) => ({ key: s.key, name: s.name })),
    cells: Object.fromEntries(matrix.cells.map((c) => [cellKey(c.step, c.party), c.role])),
    autoAssign: matrix.autoAssign,
    digestTime: matrix.digestTime ?? '',
  };
}

export function letterAt(draft: RaciDraft, step: string, party: string): RaciLetter | null {
  return draft.cells[cellKey(step, party)] ?? null;
}

/** Per step (in row order): exactly one A, at least one R. Steps without problems are absent. */
export function rowProblems(draft: RaciDraft): Map<string, RowProblem[]> {
  const out = new Map<string, RowProblem[]>();
  for (const step of draft.steps) {
    const letters = draft.parties.map((p) => letterAt(draft, step.key, p.key));
    const accountable = letters.filter((l) => l === 'A').length;
    const responsible = letters.filter((l) => l === 'R').length;
    const problems: RowProblem[] = [];
    if (accountable !== 1) {
      problems.push({ rule: 'exactly_one_accountable', count: accountable });
    }
    if (responsible < 1) {
      problems.push({ rule: 'at_least_one_responsible', count: responsible });
    }
    if (problems.length > 0) {
      out.set(step.key, problems);
    }
  }
  return out;
}

/** Names must not be blank; the rows must meet the rules. */
export function draftIsValid(draft: RaciDraft): boolean {
  const named = [...draft.parties, ...draft.steps].every((item) => item.name.trim().length > 0);
  return named && rowProblems(draft).size === 0;
}

/** The save input; cells of removed rows or columns are left out. */
export function toSaveInput(draft: RaciDraft): Omit<SaveRaciMatrixInput, 'hotelId'> {
  const cells: SaveRaciMatrixInput['cells'] = [];
  for (const step of draft.steps) {
    for (const party of draft.parties) {
      const role = letterAt(draft, step.key, party.key);
      if (role) {
        cells.push({ step: step.key, party: party.key, role });
      }
    }
  }
  return {
    version: draft.version,
    parties: draft.parties.map((p) => ({ ...p, name: p.name.trim(), roles: [...p.roles], userIds: [...p.userIds] })),
    steps: draft.steps.map((s) => ({ key: s.key, name: s.name.trim() })),
    cells,
    autoAssign: draft.autoAssign,
    digestTime: draft.digestTime || null,
  };
}

const TURKISH: Record<string, string> = { ç: 'c', ğ: 'g', ı: 'i', ö: 'o', ş: 's', ü: 'u' };

/** A key for a new row or column from its name ("Ön büro" → on_buro), unique among `taken` (on_buro_2 …). */
export function keyFor(name: string, taken: readonly string[]): string {
  const base =
    name
      .toLocaleLowerCase('tr')
      .replace(/[çğıöşü]/g, (ch) => TURKISH[ch] ?? ch)
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 34) || 'item';
  let key = base;
  for (let n = 2; taken.includes(key); n++) {
    key = `${base}_${n}`;
  }
  return key;
}

export function withLetter(draft: RaciDraft, step: string, party: string, letter: RaciLetter | null): RaciDraft {
  const cells = { ...draft.cells };
  if (letter) {
    cells[cellKey(step, party)] = letter;
  } else {
    delete cells[cellKey(step, party)];
  }
  return { ...draft, cells };
}

export function withStep(draft: RaciDraft, name: string): RaciDraft {
  const key = keyFor(
    name,
    draft.steps.map((s) => s.key),
  );
  return { ...draft, steps: [...draft.steps, { key, name }] };
}

export function withParty(draft: RaciDraft, name: string): RaciDraft {
  const key = keyFor(
    name,
    draft.parties.map((p) => p.key),
  );
  return { ...draft, parties: [...draft.parties, { key, name, team: null, roles: [], userIds: [] }] };
}

function withoutCells(cells: RaciDraft['cells'], keep: (step: string, party: string) => boolean): RaciDraft['cells'] {
  return Object.fromEntries(
    Object.entries(cells).filter(([key]) => {
      const [step, party] = key.split('|');
      return keep(step, party);
    }),
  );
}

export function withoutStep(draft: RaciDraft, key: string): RaciDraft {
  return {
    ...draft,
    steps: draft.steps.filter((s) => s.key !== key),
    cells: withoutCells(draft.cells, (step) => step !== key),
  };
}

export function withoutParty(draft: RaciDraft, key: string): RaciDraft {
  return {
    ...draft,
    parties: draft.parties.filter((p) => p.key !== key),
    cells: withoutCells(draft.cells, (_, party) => party !== key),
  };
}

export function withPartyChanges(draft: RaciDraft, key: string, changes: Partial<Omit<DraftParty, 'key'>>): RaciDraft {
  return { ...draft, parties: draft.parties.map((p) => (p.key === key ? { ...p, ...changes } : p)) };
}

export function withStepName(draft: RaciDraft, key: string, name: string): RaciDraft {
  return { ...draft, steps: draft.steps.map((s) => (s.key === key ? { ...s, name } : s)) };
}
