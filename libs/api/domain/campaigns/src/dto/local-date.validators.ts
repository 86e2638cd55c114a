import { buildMessage, ValidateBy, ValidationArguments, ValidationOptions } from 'class-validator';

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD (2026-02-30 is refused). No time zone: it is a hotel-local day. */
export function isLocalDate(value: unknown): value is string {
  const match = typeof value === 'string' ? LOCAL_DATE.exec(value) : null;
  if (!match) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

export function IsLocalDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLocalDate',
      validator: {
        validate: (value: unknown) => isLocalDate(value),
        defaultMessage: buildMessage((each) => `${each}$property must be a date written YYYY-MM-DD`, options),
      },
    },
    options,
  );
}

/** The day is the same as or later than the day in `property` (checked only when both are valid days). */
export function IsOnOrAfter(property: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isOnOrAfter',
      constraints: [property],
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => {
          const other = (args?.object as Record<string, unknown> | undefined)?.[property];
          return !isLocalDate(value) || !isLocalDate(other) || value >= other;
        },
        defaultMessage: buildMessage((each) => `${each}$property must be on or after ${property}`, options),
      },
    },
    options,
  );
}
