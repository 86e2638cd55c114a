import { SlaTimeBasis } from '@baton/shared/contracts';
import { businessCalendarFrom, CALENDAR_24_7 } from '@baton/api/domain/calendars';
import {
  countingCalendar,
  SlaClockSpec,
  slaDueAt,
  slaElapsedMs,
  slaIsBreached,
  slaIsPaused,
  slaRemainingMs,
  slaSnapshot,
  slaStepFireTimes,
} from '../sla-clock';

const MIN = 60_000;
const HOUR = 60 * MIN;
const at = (iso: string) => new Date(iso);

const officeHours = businessCalendarFrom({
  timeZone: 'Europe/Istanbul',
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
  holidays: [{ date: '2026-12-01', name: 'Test holiday' }],
});

describe('SLA clock math (examples)', () => {
  const friday = at('2026-11-27T16:30:00+03:00');
  const business: SlaClockSpec = { calendar: officeHours, startedAt: friday, targetMs: HOUR };

  it('a 1-hour business target from Friday 16:30 is due Monday 09:30; the countdown follows working time', () => {
    expect(slaDueAt(business)?.toISOString()).toBe(at('2026-11-30T09:30:00+03:00').toISOString());
    expect(slaElapsedMs(business, at('2026-11-28T12:00:00+03:00'))).toBe(30 * MIN);
    expect(slaRemainingMs(business, at('2026-11-30T09:10:00+03:00'))).toBe(20 * MIN);
    expect(slaIsBreached(business, at('2026-11-30T09:29:59+03:00'))).toBe(false);
    expect(slaIsBreached(business, at('2026-11-30T09:30:00+03:00'))).toBe(true);
    expect(slaRemainingMs(business, at('2026-11-30T10:00:00+03:00'))).toBe(-30 * MIN);
  });

  it('ladder: T0 at the start, "30 min before" when work resumes Monday 09:00, breach at due', () => {
    const times = slaStepFireTimes(business, [
      { key: 'started', beforeDueMs: HOUR },
      { key: 'reminder', beforeDueMs: 30 * MIN },
      { key: 'warning', beforeDueMs: 10 * MIN },
      { key: 'breach', beforeDueMs: 0 },
      { key: 'late', beforeDueMs: -15 * MIN },
      { key: 'clamped', beforeDueMs: 2 * HOUR },
    ]);
    expect(Object.fromEntries(times.map((t) => [t.key, t.fireAt?.toISOString()]))).toEqual({
      started: friday.toISOString(),
      reminder: at('2026-11-30T09:00:00+03:00').toISOString(),
      warning: at('2026-11-30T09:20:00+03:00').toISOString(),
      breach: at('2026-11-30T09:30:00+03:00').toISOString(),
      late: at('2026-11-30T09:45:00+03:00').toISOString(),
      clamped: friday.toISOString(),
    });
  });

  it('a business target that runs out at closing time breaches at closing time', () => {
    const spec = { ...business, startedAt: at('2026-11-27T16:00:00+03:00') };
    expect(slaDueAt(spec)?.toISOString()).toBe(at('2026-11-27T17:00:00+03:00').toISOString());
    const [reminder] = slaStepFireTimes(spec, [{ key: 'reminder', beforeDueMs: 30 * MIN }]);
    expect(reminder.fireAt?.toISOString()).toBe(at('2026-11-27T16:30:00+03:00').toISOString());
  });

  it('pauses stop the clock: closed ones push due out, an open one leaves it unknown', () => {
    // Paused Monday 09:10–11:00: 10 of the 30 remaining minutes are spent before the pause.
    const paused: SlaClockSpec = {
      ...business,
      pauses: [{ from: at('2026-11-30T09:10:00+03:00'), to: at('2026-11-30T11:00:00+03:00') }],
    };
    expect(slaDueAt(paused)?.toISOString()).toBe(at('2026-11-30T11:20:00+03:00').toISOString());
    expect(slaIsPaused(paused, at('2026-11-30T10:00:00+03:00'))).toBe(true);
    const open: SlaClockSpec = { ...business, pauses: [{ from: at('2026-11-30T09:10:00+03:00'), to: null }] };
    const snapshot = slaSnapshot(open, at('2026-12-02T12:00:00+03:00'));
    expect(snapshot).toEqual({
      dueAt: null,
      elapsedMs: 40 * MIN,
      remainingMs: 20 * MIN,
      breached: false,
      paused: true,
    });
    // Steps already reached keep their time; later ones wait for the clock to resume.
    const times = slaStepFireTimes(open, [
      { key: 'reminder', beforeDueMs: 30 * MIN },
      { key: 'breach', beforeDueMs: 0 },
    ]);
    expect(times.map((t) => t.fireAt?.toISOString() ?? null)).toEqual([
      at('2026-11-30T09:00:00+03:00').toISOString(),
      null,
    ]);
  });

  it('calendar basis counts wall time (minus pauses) in the same zone; holidays do not matter', () => {
    const cal = countingCalendar(SlaTimeBasis.Calendar, officeHours);
    expect(cal.alwaysOpen).toBe(true);
    expect(cal.timeZone).toBe('Europe/Istanbul');
    expect(countingCalendar(SlaTimeBasis.Business, null)).toBe(CALENDAR_24_7);
    const spec: SlaClockSpec = {
      calendar: cal,
      startedAt: friday,
      targetMs: 24 * HOUR,
      pauses: [{ from: at('2026-11-27T20:00:00+03:00'), to: at('2026-11-27T22:00:00+03:00') }],
    };
    expect(slaDueAt(spec)?.toISOString()).toBe(at('2026-11-28T18:30:00+03:00').toISOString());
    const [reminder] = slaStepFireTimes(spec, [{ key: 'reminder', beforeDueMs: 30 * MIN }]);
    expect(reminder.fireAt?.toISOString()).toBe(at('2026-11-28T18:00:00+03:00').toISOString());
  });

  it('rejects a negative or infinite target', () => {
    expect(() => slaDueAt({ ...business, targetMs: -1 })).toThrow(RangeError);
    expect(() => slaStepFireTimes({ ...business, targetMs: Infinity }, [])).toThrow(RangeError);
  });
});
