import { ErrorCode } from '@baton/shared/contracts';

/** An API `extensions.code`, or what went wrong before the API could answer. */
export type RequestErrorCode = ErrorCode | 'NETWORK_ERROR' | 'UNKNOWN';

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

type Loose = Record<string, unknown>;

function isObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null;
}

/** `extensions.code` of the first GraphQL error in a list that carries a known one. */
function codeFromGraphQLErrors(errors: unknown): ErrorCode | null {
  if (!Array.isArray(errors)) {
    return null;
  }
  for (const error of errors) {
    const code = isObject(error) && isObject(error.extensions) ? error.extensions.code : undefined;
    if (typeof code === 'string' && KNOWN_CODES.has(code)) {
      return code as ErrorCode;
    }
  }
  return null;
}

/**
 * Reads the error code from whatever Apollo, graphql-ws or fetch threw: an `ApolloError` (GraphQL errors or a network
 * error whose body holds GraphQL errors), a bare list of GraphQL errors, or a transport failure.
 * Checks shapes instead of classes so it works across Apollo entry points.
 */
export function errorCodeOf(error: unknown): RequestErrorCode {
  if (Array.isArray(error)) {
    return codeFromGraphQLErrors(error) ?? 'UNKNOWN';
  }
  if (!isObject(error)) {
    return 'UNKNOWN';
  }
  const direct = codeFromGraphQLErrors(error.graphQLErrors) ?? codeFromGraphQLErrors(error.errors);
  if (direct) {
    return direct;
  }
  if (
    isObject(error.extensions) &&
    typeof error.extensions.code === 'string' &&
    KNOWN_CODES.has(error.extensions.code)
  ) {
    return error.extensions.code as ErrorCode;
  }
  const network = error.networkError;
  if (isObject(network)) {
    const fromBody = isObject(network.result) ? codeFromGraphQLErrors(network.result.errors) : null;
    if (fromBody) {
      return fromBody;
    }
    const nested = codeFromGraphQLErrors(network.graphQLErrors);
    if (nested) {
      return nested;
    }
    if (network.statusCode === 401) {
      return ErrorCode.Unauthenticated;
    }
    if (network.statusCode === 429) {
      return ErrorCode.RateLimited;
    }
    return 'NETWORK_ERROR';
  }
  if (error.name === 'TypeError' || error.name === 'ServerError' || error.name === 'ServerParseError') {
    return 'NETWORK_ERROR';
  }
  return 'UNKNOWN';
}

export function isUnauthenticated(error: unknown): boolean {
  return errorCodeOf(error) === ErrorCode.Unauthenticated;
}
