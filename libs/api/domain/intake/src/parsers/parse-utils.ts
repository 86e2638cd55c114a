/** A payload that does not have the shape its provider documents (HTTP 400, nothing stored). */
export class InboundPayloadError extends Error {
  constructor(
    message: string,
    /** The offending field, for web-form style validation answers. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'InboundPayloadError';
  }
}

export type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function record(value: unknown, path: string): Json {
  if (!isRecord(value)) {
    throw new InboundPayloadError(`${path} must be an object`, path);
  }
  return value;
}

export function list(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) {
    throw new InboundPayloadError(`${path} must be an array`, path);
  }
  return value;
}

/** An optional array: absent is empty, anything else but an array is malformed. */
export function optList(value: unknown, path: string): unknown[] {
  return value === undefined || value === null ? [] : list(value, path);
}

/** A non-empty string (numbers are accepted and stringified: providers send ids both ways). */
export function text(value: unknown, path: string, max = 1000): string {
  const out = optText(value, path, max);
  if (out === undefined) {
    throw new InboundPayloadError(`${path} is required`, path);
  }
  return out;
}

export function optText(value: unknown, path: string, max = 1000): string | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    return String(value);
  }
  if (typeof value !== 'string') {
    throw new InboundPayloadError(`${path} must be a string`, path);
  }
  const trimmed = value.trim();
  if (trimmed.length > max) {
    throw new InboundPayloadError(`${path} must be at most ${max} characters`, path);
  }
  return trimmed === '' ? undefined : trimmed;
}

/** Seconds since the epoch (WhatsApp sends them as a decimal string). */
export function epochSeconds(value: unknown, path: string): Date {
  const n = typeof value === 'string' && /^\d{1,12}$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    throw new InboundPayloadError(`${path} must be a Unix timestamp in seconds`, path);
  }
  return new Date(n * 1000);
}

/** Milliseconds since the epoch (Messenger and Instagram). */
export function epochMillis(value: unknown, path: string): Date {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new InboundPayloadError(`${path} must be a Unix timestamp in milliseconds`, path);
  }
  return new Date(value);
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** An ISO 8601 date or date-time; returns the Date. */
export function isoDateTime(value: unknown, path: string): Date {
  const raw = text(value, path, 40);
  const date = new Date(raw);
  if (!ISO_DATE_TIME.test(raw) || Number.isNaN(date.getTime())) {
    throw new InboundPayloadError(`${path} must be an ISO 8601 date-time`, path);
  }
  return date;
}

/** Drops undefined members, so stored payloads carry no `"x": null` noise for absent fields. */
export function compact<T extends Json>(value: T): T {
  for (const key of Object.keys(value)) {
    if (value[key] === undefined) {
      delete value[key];
    }
  }
  return value;
}
