import { InboundKind } from '@baton/shared/contracts';
import type { CallOutcome, InboundItem } from '../intake.types';
import { e164 } from './contact-fields';
import { compact, InboundPayloadError, isoDateTime, Json, optText, text } from './parse-utils';
import { batch } from './generic-message.parser';

const OUTCOMES: readonly CallOutcome[] = ['answered', 'missed', 'abandoned', 'voicemail'];

function parseCall(accountKey: string, c: Json): InboundItem {
  const callId = text(c['callId'], 'callId', 200);
  const direction = c['direction'];
  if (direction !== 'in' && direction !== 'out') {
    throw new InboundPayloadError('direction must be "in" or "out"', 'direction');
  }
  const outcome = c['outcome'];
  if (typeof outcome !== 'string' || !(OUTCOMES as readonly string[]).includes(outcome)) {
    throw new InboundPayloadError(`outcome must be one of: ${OUTCOMES.join(', ')}`, 'outcome');
  }
  const startedAt = isoDateTime(c['startedAt'], 'startedAt');
  const answeredAt =
    c['answeredAt'] === undefined || c['answeredAt'] === null ? undefined : isoDateTime(c['answeredAt'], 'answeredAt');
  const duration = c['durationSeconds'] ?? 0;
  if (typeof duration !== 'number' || !Number.isInteger(duration) || duration < 0 || duration > 86400) {
    throw new InboundPayloadError('durationSeconds must be a whole number of seconds', 'durationSeconds');
  }
  // The guest is the caller of an incoming call and the called party of an outgoing one.
  const guestField = direction === 'in' ? 'callerNumber' : 'calledNumber';
  const phone = e164(c[guestField], guestField);
  if (!phone) {
    throw new InboundPayloadError(`${guestField} is required`, guestField);
  }
  return {
    kind: InboundKind.Call,
    externalId: callId,
    occurredAt: startedAt,
    accountExternalId: accountKey,
    payload: {
      raw: c,
      contact: { phone },
      call: compact({
        direction: direction as 'in' | 'out',
        startedAt: startedAt.toISOString(),
        answeredAt: answeredAt?.toISOString(),
        durationSeconds: duration,
        agent: optText(c['agent'], 'agent', 200),
        outcome: outcome as CallOutcome,
        recordingRef: optText(c['recordingRef'], 'recordingRef', 1000),
      }),
    },
  };
}

/**
 * A PBX call-log record (or an array of them): `{callId, callerNumber, calledNumber, direction, startedAt, answeredAt,
 * durationSeconds, agent, outcome, recordingRef}`. Missed and abandoned calls are stored too: they are leads.
 */
export function parseCallLog(accountKey: string, body: unknown): InboundItem[] {
  return batch(body).map((c) => parseCall(accountKey, c));
}
