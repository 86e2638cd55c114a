import { SlaStep, SlaTimeBasis } from '@baton/shared/contracts';
import { businessCalendarFrom } from '@baton/api/domain/calendars';
import { ClockTiming, dueAtOf, ladderSteps, remainingMsOf, stepTimesOf } from '../clocks/clock-time';
import { DEFAULT_POLICIES, firstMatching, policyMatches, SlaFacts } from '../policy/sla-policy.model';

const facts = (overrides: Partial<SlaFacts> = {}): SlaFacts => ({
  channel: 'whatsapp',
  priority: 'P3',
  requestType: null,
  labels: [],
  team: null,
  ...overrides,
});

const policies = DEFAULT_POLICIES.map((p, i) => ({ ...p, id: `p${i}`, position: (i + 1) * 10, enabled: true }));

/** Mon–Fri 09:00–17:00, Europe/Istanbul (UTC+3 all year). */
const officeHours = businessCalendarFrom({
  timeZone: 'Europe/Istanbul',
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
  holidays: [],
});

const clock = (overrides: Partial<ClockTiming> = {}): ClockTiming => ({
  basis: SlaTimeBasis.Business,
  targetMinutes: 60,
  // Friday 2026-11-20 16:30 in Istanbul
  startedAt: new Date('2026-11-20T13:30:00Z'),
  pauses: [],
  pausedSince: null,
  reminderMinutes: 30,
  warningMinutes: 10,
  ...overrides,
});

describe('policy matching (pure)', () => {
  it('picks the first enabled policy whose non-empty conditions all hold', () => {
    expect(firstMatching(policies, facts({ priority: 'P1' }))?.name).toBe('P1/P2');
    expect(firstMatching(policies, facts({ priority: 'P3' }))?.name).toBe('General');
    expect(firstMatching([{ ...policies[0], enabled: false }, policies[1]], facts({ priority: 'P1' }))?.name).toBe(
      'General',
    );
  });

  it('matches labels by any overlap and treats empty lists as any value', () => {
    const vip = { ...policies[1], conditions: { ...policies[1].conditions, labels: ['honeymoon', 'wedding'] } };
    expect(policyMatches(vip, facts({ labels: ['wedding'] }))).toBe(true);
    expect(policyMatches(vip, facts({ labels: ['spa'] }))).toBe(false);
    const team = { ...policies[1], conditions: { ...policies[1].conditions, teams: ['sales'] } };
    expect(policyMatches(team, facts({ team: null }))).toBe(false);
    expect(policyMatches(team, facts({ team: 'sales' }))).toBe(true);
  });
});

describe('clock timing over the pure math', () => {
  it('a 1-hour business target on Friday 16:30 falls due Monday 09:30', () => {
    expect(dueAtOf(clock(), officeHours, new Date('2026-11-20T13:31:00Z')).toISOString()).toBe(
      '2026-11-23T06:30:00.000Z',
    );
  });

  it('counts calendar targets around the clock', () => {
    const calendarClock = clock({ basis: SlaTimeBasis.Calendar });
    expect(dueAtOf(calendarClock, officeHours, new Date()).toISOString()).toBe('2026-11-20T14:30:00.000Z');
  });

  it('fires reminder and warning in working time before due, breach at due', () => {
    const times = stepTimesOf(clock(), officeHours).map((t) => [t.step, t.at?.toISOString()]);
    expect(times).toEqual([
      [SlaStep.Reminder, '2026-11-23T06:00:00.000Z'],
      [SlaStep.Warning, '2026-11-23T06:20:00.000Z'],
      [SlaStep.Breach, '2026-11-23T06:30:00.000Z'],
    ]);
  });

  it('leaves out ladder steps that would fall at or before the start', () => {
    expect(ladderSteps(clock({ targetMinutes: 15 })).map((s) => s.key)).toEqual([SlaStep.Warning, SlaStep.Breach]);
  });

  it('a pause moves the due time by the working time it held; a paused clock shows frozen remaining time', () => {
    // paused Monday 09:00–10:00 (local): 30 min were used on Friday, 30 remain after the pause
    const paused = clock({
      pauses: [{ from: new Date('2026-11-23T06:00:00Z'), to: new Date('2026-11-23T07:00:00Z') }],
    });
    expect(dueAtOf(paused, officeHours, new Date()).toISOString()).toBe('2026-11-23T07:30:00.000Z');
    const open = clock({ pausedSince: new Date('2026-11-23T06:00:00Z') });
    expect(remainingMsOf(open, officeHours, new Date('2026-11-23T09:00:00Z'))).toBe(30 * 60_000);
    expect(dueAtOf(open, officeHours, new Date('2026-11-23T09:00:00Z')).toISOString()).toBe('2026-11-23T09:30:00.000Z');
    expect(stepTimesOf(open, officeHours).find((t) => t.step === SlaStep.Breach)?.at).toBeNull();
  });
});
