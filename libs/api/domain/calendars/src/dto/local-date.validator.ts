import { buildMessage, ValidateBy, ValidationOptions } from 'class-validator';
import { parseLocalDate } from '../math';

/** A real calendar day written YYYY-MM-DD (2026-02-30 is refused); a local day of the calendar's zone. */
export function IsLocalDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLocalDate',
      validator: {
        validate: (value: unknown) => parseLocalDate(value) !== null,
        defaultMessage: buildMessage((each) => `${each}$property must be a date written YYYY-MM-DD`, options),
      },
    },
    options,
  );
}
