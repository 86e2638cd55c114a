import { AutomationTrigger } from '@baton/shared/contracts';
import { loopDecision, LoopBlockReason, MAX_AUTOMATION_DEPTH, RootLedger } from '../engine/loop-guard';
import { ActionType, GroupMatch, RuleDefinition } from '../model/rule-definition';
import { renderTemplate, unknownPlaceholders } from '../templating/render-template';
import { diffSnapshots } from '../versions/definition-diff';

describe('templates', () => {
  it('fills the placeholders and never prints null', () => {
    const values = { guestName: 'Ayşe Yılmaz', caseNumber: 'BLK-2026-000042', hotelName: 'Hotel Alpha' };
    expect(renderTemplate('Merhaba {{guestName}}, talep no {{ caseNumber }}. {{hotelName}}', values)).toBe(
      'Merhaba Ayşe Yılmaz, talep no BLK-2026-000042. Hotel Alpha',
    );
    expect(renderTemplate('Merhaba {{guestName}}, hoş geldiniz', { guestName: null })).toBe('Merhaba, hoş geldiniz');
    expect(renderTemplate('Kalan {{unknown}}', {})).toBe('Kalan {{unknown}}');
  });

  it('names unknown placeholders', () => {
    expect(unknownPlaceholders('{{guestName}} {{roomNo}} {{roomNo}} {{caseNumber}}')).toEqual(['roomNo']);
    expect(unknownPlaceholders('no placeholders')).toEqual([]);
  });
});

describe('loop guard', () => {
  it('runs a rule once per root event and never at depth ≥ 3', () => {
    const ran = new Set<string>();
    expect(loopDecision(0, 'r1', ran)).toEqual({ run: true });
    ran.add('r1');
    expect(loopDecision(1, 'r1', ran)).toEqual({ run: false, reason: LoopBlockReason.Repeat });
    expect(loopDecision(2, 'r2', ran)).toEqual({ run: true });
    expect(loopDecision(MAX_AUTOMATION_DEPTH, 'r3', ran)).toEqual({ run: false, reason: LoopBlockReason.Depth });
  });

  it('keeps one ledger per transaction and root', () => {
    const ledger = new RootLedger();
    const txA = {};
    const txB = {};
    ledger.ran(txA, 'root').add('r1');
    expect(ledger.ran(txA, 'root').has('r1')).toBe(true);
    expect(ledger.ran(txA, 'other').has('r1')).toBe(false);
    expect(ledger.ran(txB, 'root').has('r1')).toBe(false);
  });
});

describe('version diff', () => {
  const base: RuleDefinition = {
    trigger: AutomationTrigger.TicketOpened,
    params: {},
    conditions: {
      match: GroupMatch.All,
      conditions: [{ field: 'priority' as never, op: 'is' as never, values: ['P1'] }],
      groups: [],
    },
    actions: [{ type: ActionType.Webhook, url: 'https://hooks.example/x', secretSealed: 'v1.a.b.c' }],
    channels: ['webhook'],
    owner: null,
    description: null,
  };

  it('lists every field of a created rule', () => {
    const diff = diffSnapshots(null, { name: 'r', enabled: true, definition: base });
    expect(diff.map((d) => d.path)).toEqual(
      expect.arrayContaining(['name', 'enabled', 'definition.trigger', 'definition.actions[0].url']),
    );
    expect(diff.every((d) => d.before === null)).toBe(true);
  });

  it('shows changed leaves only, lists of scalars as a whole, secrets masked', () => {
    const next: RuleDefinition = {
      ...base,
      conditions: {
        ...base.conditions,
        conditions: [{ field: 'priority' as never, op: 'is' as never, values: ['P1', 'P2'] }],
      },
      actions: [
        { ...base.actions[0], secretSealed: 'v1.d.e.f' },
        { type: ActionType.AddNote, body: 'x' },
      ],
    };
    const diff = diffSnapshots(
      { name: 'r', enabled: true, definition: base },
      { name: 'r2', enabled: true, definition: next },
    );
    expect(diff).toEqual([
      { path: 'definition.actions[0].secretSealed', before: '"••••"', after: '"••••"' },
      { path: 'definition.actions[1].body', before: null, after: '"x"' },
      { path: 'definition.actions[1].type', before: null, after: '"add_note"' },
      { path: 'definition.conditions.conditions[0].values', before: '["P1"]', after: '["P1","P2"]' },
      { path: 'name', before: '"r"', after: '"r2"' },
    ]);
  });

  it('no change gives an empty diff (null, empty string and [] mean the same)', () => {
    const snapshot = { name: 'r', enabled: true, definition: { ...base, description: null } };
    expect(
      diffSnapshots(snapshot, { ...snapshot, definition: { ...base, description: '' as unknown as null } }),
    ).toEqual([]);
  });
});
