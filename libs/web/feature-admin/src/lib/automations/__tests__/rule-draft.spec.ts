import { conditionsText, draftFrom, emptyDraft, newCondition, parseValues, toSaveInput } from '../rule-draft';

const t = (key: string) => key.split('.').pop() ?? key;

describe('rule editor draft', () => {
  it('starts with a valid-shaped rule and a condition fitting its field', () => {
    expect(emptyDraft().definition.actions[0]).toMatchObject({
      type: 'notify',
      channels: ['in_app'],
      target: { kind: 'owner' },
    });
    expect(newCondition('message_rounds')).toEqual({ field: 'message_rounds', op: 'at_least', values: [], number: 1 });
    expect(newCondition('keywords').op).toBe('matches');
  });

  it('never sends hasSecret, sends a secret only when typed, and carries the expected version', () => {
    const rule = {
      id: 'r1',
      version: 4,
      name: ' Webhook ',
      enabled: true,
      definition: {
        ...emptyDraft().definition,
        actions: [{ ...emptyDraft().definition.actions[0], type: 'webhook', url: 'https://x', hasSecret: true }],
      },
    };
    const draft = draftFrom({
      ...rule,
      definition: { ...rule.definition, __typename: 'AutomationRuleDefinition' } as never,
    });
    expect(draft.definition.actions[0]).not.toHaveProperty('hasSecret');
    expect(JSON.stringify(toSaveInput(draft))).not.toContain('__typename');
    expect(toSaveInput(draft).definition.actions[0]).not.toHaveProperty('secret');
    expect(toSaveInput(draft)).toMatchObject({ id: 'r1', expectedVersion: 4, name: 'Webhook' });
    draft.definition.actions[0].secret = 's3cret';
    expect(toSaveInput(draft).definition.actions[0]).toMatchObject({ secret: 's3cret' });
  });

  it('describes conditions for the table', () => {
    expect(conditionsText({ match: 'all', conditions: [], groups: [] }, t)).toBe('always');
    expect(
      conditionsText(
        {
          match: 'all',
          conditions: [{ field: 'status', op: 'is', values: ['won'] }],
          groups: [
            {
              match: 'any',
              conditions: [
                { field: 'channel', op: 'is', values: ['phone'] },
                { field: 'team', op: 'is', values: ['call_center'] },
              ],
              groups: [],
            },
          ],
        },
        t,
      ),
    ).toBe('status is won · (channel is phone matchAny team is call_center)');
  });

  it('parses a values box', () => {
    expect(parseValues(' P1, P2 ,, P1 ')).toEqual(['P1', 'P2']);
  });
});
