import {
  addWorkingTime,
  alwaysOpenCalendar,
  BusinessCalendarDef,
  businessCalendarFrom,
  CalendarDefError,
  describeWeekly,
  isWorkingTime,
  nextWorkingTime,
  validateCalendarDef,
  WeeklyWindow,
  workingTimeBetween,
} from '../math';

const HOUR = 3_600_000;
const MIN = 60_000;

const weekdays = (start: string, end: string, days = [1, 2, 3, 4, 5]): WeeklyWindow[] =>
  days.map((weekday) => ({ weekday, start, end }));

function calendar(timeZone: string, weekly: WeeklyWindow[], holidays: BusinessCalendarDef['holidays'] = []) {
  return businessCalendarFrom({ timeZone, weekly, holidays });
}

describe('business calendar math (examples)', () => {
  const istanbul = calendar('Europe/Istanbul', weekdays('09:00', '17:00'));

  it('a 1-hour target on Friday 16:30 with Mon–Fri 09–17 in Istanbul falls due Monday 09:30', () => {
    // 2026-11-27 is a Friday; Istanbul is UTC+3 all year.
    const due = addWorkingTime(istanbul, new Date('2026-11-27T16:30:00+03:00'), HOUR);
    expect(due.toISOString()).toBe(new Date('2026-11-30T09:30:00+03:00').toISOString());
    expect(workingTimeBetween(istanbul, new Date('2026-11-27T16:30:00+03:00'), due)).toBe(HOUR);
  });

  it('a target that runs out at closing time is due at closing time, and 0 is due at once', () => {
    const friday4pm = new Date('2026-11-27T16:00:00+03:00');
    expect(addWorkingTime(istanbul, friday4pm, HOUR).toISOString()).toBe('2026-11-27T14:00:00.000Z');
    expect(addWorkingTime(istanbul, new Date('2026-11-28T12:00:00+03:00'), 0).toISOString()).toBe(
      '2026-11-28T09:00:00.000Z',
    );
    expect(() => addWorkingTime(istanbul, friday4pm, -1)).toThrow(RangeError);
  });

  it('skips holidays (whole local days) and counts split shifts', () => {
    const cal = calendar(
      'Europe/Istanbul',
      [...weekdays('09:00', '12:30', [1, 2, 3, 4, 5, 6]), ...weekdays('13:30', '19:00', [1, 2, 3, 4, 5, 6])],
      [{ date: '2026-10-29', name: 'Cumhuriyet Bayramı' }],
    );
    // Wednesday 28 Oct 18:30 + 2 h: 30 min on Wednesday, Thursday 29 is closed, Friday 09:00 + 1.5 h = 10:30.
    const due = addWorkingTime(cal, new Date('2026-10-28T18:30:00+03:00'), 2 * HOUR);
    expect(due.toISOString()).toBe(new Date('2026-10-30T10:30:00+03:00').toISOString());
    // Friday 12:00 + 1 h: 30 min before lunch, the rest after it.
    expect(addWorkingTime(cal, new Date('2026-10-30T12:00:00+03:00'), HOUR).toISOString()).toBe(
      new Date('2026-10-30T14:00:00+03:00').toISOString(),
    );
    expect(isWorkingTime(cal, new Date('2026-10-29T10:00:00+03:00'))).toBe(false);
    expect(isWorkingTime(cal, new Date('2026-10-30T13:00:00+03:00'))).toBe(false);
    expect(nextWorkingTime(cal, new Date('2026-10-30T13:00:00+03:00')).toISOString()).toBe(
      new Date('2026-10-30T13:30:00+03:00').toISOString(),
    );
    expect(describeWeekly(cal)).toBe(
      ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].map((d) => `${d} 09:00–12:30, 13:30–19:00`).join('; '),
    );
  });

  it('a local window is shorter on the spring-forward day and longer on the fall-back day (Berlin)', () => {
    const nights = calendar('Europe/Berlin', weekdays('00:00', '06:00', [7]));
    // Noon UTC to noon UTC holds the whole local night in either offset.
    const day = (date: string) =>
      workingTimeBetween(
        nights,
        new Date(new Date(`${date}T12:00:00Z`).getTime() - 24 * HOUR),
        new Date(`${date}T12:00:00Z`),
      ) / HOUR;
    expect(day('2026-03-22')).toBe(6);
    expect(day('2026-03-29')).toBe(5);
    expect(day('2026-10-25')).toBe(7);
    // The wall clock jumps from 02:00 to 03:00: a window 02:15–03:15 holds only 03:00–03:15.
    const gap = calendar('Europe/Berlin', weekdays('02:15', '03:15', [7]));
    expect(workingTimeBetween(gap, new Date('2026-03-29T00:00:00Z'), new Date('2026-03-29T12:00:00Z'))).toBe(15 * MIN);
    expect(nextWorkingTime(gap, new Date('2026-03-28T12:00:00Z')).toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  it('New York: a 9–17 day stays 8 h across the switch, and 2 h from Saturday evening lands on Monday', () => {
    const ny = calendar('America/New_York', weekdays('09:00', '17:00', [1, 2, 3, 4, 5, 6]));
    // Sat 7 Mar 16:00 EST + 2 h: 1 h on Saturday, Sunday (the switch day) closed, Monday 09:00 EDT + 1 h.
    expect(addWorkingTime(ny, new Date('2026-03-07T16:00:00-05:00'), 2 * HOUR).toISOString()).toBe(
      new Date('2026-03-09T10:00:00-04:00').toISOString(),
    );
    const sundays = calendar('America/New_York', weekdays('01:00', '04:00', [7]));
    expect(workingTimeBetween(sundays, new Date('2026-11-01T00:00:00Z'), new Date('2026-11-02T00:00:00Z')) / HOUR).toBe(
      4,
    );
  });

  it('24/7 and windows ending 24:00 run through midnight', () => {
    const always = alwaysOpenCalendar('Europe/Istanbul');
    expect(always.alwaysOpen).toBe(true);
    const start = new Date('2026-11-27T16:30:00Z');
    expect(addWorkingTime(always, start, 36 * HOUR).getTime()).toBe(start.getTime() + 36 * HOUR);
    const late = calendar('Europe/Istanbul', [
      { weekday: 5, start: '20:00', end: '24:00' },
      { weekday: 6, start: '00:00', end: '02:00' },
    ]);
    expect(addWorkingTime(late, new Date('2026-11-27T23:00:00+03:00'), 2 * HOUR).toISOString()).toBe(
      new Date('2026-11-28T01:00:00+03:00').toISOString(),
    );
  });

  it('a half day (arife) is open only in its own windows: 1 h from 12:30 on the eve runs past the bayram', () => {
    // Kurban Bayramı 2026: the eve Tuesday 26 May is open 09:00–13:00, Wednesday 27 to Saturday 30 are closed.
    const cal = calendar('Europe/Istanbul', weekdays('09:00', '17:00'), [
      { date: '2026-05-26', name: 'Kurban Bayramı Arifesi', windows: [{ start: '09:00', end: '13:00' }] },
      ...['27', '28', '29', '30'].map((d) => ({ date: `2026-05-${d}`, name: 'Kurban Bayramı' })),
    ]);
    // 30 min on the eve, then nothing until Monday 1 June 09:00 + 30 min.
    expect(addWorkingTime(cal, new Date('2026-05-26T12:30:00+03:00'), HOUR).toISOString()).toBe(
      new Date('2026-06-01T09:30:00+03:00').toISOString(),
    );
    expect(addWorkingTime(cal, new Date('2026-05-26T09:00:00+03:00'), 4 * HOUR).toISOString()).toBe(
      new Date('2026-05-26T13:00:00+03:00').toISOString(),
    );
    const wholeDay = (date: string) =>
      workingTimeBetween(cal, new Date(`${date}T00:00:00+03:00`), new Date(`${date}T24:00:00+03:00`)) / HOUR;
    expect([wholeDay('2026-05-25'), wholeDay('2026-05-26'), wholeDay('2026-05-27')]).toEqual([8, 4, 0]);
    expect(isWorkingTime(cal, new Date('2026-05-26T10:00:00+03:00'))).toBe(true);
    expect(isWorkingTime(cal, new Date('2026-05-26T14:00:00+03:00'))).toBe(false);
    expect(nextWorkingTime(cal, new Date('2026-05-26T07:00:00+03:00')).toISOString()).toBe(
      new Date('2026-05-26T09:00:00+03:00').toISOString(),
    );
    expect(nextWorkingTime(cal, new Date('2026-05-26T13:00:00+03:00')).toISOString()).toBe(
      new Date('2026-06-01T09:00:00+03:00').toISOString(),
    );
    // Normalized: windows by start, an absent list is an empty one (closed all day).
    expect(cal.def.holidays.slice(0, 2)).toEqual([
      { date: '2026-05-26', name: 'Kurban Bayramı Arifesi', windows: [{ start: '09:00', end: '13:00' }] },
      { date: '2026-05-27', name: 'Kurban Bayramı', windows: [] },
    ]);
  });

  it("a half day's windows replace the weekday's (may open a closed Sunday); a date listed twice keeps the strictest", () => {
    const sunday = calendar('Europe/Istanbul', weekdays('09:00', '17:00'), [
      {
        date: '2026-11-29',
        name: 'Açık pazar',
        windows: [
          { start: '10:00', end: '12:00' },
          { start: '14:00', end: '15:00' },
        ],
      },
    ]);
    // Saturday 28 Nov 16:00 + 2 h: Sunday 10:00–12:00 is open for once.
    expect(addWorkingTime(sunday, new Date('2026-11-28T16:00:00+03:00'), 2 * HOUR).toISOString()).toBe(
      new Date('2026-11-29T12:00:00+03:00').toISOString(),
    );
    expect(isWorkingTime(sunday, new Date('2026-11-29T14:30:00+03:00'))).toBe(true);
    expect(isWorkingTime(sunday, new Date('2026-11-29T13:00:00+03:00'))).toBe(false);
    expect(sunday.alwaysOpen).toBe(false);

    const eve = { date: '2026-10-28', name: 'Cumhuriyet Bayramı Arifesi', windows: [{ start: '09:00', end: '13:00' }] };
    const twice = (other: BusinessCalendarDef['holidays'][number]) =>
      calendar('Europe/Istanbul', weekdays('09:00', '17:00'), [eve, other]);
    const open = (cal: ReturnType<typeof twice>) =>
      workingTimeBetween(cal, new Date('2026-10-28T00:00:00+03:00'), new Date('2026-10-29T00:00:00+03:00')) / MIN;
    // Typed in as a half day, imported as a closed day: closed.
    expect(open(twice({ date: '2026-10-28', name: 'Imported' }))).toBe(0);
    // Two half days: only 11:00–13:00 is in both.
    expect(open(twice({ date: '2026-10-28', name: 'Other', windows: [{ start: '11:00', end: '15:00' }] }))).toBe(120);
  });

  it('validation names each bad field: zone, malformed times, end before start, overlaps, empty, bad days', () => {
    const problems = validateCalendarDef({
      timeZone: 'Mars/Olympus',
      weekly: [
        { weekday: 1, start: '09:00', end: '17:00' },
        { weekday: 1, start: '16:00', end: '18:00' },
        { weekday: 8, start: '09:00', end: '10:00' },
        { weekday: 2, start: '9:00', end: '25:00' },
        { weekday: 3, start: '12:00', end: '11:00' },
      ],
      holidays: [{ date: '2026-02-30', name: '' }],
    });
    expect(problems.map((p) => p.field)).toEqual([
      'timeZone',
      'weekly.1',
      'weekly.2.weekday',
      'weekly.3.start',
      'weekly.3.end',
      'weekly.4.end',
      'holidays.0.date',
      'holidays.0.name',
    ]);
    expect(problems[1].message).toBe('overlaps weekly.0 (Mon 09:00–17:00)');
    expect(validateCalendarDef({ timeZone: 'Europe/Istanbul', weekly: [], holidays: [] })).toEqual([
      { field: 'weekly', message: 'needs at least one opening window' },
    ]);
    expect(() => calendar('Nowhere', weekdays('09:00', '17:00'))).toThrow(CalendarDefError);
    // Touching windows are fine (and merged); the zone's spelling is normalized.
    const cal = calendar('europe/istanbul', [
      { weekday: 1, start: '09:00', end: '12:00' },
      { weekday: 1, start: '12:00', end: '13:00' },
    ]);
    expect(cal.timeZone).toBe('Europe/Istanbul');
    expect(cal.windows[1]).toEqual([[540, 780]]);
  });

  it('validation names each bad half-day window: holidays.N.windows.M and its start or end', () => {
    const problems = validateCalendarDef({
      timeZone: 'Europe/Istanbul',
      weekly: weekdays('09:00', '17:00'),
      holidays: [
        {
          date: '2026-05-26',
          name: 'Arife',
          windows: [
            { start: '09:00', end: '13:00' },
            { start: '12:00', end: '14:00' },
            { start: '9', end: '10:00' },
            { start: '15:00', end: '14:00' },
          ],
        },
        { date: '2026-12-31', name: 'Yılbaşı gecesi', windows: 'morning' as never },
        { date: '2027-01-01', name: 'Yılbaşı', windows: [] },
      ],
    });
    expect(problems).toEqual([
      { field: 'holidays.0.windows.1', message: 'overlaps holidays.0.windows.0 (09:00–13:00)' },
      { field: 'holidays.0.windows.2.start', message: 'must be a time written HH:mm (00:00 to 23:59)' },
      { field: 'holidays.0.windows.3.end', message: 'must be after start (15:00)' },
      { field: 'holidays.1.windows', message: 'must be a list of working windows (empty: closed all day)' },
    ]);
  });
});
