import fc from 'fast-check';
import { SlaTimeBasis } from '@baton/shared/contracts';
import { businessCalendarFrom, isWorkingTime, WeeklyWindow } from '@baton/api/domain/calendars';
import {
  countingCalendar,
  PauseInterval,
  SlaClockSpec,
  slaDueAt,
  slaElapsedMs,
  slaIsBreached,
  slaRemainingMs,
  slaStepFireTimes,
} from '../sla-clock';

/**
 * The SLA clock against a minute-by-minute reference: a minute counts when it is at or after the start, is working
 * time of the calendar (isWorkingTime, itself checked minute by minute against luxon in the calendars library) and
 * lies in no pause. Random split shifts, holidays, pauses (some still open), both bases, three zones around DST.
 */
const SEED = Number(process.env.FC_SEED ?? 20261124);
const MIN = 60_000;
const DAY = 86_400_000;
const RANGE_DAYS = 45;
const RANGES = [Date.UTC(2026, 1, 25), Date.UTC(2026, 9, 12)];
const ZONES = ['Europe/Istanbul', 'Europe/Berlin', 'America/New_York'];

const clock = (quarter: number) =>
  `${String(Math.floor(quarter / 4)).padStart(2, '0')}:${String((quarter % 4) * 15).padStart(2, '0')}`;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const weeklyArb = fc
  .array(
    fc.record({
      weekday: fc.integer({ min: 1, max: 7 }),
      cuts: fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 2, maxLength: 4 }),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((days) => {
    const seen = new Set<number>();
    const weekly: WeeklyWindow[] = [];
    for (const { weekday, cuts } of days) {
      if (seen.has(weekday)) {
        continue;
      }
      seen.add(weekday);
      const sorted = [...cuts].sort((a, b) => a - b);
      for (let i = 0; i + 1 < sorted.length; i += 2) {
        weekly.push({ weekday, start: clock(sorted[i]), end: clock(sorted[i + 1]) });
      }
    }
    return weekly;
  })
  // At least 8 open hours a week keeps the minute scans short (sparser calendars: the calendars library's properties).
  .filter((weekly) => weekly.reduce((sum, w) => sum + minutesOf(w.end) - minutesOf(w.start), 0) >= 480);

const pauseArb = fc.record({
  from: fc.integer({ min: -240, max: 4 * 1440 }),
  minutes: fc.option(fc.integer({ min: 1, max: 1440 }), { freq: 6, nil: null }),
});

const caseArb = fc.record({
  zone: fc.constantFrom(...ZONES),
  rangeStart: fc.constantFrom(...RANGES),
  weekly: weeklyArb,
  holidays: fc.uniqueArray(fc.integer({ min: 0, max: RANGE_DAYS - 1 }), { maxLength: 5 }),
  basis: fc.constantFrom(SlaTimeBasis.Business, SlaTimeBasis.Calendar),
  // Often on the 15-minute grid of the windows, so thresholds land exactly on a window's end.
  startMinute: fc.oneof(
    fc.integer({ min: 0, max: 10 * 1440 }),
    fc.integer({ min: 0, max: 10 * 96 }).map((q) => q * 15),
  ),
  targetMinutes: fc.integer({ min: 0, max: 600 }),
  pauses: fc.array(pauseArb, { maxLength: 3 }),
  atMinute: fc.integer({ min: -60, max: 5 * 1440 }),
  gapPick: fc.nat(),
  /** Minutes before due: any, or `target - 15 k` (a threshold on the grid). */
  befores: fc.array(
    fc.oneof(
      fc.integer({ min: -90, max: 700 }).map((raw) => ({ raw, quarters: null })),
      fc.integer({ min: 0, max: 40 }).map((quarters) => ({ raw: 0, quarters })),
    ),
    { minLength: 1, maxLength: 4 },
  ),
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function build(c: Case) {
  const holidays = c.holidays.map((d) => ({
    date: new Date(c.rangeStart + d * DAY).toISOString().slice(0, 10),
    name: `H${d}`,
  }));
  const cal = countingCalendar(c.basis, businessCalendarFrom({ timeZone: c.zone, weekly: c.weekly, holidays }));
  const start = c.rangeStart + c.startMinute * MIN;
  const pauses: PauseInterval[] = c.pauses.map((p) => ({
    from: new Date(start + p.from * MIN),
    to: p.minutes === null ? null : new Date(start + (p.from + p.minutes) * MIN),
  }));
  const openMinutesPerWeek = cal.openMinutesPerWeek;
  const spec: SlaClockSpec = {
    calendar: cal,
    startedAt: new Date(start),
    targetMs: Math.min(c.targetMinutes, openMinutesPerWeek) * MIN,
    pauses,
  };
  const pauseRanges = pauses.map((p) => [p.from.getTime(), p.to?.getTime() ?? Infinity] as const);
  const probe = new Date(0);
  const counts = (m: number) =>
    m >= start &&
    isWorkingTime(cal, (probe.setTime(m), probe)) &&
    !pauseRanges.some(([from, to]) => from <= m && m < to);
  const limit = c.rangeStart + RANGE_DAYS * DAY;
  return { spec, start, counts, limit };
}

/**
 * The starts of the first `wanted` counted minutes, scanning minute by minute from the start (fewer when `limit`
 * comes first). Everything the properties need is read off this list.
 */
function countedMinutes(counts: (m: number) => boolean, start: number, wanted: number, limit: number): number[] {
  const out: number[] = [];
  for (let m = start; m < limit && out.length < wanted; m += MIN) {
    if (counts(m)) {
      out.push(m);
    }
  }
  return out;
}

describe('SLA clock math = minute-by-minute reference (property)', () => {
  const options = { seed: SEED, numRuns: 100 };

  it('due time, elapsed, remaining and breach', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { spec, start, counts, limit } = build(c);
        const target = spec.targetMs / MIN;
        const minutes = countedMinutes(counts, start, target, limit);
        const expectedDue = target === 0 ? start : minutes.length === target ? minutes[target - 1] + MIN : null;
        expect(slaDueAt(spec)?.getTime() ?? null).toBe(expectedDue);
        const at = start + c.atMinute * MIN;
        let elapsed = 0;
        for (let m = start; m < at; m += MIN) {
          elapsed += counts(m) ? MIN : 0;
        }
        expect(slaElapsedMs(spec, new Date(at))).toBe(elapsed);
        expect(slaRemainingMs(spec, new Date(at))).toBe(spec.targetMs - elapsed);
        expect(slaIsBreached(spec, new Date(at))).toBe(elapsed >= spec.targetMs);
      }),
      options,
    );
  });

  it('ladder steps fire when the remaining clock time drops to their offset (clamped to the start)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { spec, start, counts, limit } = build(c);
        const target = spec.targetMs / MIN;
        const befores = c.befores.map((b) => (b.quarters === null ? b.raw : target - 15 * b.quarters));
        const thresholds = befores.map((before) => target - before);
        const minutes = countedMinutes(counts, start, Math.max(target, ...thresholds) + 1, limit);
        // Always also a step whose threshold falls exactly where the clock stops for a while (closing time, a pause).
        const gaps = minutes.slice(0, target).flatMap((m, i) => (i > 0 && minutes[i - 1] + MIN !== m ? [i] : []));
        if (gaps.length > 0) {
          befores.push(target - gaps[c.gapPick % gaps.length]);
        }
        const openPause = spec.pauses?.some((p) => p.to === null) ?? false;
        const times = slaStepFireTimes(
          spec,
          befores.map((before, i) => ({ key: `s${i}`, beforeDueMs: before * MIN })),
        );
        befores.forEach((before, i) => {
          const threshold = target - before;
          // Ahead of due: the first counted minute after `threshold` of them (the clock runs when it fires);
          // at or after due: the end of the threshold-th counted minute.
          const found = threshold <= 0 ? start : before > 0 ? minutes[threshold] : minutes[threshold - 1] + MIN;
          const fireAt = times[i].fireAt?.getTime() ?? null;
          if (Number.isNaN(found) || found === undefined) {
            // Not reached inside the scanned range: only an open pause may leave the step unscheduled.
            expect(fireAt === null ? openPause : fireAt >= limit).toBe(true);
          } else {
            expect({ step: i, fireAt }).toEqual({ step: i, fireAt: found });
          }
        });
      }),
      options,
    );
  });
});
