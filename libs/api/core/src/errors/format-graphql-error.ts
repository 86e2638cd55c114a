import { HttpException, Logger } from '@nestjs/common';
import { ValidationFailed } from './validation-failed';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '@baton/shared/contracts';
import { BatonError } from './baton-error';

const PG_CODES: Record<string, { code: ErrorCode; message: string }> = {
  '23505': { code: ErrorCode.Conflict, message: 'Already exists' },
  '23503': { code: ErrorCode.BadUserInput, message: 'Refers to something that does not exist' },
  '22P02': { code: ErrorCode.BadUserInput, message: 'Malformed identifier or value' },
  '42501': { code: ErrorCode.Forbidden, message: 'Not allowed' },
};

function httpCode(status: number): ErrorCode {
  if (status === 400) {
    return ErrorCode.BadUserInput;
  }
  if (status === 401) {
    return ErrorCode.Unauthenticated;
  }
  if (status === 403) {
    return ErrorCode.Forbidden;
  }
  if (status === 404) {
    return ErrorCode.NotFound;
  }
  return ErrorCode.Internal;
}

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'object' && response && 'message' in response) {
    const message = (response as { message: unknown }).message;
    return Array.isArray(message) ? message.join('; ') : String(message);
  }
  return exception.message;
}

export interface ClassifiedError {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

const logger = new Logger('GraphQLErrors');

/**
 * Maps anything thrown to a client-safe code and message. Unknown errors become INTERNAL_SERVER_ERROR, never a stack;
 * they (and database errors) are logged here with their cause, since the client sees only the code.
 */
export function classifyError(error: unknown): ClassifiedError {
  if (error instanceof BatonError) {
    return { code: error.code, message: error.message, details: error.details };
  }
  if (error instanceof ValidationFailed) {
    return { code: ErrorCode.BadUserInput, message: error.message, details: error.details };
  }
  if (error instanceof HttpException) {
    return { code: httpCode(error.getStatus()), message: messageOf(error) };
  }
  logger.error({ err: error }, 'unexpected error in a GraphQL operation');
  const pgCode = (error as { code?: unknown; driverError?: { code?: unknown } } | null)?.driverError?.code;
  if (typeof pgCode === 'string' && PG_CODES[pgCode]) {
    return PG_CODES[pgCode];
  }
  return { code: ErrorCode.Internal, message: 'Internal server error' };
}

/** Apollo `formatError`: GraphQL validation errors keep their own code; everything else goes through classifyError. */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? null) : error;
  const existingCode = formatted.extensions?.code;
  if (!original || (original instanceof GraphQLError && !original.originalError)) {
    // Parse, validation and variable-coercion errors: the client's fault, with GraphQL's own message.
    const code = typeof existingCode === 'string' ? existingCode : ErrorCode.BadUserInput;
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  const classified = classifyError(original);
  return {
    message: classified.message,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: classified.code, ...(classified.details ? { details: classified.details } : {}) },
  };
}
