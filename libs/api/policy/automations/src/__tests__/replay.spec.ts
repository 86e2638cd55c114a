import { AutomationTrigger } from '@baton/shared/contracts';
import { DEFAULT_KEYWORD_SETS, DEFAULT_RULES } from '../defaults/default-rules';
import type { History, HistoryCase, HistoryEvent } from '../dry-run/history';
import { replayRule } from '../dry-run/replay';
import { ActionType, GroupMatch, RuleDefinition } from '../model/rule-definition';

const NOW = new Date('2026-11-27T12:00:00Z');
const MIN = 60_000;
const at = (minutesAgo: number) => new Date(NOW.getTime() - minutesAgo * MIN);

const kase = (id: string, overrides: Partial<HistoryCase> = {}): HistoryCase => ({
  id,
  number: `BLK-2026-${id}`,
  guestId: `g-${id}`,
  status: 'open',
  priority: 'P3',
  channel: 'whatsapp',
  requestType: null,
  labels: [],
  team: 'smm_agency',
  ownerId: null,
  ownerName: null,
  guestName: `Guest ${id}`,
  contact: '+905320000000',
  requestText: 'Merhaba',
  messageRounds: 0,
  mergedIntoId: null,
  createdAt: at(600),
  ...overrides,
});

const msg = (caseId: string, minutesAgo: number, direction: 'inbound' | 'outbound', body = 'x'): HistoryEvent => ({
  kind: 'message',
  at: at(minutesAgo),
  caseId,
  direction,
  body,
});

function history(cases: HistoryCase[], events: HistoryEvent[]): History {
  return {
    from: at(24 * 60),
    to: NOW,
    hotelName: 'Hotel Alpha',
    timeZone: 'Europe/Istanbul',
    cases,
    tickets: [],
    events: [...cases.map((c) => ({ kind: 'case_created' as const, at: c.createdAt, caseId: c.id })), ...events],
    keywordSets: new Map(Object.entries(DEFAULT_KEYWORD_SETS)),
    businessHours: null,
    casesTruncated: false,
  };
}

const defaultRule = (key: string) => {
  const found = DEFAULT_RULES.find((r) => r.key === key);
  if (!found) {
    throw new Error(key);
  }
  return found;
};

describe('dry-run replay (pure)', () => {
  const conversation: HistoryEvent[] = [
    msg('a', 500, 'inbound', 'Merhaba, fiyat alabilir miyim?'),
    msg('a', 495, 'outbound'),
    msg('a', 490, 'inbound', 'Çocuklar için?'),
    msg('a', 485, 'outbound'),
    msg('a', 480, 'inbound', 'Vazgeçtim, rezervasyonumu İPTAL etmek istiyorum'),
    msg('b', 300, 'inbound', 'Oda temiz değildi, şikayet edeceğim'),
  ];
  const cases = [kase('a'), kase('b', { guestName: null })];

  it('replays message rounds as they were: the 2+ rounds rule matches the third guest message only', () => {
    const rule = defaultRule('two_rounds_phone');
    const report = replayRule(rule.definition, rule.name, history(cases, conversation), new Map());
    expect(report.eventsScanned).toBe(4);
    expect(report.matches.map((m) => [m.caseNumber, m.at.toISOString()])).toEqual([
      ['BLK-2026-a', at(480).toISOString()],
    ]);
    expect(report.matches[0].actions[0].summary).toBe('callback ticket for call_center; case handed off (phone)');
  });

  it('the keyword rule names the words and says when a handoff would be refused', () => {
    const rule = defaultRule('keyword_phone');
    const report = replayRule(rule.definition, rule.name, history(cases, conversation), new Map());
    expect(report.matches.map((m) => [m.caseNumber, m.matchedKeywords])).toEqual([
      ['BLK-2026-a', ['iptal', 'iptal*', 'iptal etmek', 'vazgeç*']],
      ['BLK-2026-b', ['şikayet', 'şikayet*']],
    ]);
    expect(report.matches[1].actions[0].summary).toBe(
      'callback ticket for call_center; no handoff (missing guestName)',
    );
    expect(report).toMatchObject({
      matchCount: 2,
      casesMatched: 2,
      actionTotals: [{ type: 'hand_off_to_phone', count: 2 }],
    });
  });

  it('the phone summary rule matches won phone cases and renders the message it would send', () => {
    const rule = defaultRule('phone_booking_summary');
    const phone = kase('c', { channel: 'phone', guestName: 'Ayşe Yılmaz' });
    const events: HistoryEvent[] = [
      { kind: 'status', at: at(100), caseId: 'c', from: 'new', to: 'in_progress' },
      { kind: 'status', at: at(50), caseId: 'c', from: 'in_progress', to: 'won' },
      { kind: 'status', at: at(40), caseId: 'a', from: 'new', to: 'won' },
    ];
    const identities = new Map([['g-c', new Set(['whatsapp'])]]);
    const report = replayRule(rule.definition, rule.name, history([kase('a'), phone], events), identities);
    expect(report.matches).toHaveLength(1);
    expect(report.matches[0].actions[0].summary).toMatch(
      /^message via whatsapp: Merhaba Ayşe Yılmaz, telefonda konuştuğumuz rezervasyonunuz onaylandı\. Talep numaranız: BLK-2026-c/,
    );
  });

  it('simulates inactivity timers: fires only when nobody answered in time', () => {
    const definition: RuleDefinition = {
      trigger: AutomationTrigger.Inactivity,
      params: { inactivityMinutes: 30 },
      conditions: { match: GroupMatch.All, conditions: [], groups: [] },
      actions: [{ type: ActionType.AddNote, body: 'No answer for 30 minutes' }],
      channels: [],
      owner: null,
      description: null,
    };
    const events = [
      msg('a', 200, 'inbound'),
      msg('a', 190, 'outbound'), // answered within 30: no firing
      msg('a', 150, 'inbound'),
      msg('a', 140, 'inbound'), // moves the timer: one firing, at 110
      msg('b', 20, 'inbound'), // due in the future: no firing yet
    ];
    const report = replayRule(definition, 'idle', history(cases, events), new Map());
    expect(report.matches.map((m) => [m.caseNumber, m.at.toISOString(), m.eventType])).toEqual([
      ['BLK-2026-a', at(110).toISOString(), 'timer:automation.inactivity'],
    ]);
  });

  it('events before the window only build state; nothing outside it is reported', () => {
    const rule = defaultRule('keyword_phone');
    const old = kase('old', { createdAt: at(3 * 24 * 60) });
    const report = replayRule(
      rule.definition,
      rule.name,
      history([old], [msg('old', 2 * 24 * 60, 'inbound', 'iptal'), msg('old', 60, 'inbound', 'merhaba')]),
      new Map(),
    );
    expect(report.eventsScanned).toBe(1);
    expect(report.matches).toEqual([]);
  });
});
