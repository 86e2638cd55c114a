import fc from 'fast-check';
import { addWorkingTime, businessCalendarFrom, isWorkingTime, nextWorkingTime, workingTimeBetween } from '../math';
import { calendarCaseArb, FC_SEED, startMinuteArb } from './calendar-arbitraries';
import { MINUTE, refAdd, refBetween, refNext, refOpen } from './minute-reference';

/**
 * The window-walking math against the minute-by-minute reference: random split-shift schedules, holidays, starts and
 * targets in Europe/Istanbul (no DST), Europe/Berlin and America/New_York (both switch inside the ranges).
 */
describe('business calendar math = minute-by-minute reference (property)', () => {
  const options = { seed: FC_SEED, numRuns: 150 };

  it('addWorkingTime(start, n minutes) is the end of the n-th working minute', () => {
    fc.assert(
      fc.property(calendarCaseArb, startMinuteArb, fc.integer({ min: 0, max: 900 }), (c, offset, wanted) => {
        const minutes = Math.min(wanted, c.openMinutesPerWeek);
        const start = c.rangeStart + offset * MINUTE;
        const cal = businessCalendarFrom(c.def);
        const expected = refAdd(refOpen(c.def), start, minutes, c.rangeEnd);
        expect(expected).not.toBeNull();
        expect(addWorkingTime(cal, new Date(start), minutes * MINUTE).getTime()).toBe(expected);
      }),
      options,
    );
  });

  it('workingTimeBetween(a, b) counts the working minutes in [a, b) (negated when b < a)', () => {
    fc.assert(
      fc.property(calendarCaseArb, startMinuteArb, fc.integer({ min: 0, max: 8 * 1440 }), (c, offset, span) => {
        const a = c.rangeStart + offset * MINUTE;
        const b = a + span * MINUTE;
        const cal = businessCalendarFrom(c.def);
        const expected = refBetween(refOpen(c.def), a, b);
        expect(workingTimeBetween(cal, new Date(a), new Date(b))).toBe(expected);
        expect(workingTimeBetween(cal, new Date(b), new Date(a))).toBe(expected === 0 ? 0 : -expected);
      }),
      options,
    );
  });

  it('isWorkingTime and nextWorkingTime agree with the reference at any second of a minute', () => {
    fc.assert(
      fc.property(calendarCaseArb, startMinuteArb, fc.integer({ min: 0, max: 59_999 }), (c, offset, withinMinute) => {
        const minute = c.rangeStart + offset * MINUTE;
        const at = new Date(minute + withinMinute);
        const cal = businessCalendarFrom(c.def);
        const isOpen = refOpen(c.def);
        const open = isOpen(minute);
        expect(isWorkingTime(cal, at)).toBe(open);
        const next = nextWorkingTime(cal, at).getTime();
        expect(next).toBe(open ? at.getTime() : refNext(isOpen, minute + MINUTE, c.rangeEnd));
      }),
      options,
    );
  });

  it('adding then measuring gives back any duration, to the millisecond', () => {
    fc.assert(
      fc.property(calendarCaseArb, startMinuteArb, fc.integer({ min: 0, max: 59_999 }), fc.nat(), (c, o, s, raw) => {
        const cal = businessCalendarFrom(c.def);
        const start = new Date(c.rangeStart + o * MINUTE + s);
        const ms = raw % (Math.min(c.openMinutesPerWeek, 900) * MINUTE + 1);
        const due = addWorkingTime(cal, start, ms);
        expect(workingTimeBetween(cal, start, due)).toBe(ms);
        expect(due.getTime()).toBeGreaterThanOrEqual(start.getTime());
      }),
      options,
    );
  });
});
