import { evaluateConditions, RuleFacts } from '../conditions/evaluate-conditions';
import {
  Condition,
  ConditionField as F,
  ConditionGroup,
  ConditionOp as Op,
  GroupMatch,
} from '../model/rule-definition';

const facts = (overrides: Partial<RuleFacts> = {}): RuleFacts => ({
  priority: 'P2',
  channel: 'whatsapp',
  requestType: 'reservation',
  labels: ['family'],
  status: 'open',
  team: 'smm_agency',
  ownerId: null,
  messageRounds: 1,
  guestText: 'Merhaba',
  ticketKind: null,
  minutesToDue: null,
  businessHours: null,
  ...overrides,
});
const env = {
  keywordSets: new Map([
    ['cancellation', ['iptal', 'cancel*']],
    ['crisis', ['şikayet*']],
  ]),
};
const all = (...conditions: Condition[]): ConditionGroup => ({ match: GroupMatch.All, conditions, groups: [] });
const any = (...conditions: Condition[]): ConditionGroup => ({ match: GroupMatch.Any, conditions, groups: [] });
const c = (field: F, op: Op, values: string[] = [], number: number | null = null): Condition => ({
  field,
  op,
  values,
  number,
});
const holds = (group: ConditionGroup, f: Partial<RuleFacts> = {}) => evaluateConditions(group, facts(f), env).matched;

describe('rule conditions (pure)', () => {
  it('an empty group always holds', () => {
    expect(holds(all())).toBe(true);
    expect(holds(any())).toBe(true);
  });

  it('compares scalar fields with is / is not / empty', () => {
    expect(holds(all(c(F.Priority, Op.Is, ['P1', 'P2'])))).toBe(true);
    expect(holds(all(c(F.Priority, Op.Is, ['P1'])))).toBe(false);
    expect(holds(all(c(F.Channel, Op.IsNot, ['phone'])))).toBe(true);
    expect(holds(all(c(F.Owner, Op.IsEmpty)))).toBe(true);
    expect(holds(all(c(F.Owner, Op.IsNotEmpty)), { ownerId: 'u1' })).toBe(true);
    expect(holds(all(c(F.Owner, Op.Is, ['u1'])), { ownerId: 'u2' })).toBe(false);
    expect(holds(all(c(F.Team, Op.IsNot, ['call_center'])), { team: null })).toBe(true);
    expect(holds(all(c(F.RequestType, Op.Is, ['reservation'])))).toBe(true);
    expect(holds(all(c(F.Status, Op.Is, ['won'])))).toBe(false);
  });

  it('labels contains / does not contain', () => {
    expect(holds(all(c(F.Labels, Op.Contains, ['vip', 'family'])))).toBe(true);
    expect(holds(all(c(F.Labels, Op.NotContains, ['family'])))).toBe(false);
    expect(holds(all(c(F.Labels, Op.IsEmpty)), { labels: [] })).toBe(true);
  });

  it('message rounds and minutes to due compare as numbers', () => {
    expect(holds(all(c(F.MessageRounds, Op.AtLeast, [], 2)), { messageRounds: 2 })).toBe(true);
    expect(holds(all(c(F.MessageRounds, Op.AtLeast, [], 2)), { messageRounds: 1 })).toBe(false);
    expect(holds(all(c(F.MinutesToDue, Op.AtMost, [], 30)), { minutesToDue: 29 })).toBe(true);
    expect(holds(all(c(F.MinutesToDue, Op.AtMost, [], 30)), { minutesToDue: null })).toBe(false);
  });

  it('keyword sets match the guest text and report the words found', () => {
    const rule = all(c(F.Keywords, Op.Matches, ['cancellation', 'crisis']));
    const result = evaluateConditions(rule, facts({ guestText: 'Rezervasyonumu İPTAL etmek istiyorum' }), env);
    expect(result).toEqual({ matched: true, keywords: ['iptal'] });
    expect(holds(rule, { guestText: 'Şikayetim var' })).toBe(true);
    expect(holds(rule, { guestText: 'Fiyat alabilir miyim?' })).toBe(false);
    expect(holds(all(c(F.Keywords, Op.NotMatches, ['cancellation'])), { guestText: 'cancelled' })).toBe(false);
    expect(holds(all(c(F.Keywords, Op.Matches, ['unknown_set'])), { guestText: 'iptal' })).toBe(false);
  });

  it('business hours: inside / outside, never when unknown', () => {
    expect(holds(all(c(F.BusinessHours, Op.Inside)), { businessHours: true })).toBe(true);
    expect(holds(all(c(F.BusinessHours, Op.Outside)), { businessHours: true })).toBe(false);
    expect(holds(all(c(F.BusinessHours, Op.Outside)), { businessHours: false })).toBe(true);
    expect(holds(all(c(F.BusinessHours, Op.Inside)), { businessHours: null })).toBe(false);
  });

  it('nests all / any groups', () => {
    const wonByPhone: ConditionGroup = {
      match: GroupMatch.All,
      conditions: [c(F.Status, Op.Is, ['won'])],
      groups: [any(c(F.Channel, Op.Is, ['phone']), c(F.Team, Op.Is, ['call_center']))],
    };
    expect(holds(wonByPhone, { status: 'won', channel: 'phone' })).toBe(true);
    expect(holds(wonByPhone, { status: 'won', channel: 'whatsapp', team: 'call_center' })).toBe(true);
    expect(holds(wonByPhone, { status: 'won', channel: 'whatsapp', team: 'sales' })).toBe(false);
    expect(holds(wonByPhone, { status: 'lost', channel: 'phone' })).toBe(false);
  });

  it('an operator that does not fit the field never holds', () => {
    expect(holds(all(c(F.Priority, Op.AtLeast, [], 1)))).toBe(false);
    expect(holds(all(c(F.Labels, Op.Is, ['family'])))).toBe(false);
  });
});
