import { CASE_TRANSITIONS, CaseStatus, DeliveryStatus, ErrorCode, MandatoryCaseField } from '@baton/shared/contracts';
import { BatonError } from '@baton/api/core';
import { CasesError, casesError } from '../cases.errors';
import { decodeCursor, encodeCursor } from '../services/case-cursor';
import { reportRank } from '../services/case-intake.service';
import { formatCaseNumber, isTerminal, missingMandatoryFields, nextStatuses } from '../services/case-rules';
import { assertTransition } from '../services/case-workflow.service';
import type { CaseRecord } from '../services/case-record';

const record = (status: CaseStatus, mergedIntoId: string | null = null) => ({ status, mergedIntoId }) as CaseRecord;

function thrown(work: () => unknown): BatonError {
  try {
    work();
  } catch (error) {
    if (error instanceof BatonError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a BatonError');
}

describe('status pipeline (unit)', () => {
  const all = Object.values(CaseStatus);

  it.each(all.flatMap((from) => all.map((to) => [from, to] as const)))(
    '%s → %s follows CASE_TRANSITIONS',
    (from, to) => {
      const allowed = CASE_TRANSITIONS[from].includes(to);
      if (allowed) {
        expect(() => assertTransition(record(from), to)).not.toThrow();
      } else {
        const error = thrown(() => assertTransition(record(from), to));
        expect(error.code).toBe(ErrorCode.InvalidTransition);
        expect(error.details).toEqual({ from, to, allowed: [...CASE_TRANSITIONS[from]] });
        expect(error.message).toContain(`from ${from} to ${to}`);
      }
    },
  );

  it('walks the happy path new → open → in_progress → handed_off → quoted → won → closed', () => {
    const path = [
      CaseStatus.New,
      CaseStatus.Open,
      CaseStatus.InProgress,
      CaseStatus.HandedOff,
      CaseStatus.Quoted,
      CaseStatus.Won,
      CaseStatus.Closed,
    ];
    for (let i = 1; i < path.length; i++) {
      expect(() => assertTransition(record(path[i - 1]), path[i])).not.toThrow();
    }
  });

  it('terminal statuses reopen only to open; won cannot be reopened', () => {
    expect(nextStatuses(CaseStatus.Lost)).toEqual([CaseStatus.Open]);
    expect(nextStatuses(CaseStatus.Closed)).toEqual([CaseStatus.Open]);
    expect(nextStatuses(CaseStatus.Won)).toEqual([CaseStatus.Closed]);
    expect(all.filter(isTerminal)).toEqual([CaseStatus.Won, CaseStatus.Lost, CaseStatus.Closed]);
  });

  it('a case merged into another allows no transition at all', () => {
    expect(nextStatuses(CaseStatus.Closed, 'f3c1b2a0-0000-4000-8000-000000000000')).toEqual([]);
    const error = thrown(() =>
      assertTransition(record(CaseStatus.Closed, 'f3c1b2a0-0000-4000-8000-000000000000'), CaseStatus.Open),
    );
    expect(error.details).toEqual({ from: 'closed', to: 'open', allowed: [] });
  });
});

describe('mandatory fields (unit)', () => {
  it('names every empty or blank field, in order', () => {
    expect(missingMandatoryFields({ guestName: null, contact: '  ', requestText: '' })).toEqual([
      MandatoryCaseField.GuestName,
      MandatoryCaseField.Contact,
      MandatoryCaseField.RequestText,
    ]);
    expect(missingMandatoryFields({ guestName: 'Ayşe', contact: null, requestText: 'Oda' })).toEqual(['contact']);
    expect(missingMandatoryFields({ guestName: 'Ayşe', contact: '+905321234567', requestText: 'Oda' })).toEqual([]);
  });

  it('the error message names the missing fields and carries exactly {missingFields}', () => {
    const two = casesError(CasesError.MandatoryFieldsMissing, { missingFields: ['guestName', 'contact'] });
    expect(two.code).toBe(ErrorCode.MandatoryFieldsMissing);
    expect(two.message).toBe('guestName, contact are required before a handoff');
    expect(two.details).toEqual({ missingFields: ['guestName', 'contact'] });
    const one = casesError(CasesError.MandatoryFieldsMissing, { missingFields: ['requestText'] });
    expect(one.message).toBe('requestText is required before a handoff');
  });
});

describe('case numbers (unit)', () => {
  it('pads to six digits and grows beyond', () => {
    expect(formatCaseNumber('BLK', 2026, 123)).toBe('BLK-2026-000123');
    expect(formatCaseNumber('BLK', 2026, 1)).toBe('BLK-2026-000001');
    expect(formatCaseNumber('BLK', 2026, 1_234_567)).toBe('BLK-2026-1234567');
  });
});

describe('cursor codec (unit)', () => {
  const cursor = { createdKey: '2026-03-04T05:06:07.123456Z', id: '0b0d5a52-3c9e-4d9b-9d55-2b7a3b1f7a10' };

  it('round-trips and is opaque base64url', () => {
    const encoded = encodeCursor(cursor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(encoded)).toEqual(cursor);
  });

  it.each([
    ['garbage', 'not-a-cursor'],
    ['wrong shape', Buffer.from('{"a":1}').toString('base64url')],
    ['bad id', encodeCursor({ ...cursor, id: 'nope' })],
    ['bad time', encodeCursor({ ...cursor, createdKey: '2026-03-04' })],
    ['empty', ''],
  ])('refuses %s with BAD_USER_INPUT on field after', (_name, value) => {
    const error = thrown(() => decodeCursor(value));
    expect(error.code).toBe(ErrorCode.BadUserInput);
    expect(error.details).toMatchObject({ field: 'after' });
  });
});

describe('provider delivery reports (unit)', () => {
  it('move forward only; failed outranks sent but not delivered or read', () => {
    const order = [
      DeliveryStatus.Queued,
      DeliveryStatus.Sending,
      DeliveryStatus.Sent,
      DeliveryStatus.Failed,
      DeliveryStatus.Delivered,
      DeliveryStatus.Read,
    ];
    const ranks = order.map(reportRank);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });
});
