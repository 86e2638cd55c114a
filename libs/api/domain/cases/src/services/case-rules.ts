import { CASE_TRANSITIONS, CaseStatus, MandatoryCaseField } from '@baton/shared/contracts';

/** Pure rules of the pipeline, shared by the services and the Case object fields. */

export function isCaseStatus(value: string): value is CaseStatus {
  return (Object.values(CaseStatus) as string[]).includes(value);
}

/** Statuses that may follow `status` (none for a case merged into another: it stays closed). */
export function nextStatuses(status: CaseStatus, mergedIntoId: string | null = null): CaseStatus[] {
  return mergedIntoId ? [] : [...CASE_TRANSITIONS[status]];
}

/** won, lost and closed end a case (closed_at is set); reopening clears it. */
export function isTerminal(status: CaseStatus): boolean {
  return status === CaseStatus.Won || status === CaseStatus.Lost || status === CaseStatus.Closed;
}

export interface MandatoryFieldValues {
  guestName: string | null;
  contact: string | null;
  requestText: string | null;
}

const isBlank = (value: string | null | undefined): boolean => !value || value.trim() === '';

/** The fields a handoff to sales needs, in the order they are named in the error message. */
export function missingMandatoryFields(values: MandatoryFieldValues): MandatoryCaseField[] {
  const missing: MandatoryCaseField[] = [];
  if (isBlank(values.guestName)) {
    missing.push(MandatoryCaseField.GuestName);
  }
  if (isBlank(values.contact)) {
    missing.push(MandatoryCaseField.Contact);
  }
  if (isBlank(values.requestText)) {
    missing.push(MandatoryCaseField.RequestText);
  }
  return missing;
}

/** `BLK-2026-000123`: hotel code, year in the hotel's time zone, at least six digits (more once a year passes 999999). */
export function formatCaseNumber(code: string, year: number, value: number): string {
  return `${code}-${year}-${String(value).padStart(6, '0')}`;
}
