import { AutomationTrigger, NotificationChannel } from '@baton/shared/contracts';
import { DEFAULT_RULES } from '../defaults/default-rules';
import { definitionFromInput } from '../model/definition-input';
import {
  ActionType,
  ConditionField,
  ConditionOp,
  GroupMatch,
  PartyKind,
  RuleDefinition,
} from '../model/rule-definition';
import { channelsOf, definitionProblems } from '../model/rule-validation';
import { nextCronOccurrence } from '../triggers/cron';
import { triggersOf } from '../triggers/event-triggers';

const rule = (overrides: Partial<RuleDefinition> = {}): RuleDefinition => ({
  trigger: AutomationTrigger.CaseCreated,
  params: {},
  conditions: { match: GroupMatch.All, conditions: [], groups: [] },
  actions: [{ type: ActionType.AddNote, body: 'hi' }],
  channels: [],
  owner: null,
  description: null,
  ...overrides,
});

describe('rule validation', () => {
  it('accepts every playbook default', () => {
    for (const d of DEFAULT_RULES) {
      expect({ key: d.key, problems: definitionProblems(d.definition) }).toEqual({ key: d.key, problems: [] });
    }
  });

  it('names each problem with a path the editor can point at', () => {
    const problems = definitionProblems(
      rule({
        trigger: AutomationTrigger.Inactivity,
        params: { inactivityMinutes: 0 },
        conditions: {
          match: GroupMatch.All,
          conditions: [
            { field: ConditionField.Priority, op: ConditionOp.AtLeast, values: [] },
            { field: ConditionField.Keywords, op: ConditionOp.Matches, values: [] },
          ],
          groups: [],
        },
        actions: [
          { type: ActionType.Notify, channels: [NotificationChannel.Webhook], body: 'Hi {{roomNumber}}' },
          { type: ActionType.SetStatus, value: 'lost' },
          { type: ActionType.Webhook, url: 'ftp://x' },
          { type: ActionType.Assign, target: { kind: PartyKind.User, userId: 'nope' } },
        ],
      }),
    );
    expect(problems.map((p) => p.path)).toEqual([
      'params.inactivityMinutes',
      'conditions.conditions[0].op',
      'conditions.conditions[1].values',
      'actions[0].body',
      'actions[0].channels',
      'actions[0].target',
      'actions[1].lostReason',
      'actions[2].url',
      'actions[3].target.userId',
    ]);
  });

  it('checks schedules: 5 fields, at most every 5 minutes', () => {
    expect(
      definitionProblems(rule({ trigger: AutomationTrigger.Schedule, params: { cron: '* * * * *' } }))[0].path,
    ).toBe('params.cron');
    expect(definitionProblems(rule({ trigger: AutomationTrigger.Schedule, params: { cron: '0 9 * * 1-5' } }))).toEqual(
      [],
    );
  });

  it('computes the channel column from the actions', () => {
    expect(
      channelsOf([
        { type: ActionType.Notify, channels: [NotificationChannel.Email] },
        { type: ActionType.HandOffToPhone },
        { type: ActionType.SendGuestMessage, messageChannels: ['case', 'email'] },
      ]),
    ).toEqual(['email', 'whatsapp', 'ticket', 'phone']);
  });

  it('turns editor input into a stored definition, keeping a webhook secret for the same URL', () => {
    const seal = (s: string) => `sealed(${s})`;
    const first = definitionFromInput(
      { trigger: 'case_created', actions: [{ type: 'webhook', url: ' https://h.example/x ', secret: 's3' }] },
      seal,
    );
    expect(first.actions[0]).toMatchObject({ url: 'https://h.example/x', secretSealed: 'sealed(s3)' });
    expect(first.channels).toEqual(['webhook']);
    const kept = definitionFromInput(
      { trigger: 'case_created', actions: [{ type: 'webhook', url: 'https://h.example/x' }] },
      seal,
      first,
    );
    expect(kept.actions[0].secretSealed).toBe('sealed(s3)');
    const moved = definitionFromInput(
      { trigger: 'case_created', actions: [{ type: 'webhook', url: 'https://other.example/' }] },
      seal,
      first,
    );
    expect(moved.actions[0].secretSealed).toBeNull();
  });
});

describe('triggers', () => {
  it('maps domain events to triggers', () => {
    expect(triggersOf({ type: 'case.created', detail: { direction: 'inbound' } })).toEqual([
      AutomationTrigger.CaseCreated,
      AutomationTrigger.MessageReceived,
    ]);
    expect(triggersOf({ type: 'case.message_added', detail: { direction: 'outbound' } })).toEqual([]);
    expect(triggersOf({ type: 'ticket.resolved' })).toEqual([AutomationTrigger.TicketResolved]);
    expect(triggersOf({ type: 'case.note_added' })).toEqual([]);
  });

  it('reads cron in the hotel time zone', () => {
    const after = new Date('2026-11-27T10:00:00Z'); // a Friday, 13:00 in Istanbul
    expect(nextCronOccurrence('0 9 * * 1-5', 'Europe/Istanbul', after).toISOString()).toBe('2026-11-30T06:00:00.000Z');
    expect(nextCronOccurrence('0 9 * * 1-5', 'America/New_York', after).toISOString()).toBe('2026-11-27T14:00:00.000Z'); // 05:00 there: still today;
  });
});
