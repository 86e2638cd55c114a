import { errorCodeOf, type RequestErrorCode } from './errors';

/** A failed request as the page shows it: the code (for a translated text), the API's message and its details. */
export interface RequestErrorInfo {
  code: RequestErrorCode;
  /** The API's message (English, meant for logs and as a fallback detail), or null. */
  message: string | null;
  /** `extensions.details`, e.g. `{ missingFields: ['guestName'] }` or `{ field: 'utmCampaign' }`. */
  details: Readonly<Record<string, unknown>>;
}

type Loose = Record<string, unknown>;

function isObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null;
}

function firstGraphQLError(error: unknown): Loose | null {
  const lists: unknown[] = [];
  if (Array.isArray(error)) {
    lists.push(error);
  } else if (isObject(error)) {
    lists.push(error.graphQLErrors, error.errors);
    if (isObject(error.networkError) && isObject(error.networkError.result)) {
      lists.push(error.networkError.result.errors);
    }
    if (isObject(error.extensions)) {
      return error;
    }
  }
  for (const list of lists) {
    if (Array.isArray(list) && list.length > 0 && isObject(list[0])) {
      return list[0];
    }
  }
  return null;
}

/** Reads code, message and `extensions.details` from whatever Apollo threw (see `errorCodeOf`). */
export function describeError(error: unknown): RequestErrorInfo {
  const code = errorCodeOf(error);
  const first = firstGraphQLError(error);
  const extensions = first && isObject(first.extensions) ? first.extensions : null;
  const details = extensions && isObject(extensions.details) ? extensions.details : {};
  const message = first && typeof first.message === 'string' ? first.message : null;
  return { code, message, details };
}

/** `details.missingFields` of a MANDATORY_FIELDS_MISSING error (strings only). */
export function missingFieldsOf(info: RequestErrorInfo): string[] {
  const fields = info.details.missingFields;
  return Array.isArray(fields) ? fields.filter((field): field is string => typeof field === 'string') : [];
}
