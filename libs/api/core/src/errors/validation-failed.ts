import { BadRequestException } from '@nestjs/common';
import type { ValidationError } from 'class-validator';

/** One failed input field: its path (`input.labels.0`) and class-validator's messages. */
export interface FieldProblem {
  field: string;
  messages: string[];
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {});
    const nested = flatten(error.children ?? [], path);
    return own.length > 0 ? [{ field: path, messages: own }, ...nested] : nested;
  });
}

/**
 * What the global ValidationPipe throws: still a 400 for HTTP routes, and for GraphQL a BAD_USER_INPUT whose
 * `extensions.details` names the fields (`field` = the first one), so a form can put the message next to the input.
 */
export class ValidationFailed extends BadRequestException {
  readonly details: { field: string; fields: FieldProblem[] };

  constructor(readonly problems: FieldProblem[]) {
    super(problems.flatMap((p) => p.messages).join('; ') || 'Invalid input');
    this.details = { field: problems[0]?.field ?? '', fields: problems };
  }

  static fromClassValidator(errors: ValidationError[]): ValidationFailed {
    return new ValidationFailed(flatten(errors));
  }
}
