import { isEmail } from 'class-validator';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { InboundPayloadError, optText } from './parse-utils';

/** Turkish hotels: a local number such as 0532 123 45 67 is read in region TR. */
export const DEFAULT_PHONE_REGION = 'TR';

/** A phone number as E.164 (+905321234567); anything that is not a valid number is refused, naming the field. */
export function e164(value: unknown, field: string): string | undefined {
  const raw = optText(value, field, 40);
  if (raw === undefined) {
    return undefined;
  }
  const parsed = parsePhoneNumberFromString(raw, DEFAULT_PHONE_REGION);
  if (!parsed || !parsed.isValid()) {
    throw new InboundPayloadError(`${field} is not a valid phone number`, field);
  }
  return parsed.number;
}

export function email(value: unknown, field: string): string | undefined {
  const raw = optText(value, field, 254);
  if (raw === undefined) {
    return undefined;
  }
  if (!isEmail(raw)) {
    throw new InboundPayloadError(`${field} is not a valid e-mail address`, field);
  }
  return raw.toLowerCase();
}
