import { Condition, ConditionField, ConditionGroup, ConditionOp, GroupMatch } from '../model/rule-definition';
import { matchKeywords } from './text-fold';

/**
 * What a rule's conditions look at, for one event: the case (or the ticket, with its case's fields) right after the
 * change, plus facts of the event itself. Built by rule-facts.ts live and by the dry-run from history.
 */
export interface RuleFacts {
  priority: string | null;
  channel: string | null;
  requestType: string | null;
  labels: readonly string[];
  status: string | null;
  team: string | null;
  ownerId: string | null;
  messageRounds: number;
  /** The guest's words this event is about: the message for message events, else the case's request text. */
  guestText: string;
  ticketKind: string | null;
  minutesToDue: number | null;
  /** Whether the event happened inside the hotel's business hours; null when not computed. */
  businessHours: boolean | null;
}

export interface EvaluationEnv {
  /** Keyword sets of the hotel by name. A set the rule names but the hotel lacks matches nothing. */
  keywordSets: ReadonlyMap<string, readonly string[]>;
}

export interface Evaluation {
  matched: boolean;
  /** Keywords found by `matches` conditions (for the run log: "matched: iptal"). */
  keywords: string[];
}

/** Pure: does the tree hold for these facts? */
export function evaluateConditions(group: ConditionGroup, facts: RuleFacts, env: EvaluationEnv): Evaluation {
  const keywords: string[] = [];
  const matched = holds(group, facts, env, keywords);
  return { matched, keywords: [...new Set(keywords)] };
}

function holds(group: ConditionGroup, facts: RuleFacts, env: EvaluationEnv, keywords: string[]): boolean {
  const results = [
    ...group.conditions.map((c) => () => conditionHolds(c, facts, env, keywords)),
    ...group.groups.map((g) => () => holds(g, facts, env, keywords)),
  ];
  if (results.length === 0) {
    return true;
  }
  // Evaluate every branch of an `any` group (not short-circuit) so the log names every keyword that matched.
  const values = results.map((r) => r());
  return group.match === GroupMatch.Any ? values.some(Boolean) : values.every(Boolean);
}

export function conditionHolds(
  condition: Condition,
  facts: RuleFacts,
  env: EvaluationEnv,
  keywords: string[] = [],
): boolean {
  const { op, values } = condition;
  switch (condition.field) {
    case ConditionField.Priority:
      return compareScalar(op, facts.priority, values);
    case ConditionField.Channel:
      return compareScalar(op, facts.channel, values);
    case ConditionField.RequestType:
      return compareScalar(op, facts.requestType, values);
    case ConditionField.Status:
      return compareScalar(op, facts.status, values);
    case ConditionField.Team:
      return compareScalar(op, facts.team, values);
    case ConditionField.Owner:
      return compareScalar(op, facts.ownerId, values);
    case ConditionField.TicketKind:
      return compareScalar(op, facts.ticketKind, values);
    case ConditionField.Labels:
      return compareList(op, facts.labels, values);
    case ConditionField.MessageRounds:
      return compareNumber(op, facts.messageRounds, condition.number);
    case ConditionField.MinutesToDue:
      return compareNumber(op, facts.minutesToDue, condition.number);
    case ConditionField.Keywords: {
      const found = values.flatMap((name) => matchKeywords(facts.guestText, env.keywordSets.get(name) ?? []));
      if (op === ConditionOp.Matches) {
        keywords.push(...found);
        return found.length > 0;
      }
      return op === ConditionOp.NotMatches ? found.length === 0 : false;
    }
    case ConditionField.BusinessHours:
      if (facts.businessHours === null) {
        return false;
      }
      return op === ConditionOp.Inside ? facts.businessHours : op === ConditionOp.Outside && !facts.businessHours;
  }
}

function compareScalar(op: ConditionOp, value: string | null, values: readonly string[]): boolean {
  switch (op) {
    case ConditionOp.Is:
      return value !== null && values.includes(value);
    case ConditionOp.IsNot:
      return value === null || !values.includes(value);
    case ConditionOp.IsEmpty:
      return value === null || value === '';
    case ConditionOp.IsNotEmpty:
      return value !== null && value !== '';
    default:
      return false;
  }
}

function compareList(op: ConditionOp, list: readonly string[], values: readonly string[]): boolean {
  switch (op) {
    case ConditionOp.Contains:
      return values.some((v) => list.includes(v));
    case ConditionOp.NotContains:
      return !values.some((v) => list.includes(v));
    case ConditionOp.IsEmpty:
      return list.length === 0;
    case ConditionOp.IsNotEmpty:
      return list.length > 0;
    default:
      return false;
  }
}

function compareNumber(op: ConditionOp, value: number | null, bound: number | null | undefined): boolean {
  if (value === null || bound === null || bound === undefined) {
    return false;
  }
  if (op === ConditionOp.AtLeast) {
    return value >= bound;
  }
  return op === ConditionOp.AtMost && value <= bound;
}

/** Whether the tree has a condition on `field` (to skip loading what no rule looks at). */
export function usesField(group: ConditionGroup, field: ConditionField): boolean {
  return group.conditions.some((c) => c.field === field) || group.groups.some((g) => usesField(g, field));
}
