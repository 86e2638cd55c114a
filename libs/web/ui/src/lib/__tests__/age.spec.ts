import { addDays, ageLevel, formatAge, formatDay, secondsSince, splitAge, todayIn } from '../age';

describe('splitAge', () => {
  it('uses seconds, minutes, hours + minutes, days + hours', () => {
    expect(splitAge(45)).toEqual([{ unit: 'second', value: 45 }]);
    expect(splitAge(12 * 60 + 30)).toEqual([{ unit: 'minute', value: 12 }]);
    expect(splitAge(3 * 3600 + 5 * 60)).toEqual([
      { unit: 'hour', value: 3 },
      { unit: 'minute', value: 5 },
    ]);
    expect(splitAge(3 * 3600)).toEqual([{ unit: 'hour', value: 3 }]);
    expect(splitAge(2 * 86_400 + 3 * 3600 + 59)).toEqual([
      { unit: 'day', value: 2 },
      { unit: 'hour', value: 3 },
    ]);
    expect(splitAge(-5)).toEqual([{ unit: 'second', value: 0 }]);
  });

  it('formats with the unit words it is given ("12 dk")', () => {
    const tr = { day: 'g', hour: 'sa', minute: 'dk', second: 'sn' } as const;
    expect(formatAge(12 * 60, (part) => `${part.value} ${tr[part.unit]}`)).toBe('12 dk');
    expect(formatAge(3 * 3600 + 300, (part) => `${part.value} ${tr[part.unit]}`)).toBe('3 sa 5 dk');
  });
});

describe('secondsSince / ageLevel', () => {
  const now = Date.parse('2025-06-01T12:00:00Z');
  it('never goes negative and ignores bad dates', () => {
    expect(secondsSince('2025-06-01T11:48:00Z', now)).toBe(720);
    expect(secondsSince('2025-06-01T12:00:30Z', now)).toBe(0);
    expect(secondsSince('nope', now)).toBe(0);
    expect(secondsSince(null, now)).toBe(0);
  });
  it('grades urgency', () => {
    expect(ageLevel(60)).toBe('ok');
    expect(ageLevel(301)).toBe('warn');
    expect(ageLevel(900)).toBe('overdue');
  });
});

describe('calendar days', () => {
  it('formats a day without shifting it', () => {
    expect(formatDay('2025-11-24', 'tr-TR')).toMatch(/24 Kas 2025/);
    expect(formatDay('2025-11-24', 'en-GB')).toMatch(/24 Nov 2025/);
    expect(formatDay('24.11.2025', 'tr-TR')).toBe('24.11.2025');
  });
  it("knows the hotel's today", () => {
    const lateUtc = Date.parse('2025-06-01T22:30:00Z');
    expect(todayIn('Europe/Istanbul', lateUtc)).toBe('2025-06-02');
    expect(todayIn('UTC', lateUtc)).toBe('2025-06-01');
  });
  it('adds days across months', () => {
    expect(addDays('2025-01-31', 1)).toBe('2025-02-01');
    expect(addDays('2025-03-01', 30)).toBe('2025-03-31');
  });
});
