/**
 * Loop protection. Every event an automation's actions cause carries depth = cause.depth + 1 and the id of the root
 * event (the person's or webhook's change that started the chain). A rule never runs at depth ≥ MAX_AUTOMATION_DEPTH
 * and never twice for one root, so "add a label when the case is updated" stops after its first label instead of
 * re-triggering itself until the transaction's event cap rolls everything back.
 */
export const MAX_AUTOMATION_DEPTH = 3;

export type LoopDecision = { run: true } | { run: false; reason: LoopBlockReason };

export enum LoopBlockReason {
  Depth = 'depth',
  Repeat = 'repeat',
}

export function loopDecision(depth: number, ruleId: string, ranForRoot: ReadonlySet<string>): LoopDecision {
  if (depth >= MAX_AUTOMATION_DEPTH) {
    return { run: false, reason: LoopBlockReason.Depth };
  }
  if (ranForRoot.has(ruleId)) {
    return { run: false, reason: LoopBlockReason.Repeat };
  }
  return { run: true };
}

export function loopBlockMessage(reason: LoopBlockReason, depth: number): string {
  return reason === LoopBlockReason.Depth
    ? `loop protection: event depth ${depth} reached the limit of ${MAX_AUTOMATION_DEPTH}`
    : 'loop protection: the rule already ran for this chain of events';
}

/**
 * Which rules already ran for which root event, for one transaction (all events of a chain are drained in the
 * transaction that started it). Keyed by the transaction's EntityManager, so it is dropped with it.
 */
export class RootLedger {
  private readonly byTransaction = new WeakMap<object, Map<string, Set<string>>>();

  ran(tx: object, rootId: string): Set<string> {
    let roots = this.byTransaction.get(tx);
    if (!roots) {
      roots = new Map();
      this.byTransaction.set(tx, roots);
    }
    let rules = roots.get(rootId);
    if (!rules) {
      rules = new Set();
      roots.set(rootId, rules);
    }
    return rules;
  }
}
