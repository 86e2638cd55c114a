import { IntrinsicException } from '@nestjs/common';
import { ErrorCode } from '@baton/shared/contracts';

/**
 * The one error type services throw. Modules define their own enums of messages/reasons but always map to an
 * ErrorCode, so the GraphQL formatter and the HTTP filter can translate without knowing the module.
 */
// IntrinsicException: an expected, client-caused outcome; Nest's default exception filter does not log it as an error.
export class BatonError extends IntrinsicException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'BatonError';
  }

  /** graphql-js copies an original error's `extensions` onto the GraphQLError (used on the graphql-ws path). */
  get extensions(): Record<string, unknown> {
    return { code: this.code, ...(this.details ? { details: this.details } : {}) };
  }

  static notFound(entity: string, id?: string): BatonError {
    return new BatonError(ErrorCode.NotFound, `${entity} not found`, id ? { id } : undefined);
  }

  static badInput(message: string, details?: Record<string, unknown>): BatonError {
    return new BatonError(ErrorCode.BadUserInput, message, details);
  }

  static unauthenticated(message = 'Authentication required'): BatonError {
    return new BatonError(ErrorCode.Unauthenticated, message);
  }

  static forbidden(message = 'Not allowed'): BatonError {
    return new BatonError(ErrorCode.Forbidden, message);
  }

  static conflict(message: string): BatonError {
    return new BatonError(ErrorCode.Conflict, message);
  }
}

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${String(value)}`);
}
