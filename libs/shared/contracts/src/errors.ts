/** `extensions.code` values clients may rely on. */
export enum ErrorCode {
  BadUserInput = 'BAD_USER_INPUT',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  ReadOnlyToken = 'READ_ONLY_TOKEN',
  RateLimited = 'RATE_LIMITED',
  /** A case status change the pipeline does not allow (extensions: from, to, allowed). */
  InvalidTransition = 'INVALID_TRANSITION',
  /** A handoff without guest name, contact or request text (extensions: missingFields). */
  MandatoryFieldsMissing = 'MANDATORY_FIELDS_MISSING',
  Internal = 'INTERNAL_SERVER_ERROR',
}
