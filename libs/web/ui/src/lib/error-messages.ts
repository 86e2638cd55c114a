/** Translation of a failed request (code + API message + details) into one sentence for the page. */

/** The shape `describeError` (data-access) returns; structural so this library does not depend on it. */
export interface RequestErrorLike {
  code: string;
  message: string | null;
  details: Readonly<Record<string, unknown>>;
}

export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** `details.missingFields` (strings only). */
export function missingFieldsIn(error: RequestErrorLike): string[] {
  const fields = error.details.missingFields;
  return Array.isArray(fields) ? fields.filter((field): field is string => typeof field === 'string') : [];
}

/**
 * One translated sentence. `fieldLabel` names case fields (guestName → "Misafir adı"); BAD_USER_INPUT and CONFLICT
 * carry the API's own message as the detail, since it names the field and the rejected value.
 */
export function requestErrorText(error: RequestErrorLike, t: Translate, fieldLabel: (field: string) => string): string {
  switch (error.code) {
    case 'NETWORK_ERROR':
      return t('common.networkError');
    case 'FORBIDDEN':
      return t('errors.forbidden');
    case 'READ_ONLY_TOKEN':
      return t('errors.readOnly');
    case 'NOT_FOUND':
      return t('errors.notFound');
    case 'BAD_USER_INPUT':
      return t('errors.badInput', { detail: error.message ?? '' });
    case 'CONFLICT':
      return t('errors.conflict', { detail: error.message ?? '' });
    case 'INVALID_TRANSITION':
      return t('errors.invalidTransition');
    case 'MANDATORY_FIELDS_MISSING':
      return t('errors.mandatoryFields', { fields: missingFieldsIn(error).map(fieldLabel).join(', ') });
    default:
      return t('errors.generic');
  }
}
