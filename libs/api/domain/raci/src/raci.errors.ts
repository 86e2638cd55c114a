import { ErrorCode } from '@baton/shared/contracts';
import { BatonError } from '@baton/api/core';
import { RaciProblem, RaciRule, RaciShapeIssue } from './rules/raci-rules';

/** Why a RACI operation was refused (besides the rule problems, which have their own code). */
export enum RaciError {
  NotAMember = 'not_a_member',
  UnknownUser = 'unknown_user',
  OneSource = 'one_source',
  NoSourceMatrix = 'no_source_matrix',
  SourceIsTarget = 'source_is_target',
  AgencyStaffOnly = 'agency_staff_only',
}

const MESSAGES: Record<RaciError, [ErrorCode, (d: Record<string, unknown>) => string]> = {
  [RaciError.NotAMember]: [
    ErrorCode.BadUserInput,
    (d) => `${String(d['field'])}: user ${String(d['userId'])} is not a member of this hotel or of its agency`,
  ],
  [RaciError.UnknownUser]: [
    ErrorCode.BadUserInput,
    (d) => `${String(d['field'])}: unknown user ${String(d['userId'])}`,
  ],
  [RaciError.OneSource]: [ErrorCode.BadUserInput, () => 'Give exactly one of agencyId and sourceHotelId'],
  [RaciError.NoSourceMatrix]: [ErrorCode.BadUserInput, () => 'The source has no RACI matrix to copy'],
  [RaciError.SourceIsTarget]: [ErrorCode.BadUserInput, () => 'The source hotel cannot also be a target'],
  [RaciError.AgencyStaffOnly]: [ErrorCode.Forbidden, () => "Only the agency's own staff can edit its RACI template"],
};

export function raciError(reason: RaciError, details: Record<string, unknown> = {}): BatonError {
  const [code, message] = MESSAGES[reason];
  return new BatonError(code, message(details), { reason, ...details });
}

const SHAPE_MESSAGES: Record<RaciShapeIssue['reason'], string> = {
  duplicate_party: 'names a party twice',
  duplicate_step: 'names a step twice',
  duplicate_cell: 'holds two letters for one cell',
  unknown_party: 'refers to a party that is not in parties',
  unknown_step: 'refers to a step that is not in steps',
};

export function raciShapeError(issue: RaciShapeIssue): BatonError {
  return BatonError.badInput(`${issue.field} ${SHAPE_MESSAGES[issue.reason]}: ${issue.key}`, { ...issue });
}

const RULE_TEXT: Record<RaciRule, (p: RaciProblem) => string> = {
  [RaciRule.ExactlyOneAccountable]: (p) => `${p.step} needs exactly one A (has ${p.count})`,
  [RaciRule.AtLeastOneResponsible]: (p) => `${p.step} needs at least one R (has none)`,
};

/** RACI_INVALID with every problem in `details.problems`, so an editor can mark each row. */
export function raciInvalid(problems: readonly RaciProblem[]): BatonError {
  const text = problems.map((p) => RULE_TEXT[p.rule](p)).join('; ');
  return new BatonError(ErrorCode.RaciInvalid, `The RACI matrix breaks its rules: ${text}`, {
    problems: problems.map((p) => ({ ...p })),
  });
}

export function staleRaci(currentVersion: number): BatonError {
  return new BatonError(
    ErrorCode.StaleVersion,
    `The RACI matrix was changed meanwhile (now version ${currentVersion}); reload and apply your edit again`,
    { currentVersion },
  );
}
