import type { SlaPolicy } from '@baton/web/data-access';
import { draftFrom, draftProblems, durationParts, metricOfField, newDraft, toSaveInput } from '../sla-draft';

const policy: SlaPolicy = {
  id: 'p1',
  hotelId: 'h',
  name: 'P1/P2',
  position: 10,
  enabled: true,
  calendarId: null,
  conditions: { channels: [], priorities: ['P1', 'P2'], requestTypes: [], labels: [], teams: [] },
  pauseStatuses: ['quoted'],
  targets: [
    {
      metric: 'first_response',
      minutes: 15,
      basis: 'business',
      raciStep: 'dm_intake',
      ladder: { reminderMinutesBefore: 30, warningMinutesBefore: 10, escalate: true },
    },
    {
      metric: 'resolution',
      minutes: 480,
      basis: 'calendar',
      raciStep: 'complaint_resolution',
      ladder: { reminderMinutesBefore: null, warningMinutesBefore: 10, escalate: false },
    },
  ],
  version: 4,
  updatedAt: '2026-11-25T10:00:00Z',
};

describe('SLA policy draft', () => {
  it('round-trips a policy through the form', () => {
    const draft = draftFrom(policy);
    expect(draft.metrics.filter((m) => m.on).map((m) => m.metric)).toEqual(['first_response', 'resolution']);
    expect(toSaveInput(draft)).toEqual({
      id: 'p1',
      version: 4,
      name: 'P1/P2',
      enabled: true,
      calendarId: null,
      conditions: policy.conditions,
      pauseStatuses: ['quoted'],
      targets: [{ ...policy.targets[0] }, { ...policy.targets[1] }],
    });
  });

  it('finds what the form can tell before the API, with the API’s field paths', () => {
    const draft = newDraft();
    expect(draftProblems(draft)).toEqual([{ field: 'name', key: 'nameRequired' }]);
    draft.name = 'X';
    draft.metrics[0].minutes = '0';
    draft.metrics[3].on = true;
    draft.metrics[3].minutes = '60';
    draft.metrics[3].reminder = '5';
    draft.metrics[3].warning = '10';
    expect(draftProblems(draft)).toEqual([
      { field: 'targets.0.minutes', key: 'minutesInvalid', metric: 'first_response' },
      { field: 'targets.1.ladder.warningMinutesBefore', key: 'ladderOrder', metric: 'resolution' },
    ]);
    expect(metricOfField(draft, 'targets.1.ladder.warningMinutesBefore')).toBe('resolution');
    draft.metrics.forEach((m) => (m.on = false));
    expect(draftProblems(draft)).toEqual([{ field: 'targets', key: 'noTargets' }]);
  });

  it('splits a target into days, hours and minutes', () => {
    expect(durationParts(1440)).toEqual([{ unit: 'day', value: 1 }]);
    expect(durationParts(90)).toEqual([
      { unit: 'hour', value: 1 },
      { unit: 'minute', value: 30 },
    ]);
  });
});
