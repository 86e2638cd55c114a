import { slaCountdown } from '../sla-countdown';

const NOW = Date.parse('2026-11-25T10:00:00Z');
const clock = (overrides: Partial<Parameters<typeof slaCountdown>[0]> = {}) => ({
  dueAt: '2026-11-25T10:30:00Z',
  state: 'running',
  pausedSince: null,
  remainingSeconds: 1800,
  ...overrides,
});

describe('slaCountdown', () => {
  it('counts a running clock down to its due instant, amber in the last 10 minutes', () => {
    expect(slaCountdown(clock(), NOW)).toEqual({ mode: 'left', seconds: 1800, tone: 'ok' });
    expect(slaCountdown(clock(), NOW + 25 * 60_000)).toEqual({ mode: 'left', seconds: 300, tone: 'warn' });
  });

  it('turns red once due has passed, or when the API says breached', () => {
    expect(slaCountdown(clock(), NOW + 31 * 60_000)).toEqual({ mode: 'overdue', seconds: 60, tone: 'breached' });
    expect(slaCountdown(clock({ state: 'breached', dueAt: '2026-11-25T09:00:00Z' }), NOW)).toEqual({
      mode: 'overdue',
      seconds: 3600,
      tone: 'breached',
    });
  });

  it('freezes a paused clock at what it had left', () => {
    const paused = clock({ state: 'paused', pausedSince: '2026-11-25T09:50:00Z', remainingSeconds: 1200 });
    expect(slaCountdown(paused, NOW)).toEqual({ mode: 'paused', seconds: 1200, tone: 'paused' });
    expect(slaCountdown(paused, NOW + 3_600_000)).toEqual({ mode: 'paused', seconds: 1200, tone: 'paused' });
  });

  it('shows the outcome of a stopped clock, met late in red', () => {
    expect(slaCountdown(clock({ state: 'met' }), NOW)).toEqual({ mode: 'done', seconds: 0, tone: 'done' });
    expect(slaCountdown(clock({ state: 'met_late' }), NOW).tone).toBe('breached');
  });
});
