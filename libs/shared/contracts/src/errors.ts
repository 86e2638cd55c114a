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
  /** An edit based on an old version of the record (extensions: currentVersion). */
  StaleVersion = 'STALE_VERSION',
  /** A RACI matrix that breaks the rules (extensions: problems[] with step, rule). */
  RaciInvalid = 'RACI_INVALID',
  Internal = 'INTERNAL_SERVER_ERROR',
}
