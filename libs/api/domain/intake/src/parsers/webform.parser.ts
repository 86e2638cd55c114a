import { InboundKind } from '@baton/shared/contracts';
import { createHash } from 'node:crypto';
import type { InboundItem, InboundPayload } from '../intake.types';
import { e164, email } from './contact-fields';
import { compact, InboundPayloadError, Json, optText } from './parse-utils';

/** Honeypot: a field humans never see; bots fill it. */
export const HONEYPOT_FIELD = 'website';

export type WebFormResult = { spam: true } | { spam: false; item: InboundItem };

/** The first present value among a field's accepted spellings (`utm_source` / `utmSource`). */
function pick(fields: Json, ...names: string[]): unknown {
  for (const name of names) {
    if (fields[name] !== undefined && fields[name] !== null && fields[name] !== '') {
      return fields[name];
    }
  }
  return undefined;
}

function stayDate(value: unknown, field: string): string | undefined {
  const raw = optText(value, field, 40);
  if (raw === undefined) {
    return undefined;
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.exec(raw);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !date || date.getUTCDate() !== Number(match[3]) || date.getUTCMonth() !== Number(match[2]) - 1) {
    throw new InboundPayloadError(`${field} must be an ISO date (YYYY-MM-DD)`, field);
  }
  return `${match[1]}-${match[2]}-${match[3]}`;
}

function count(value: unknown, field: string, min: number, max: number): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  const n = typeof value === 'string' && /^\s*\d{1,4}\s*$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
    throw new InboundPayloadError(`${field} must be a whole number from ${min} to ${max}`, field);
  }
  return n;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * A web-form submission (JSON or urlencoded fields). Validates like the form should have: name, phone or e-mail, and
 * the request are required; a phone is read in region TR and stored as E.164; dates are ISO and check-out follows
 * check-in. The external id is the client's `submissionId` (prefixed by the form key) or, without one, a hash of the
 * form key, the normalised fields and the minute, so a double-click or a browser retry is stored once.
 */
export function parseWebForm(formKey: string, fields: Json, receivedAt: Date): WebFormResult {
  if (optText(fields[HONEYPOT_FIELD], HONEYPOT_FIELD, 100000) !== undefined) {
    return { spam: true };
  }
  const name = optText(pick(fields, 'name', 'fullName'), 'name', 200);
  if (name === undefined) {
    throw new InboundPayloadError('name is required', 'name');
  }
  const phone = e164(pick(fields, 'phone'), 'phone');
  const mail = email(pick(fields, 'email'), 'email');
  if (phone === undefined && mail === undefined) {
    throw new InboundPayloadError('phone or email is required', 'phone');
  }
  const requestText = optText(pick(fields, 'message'), 'message', 5000);
  if (requestText === undefined) {
    throw new InboundPayloadError('message is required', 'message');
  }
  const checkIn = stayDate(pick(fields, 'checkIn', 'check_in'), 'checkIn');
  const checkOut = stayDate(pick(fields, 'checkOut', 'check_out'), 'checkOut');
  if (checkIn && checkOut && checkOut <= checkIn) {
    throw new InboundPayloadError('checkOut must be after checkIn', 'checkOut');
  }
  const form = compact({
    requestText,
    checkIn,
    checkOut,
    adults: count(pick(fields, 'adults'), 'adults', 1, 50),
    children: count(pick(fields, 'children'), 'children', 0, 20),
  });
  const utm = compact({
    source: optText(pick(fields, 'utm_source', 'utmSource'), 'utm_source', 200),
    medium: optText(pick(fields, 'utm_medium', 'utmMedium'), 'utm_medium', 200),
    campaign: optText(pick(fields, 'utm_campaign', 'utmCampaign'), 'utm_campaign', 200),
    content: optText(pick(fields, 'utm_content', 'utmContent'), 'utm_content', 200),
  });
  const contact = compact({ displayName: name, phone, email: mail });
  const submissionId = optText(pick(fields, 'submissionId', 'submission_id'), 'submissionId', 150);
  const externalId = submissionId
    ? `${formKey}:${submissionId}`
    : createHash('sha256')
        .update(
          JSON.stringify([
            formKey,
            collapse(name).toLowerCase(),
            phone ?? '',
            mail ?? '',
            collapse(requestText),
            checkIn ?? '',
            checkOut ?? '',
            form.adults ?? '',
            form.children ?? '',
            Math.floor(receivedAt.getTime() / 60000),
          ]),
        )
        .digest('hex');
  const payload: InboundPayload = { raw: fields, contact, form, ...(Object.keys(utm).length > 0 ? { utm } : {}) };
  return {
    spam: false,
    item: { kind: InboundKind.Form, externalId, occurredAt: receivedAt, accountExternalId: formKey, payload },
  };
}
