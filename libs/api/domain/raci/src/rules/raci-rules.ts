import { RaciRole } from '@baton/shared/contracts';
import type { RaciDocument } from './raci-document';

/** The rules every step of a saved matrix must meet. */
export enum RaciRule {
  ExactlyOneAccountable = 'exactly_one_accountable',
  AtLeastOneResponsible = 'at_least_one_responsible',
}

/** One broken rule on one step; `count` is how many letters of that kind the step has (0, or 2+ for A). */
export interface RaciProblem {
  step: string;
  rule: RaciRule;
  count: number;
}

/** Why a matrix is malformed (refused as BAD_USER_INPUT before the rules are even looked at). */
export interface RaciShapeIssue {
  field: string;
  reason: 'duplicate_party' | 'duplicate_step' | 'duplicate_cell' | 'unknown_party' | 'unknown_step';
  key: string;
}

/** Pure: each step needs exactly one A and at least one R. Steps in document order, A before R. */
export function raciProblems(doc: RaciDocument): RaciProblem[] {
  const problems: RaciProblem[] = [];
  for (const step of doc.steps) {
    const letters = doc.cells.filter((cell) => cell.step === step.key).map((cell) => cell.role);
    const accountable = letters.filter((role) => role === RaciRole.Accountable).length;
    const responsible = letters.filter((role) => role === RaciRole.Responsible).length;
    if (accountable !== 1) {
      problems.push({ step: step.key, rule: RaciRule.ExactlyOneAccountable, count: accountable });
    }
    if (responsible < 1) {
      problems.push({ step: step.key, rule: RaciRule.AtLeastOneResponsible, count: responsible });
    }
  }
  return problems;
}

function firstDuplicate(keys: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) {
      return key;
    }
    seen.add(key);
  }
  return null;
}

/** Pure: the first structural mistake (repeated keys, a cell naming a missing row or column, two letters in a cell). */
export function raciShapeIssue(doc: RaciDocument): RaciShapeIssue | null {
  const party = firstDuplicate(doc.parties.map((p) => p.key));
  if (party !== null) {
    return { field: 'parties', reason: 'duplicate_party', key: party };
  }
  const step = firstDuplicate(doc.steps.map((s) => s.key));
  if (step !== null) {
    return { field: 'steps', reason: 'duplicate_step', key: step };
  }
  const parties = new Set(doc.parties.map((p) => p.key));
  const steps = new Set(doc.steps.map((s) => s.key));
  for (const cell of doc.cells) {
    if (!steps.has(cell.step)) {
      return { field: 'cells', reason: 'unknown_step', key: cell.step };
    }
    if (!parties.has(cell.party)) {
      return { field: 'cells', reason: 'unknown_party', key: cell.party };
    }
  }
  const cell = firstDuplicate(doc.cells.map((c) => `${c.step}/${c.party}`));
  return cell === null ? null : { field: 'cells', reason: 'duplicate_cell', key: cell };
}
