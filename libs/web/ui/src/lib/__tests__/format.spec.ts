import { actionGroup, formatDateTime, formatRelativeTime } from '../format';

describe('formatDateTime', () => {
  const iso = '2025-06-01T21:30:00.000Z';

  it("shows the time in the hotel's zone, not the browser's", () => {
    expect(formatDateTime(iso, 'en', 'Europe/Istanbul')).toContain('00:30');
    expect(formatDateTime(iso, 'en', 'Asia/Tokyo')).toContain('06:30');
  });

  it('falls back to UTC, labelled, for an unknown zone', () => {
    expect(formatDateTime(iso, 'en', 'Mars/Olympus')).toMatch(/21:30.*UTC/);
  });

  it('returns the input when it is not a date', () => {
    expect(formatDateTime('nope', 'tr', 'Europe/Istanbul')).toBe('nope');
  });
});

describe('formatRelativeTime', () => {
  const now = Date.parse('2025-06-01T12:00:00Z');

  it('says "now" for the last seconds and for small clock skew into the future', () => {
    expect(formatRelativeTime('2025-06-01T11:59:50Z', now, 'en')).toBe('now');
    expect(formatRelativeTime('2025-06-01T12:00:20Z', now, 'en')).toBe('now');
  });

  it('uses minutes, hours, then days', () => {
    expect(formatRelativeTime('2025-06-01T11:55:00Z', now, 'en')).toBe('5 minutes ago');
    expect(formatRelativeTime('2025-06-01T09:00:00Z', now, 'en')).toBe('3 hours ago');
    expect(formatRelativeTime('2025-05-31T10:00:00Z', now, 'en')).toBe('yesterday');
    expect(formatRelativeTime('2025-06-01T11:55:00Z', now, 'tr')).toBe('5 dakika önce');
  });
});

describe('actionGroup', () => {
  it('returns the first segment', () => {
    expect(actionGroup('wallboard_token.revoked')).toBe('wallboard_token');
    expect(actionGroup('custom')).toBe('custom');
  });
});
