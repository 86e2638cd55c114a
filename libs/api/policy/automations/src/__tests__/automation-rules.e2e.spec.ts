import { randomUUID } from 'node:crypto';
import { AutomationsE2e, code, RULE_FIELDS, RuleView, RUNS } from './automations-e2e';

/** The rules API over HTTP: versions, rollback and stale saves, the dry-run, permissions and tenancy. */
describe('automation rules API (e2e: spawned API, real Postgres)', () => {
  const e = new AutomationsE2e();

  beforeAll(() => e.start());
  afterAll(() => e.stop());

  it('every save is a version with a diff; a stale save is refused; a rollback is a new version equal to an old one', async () => {
    const definition = (priority: string) => ({
      trigger: 'ticket_opened',
      conditions: { match: 'all', conditions: [{ field: 'priority', op: 'is', values: [priority] }] },
      actions: [
        { type: 'set_priority', value: 'P1' },
        { type: 'add_note', body: 'Öncelik yükseltildi ({{ticketNumber}})' },
      ],
    });
    const save = `mutation($input: SaveAutomationRuleInput!) { saveAutomationRule(input: $input) { ${RULE_FIELDS} } }`;
    const created = (
      await e.ok<{ saveAutomationRule: RuleView }>(save, {
        input: { hotelId: e.world.hotelA.id, name: 'P2 → P1', definition: definition('P2') },
      })
    ).saveAutomationRule;
    expect(created.version).toBe(1);
    const v2 = (
      await e.ok<{ saveAutomationRule: RuleView }>(save, {
        input: {
          hotelId: e.world.hotelA.id,
          id: created.id,
          expectedVersion: 1,
          name: 'P3 → P1',
          definition: definition('P3'),
        },
      })
    ).saveAutomationRule;
    expect(v2.version).toBe(2);
    const stale = await e.gql(save, {
      input: {
        hotelId: e.world.hotelA.id,
        id: created.id,
        expectedVersion: 1,
        name: 'late',
        definition: definition('P4'),
      },
    });
    expect(code(stale)).toBe('STALE_VERSION');
    expect(stale.errors?.[0].extensions.details).toMatchObject({ currentVersion: 2 });

    const rolled = await e.ok<{ rollbackAutomationRule: RuleView }>(
      `mutation($h: ID!, $r: ID!, $v: Int!, $e: Int) { rollbackAutomationRule(hotelId: $h, ruleId: $r, version: $v, expectedVersion: $e) { id version name } }`,
      { h: e.world.hotelA.id, r: created.id, v: 1, e: 2 },
    );
    expect(rolled.rollbackAutomationRule).toMatchObject({ version: 3, name: 'P2 → P1' });
    const detail = (
      await e.ok<{ automationRule: RuleView }>(
        `query($h: ID!, $id: ID!) { automationRule(hotelId: $h, id: $id) { id version
        definition { conditions { conditions { values } } }
        versions { version change rolledBackTo diff { path before after } } } }`,
        { h: e.world.hotelA.id, id: created.id },
      )
    ).automationRule;
    expect(detail.versions?.map((v) => [v.version, v.change, v.rolledBackTo])).toEqual([
      [3, 'rolled_back', 1],
      [2, 'saved', null],
      [1, 'created', null],
    ]);
    expect(detail.versions?.[1].diff).toEqual([
      { path: 'definition.conditions.conditions[0].values', before: '["P2"]', after: '["P3"]' },
      { path: 'name', before: '"P2 → P1"', after: '"P3 → P1"' },
    ]);
    const audit = await e.owner<{ action: string }>(
      `SELECT action FROM audit_log WHERE tenant_id = $1 AND entity_id = $2 ORDER BY occurred_at`,
      [e.world.hotelA.id, created.id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'automation_rule.saved',
      'automation_rule.saved',
      'automation_rule.rolled_back',
    ]);
    const agent = await e.gql(
      save,
      { input: { hotelId: e.world.hotelA.id, name: 'x', definition: definition('P2') } },
      'agentA',
    );
    expect(code(agent)).toBe('FORBIDDEN');
    const invalid = await e.gql(save, {
      input: {
        hotelId: e.world.hotelA.id,
        name: 'bad',
        definition: { trigger: 'inactivity', actions: [{ type: 'add_label', value: 'nope' }] },
      },
    });
    expect(code(invalid)).toBe('BAD_USER_INPUT');
    expect(invalid.errors?.[0].extensions.details?.problems).toEqual([
      { path: 'params.inactivityMinutes', message: expect.any(String) },
      { path: 'actions[0].value', message: 'unknown label nope' },
    ]);
  });

  it('a dry-run replays seeded history, reports what the rule would have done, and writes nothing', async () => {
    const base = Date.now() - 2 * 86_400_000;
    const at = (ms: number) => new Date(base + ms);
    const guestId = randomUUID();
    const caseId = randomUUID();
    await e.owner(`INSERT INTO guest (tenant_id, id, display_name) VALUES ($1, $2, 'Elif Şahin')`, [
      e.world.hotelA.id,
      guestId,
    ]);
    await e.owner(
      `INSERT INTO guest_case (tenant_id, id, number, guest_id, status, source, channel, guest_name, contact, request_text,
         created_at, updated_at)
       VALUES ($1, $2, 'HIST-1', $3, 'open', 'instagram', 'instagram', 'Elif Şahin', '@elif', 'Oda sorusu', $4, $4)`,
      [e.world.hotelA.id, caseId, guestId, at(0)],
    );
    for (const [ms, direction, body] of [
      [0, 'inbound', 'Merhaba, oda sorusu'],
      [60_000, 'outbound', 'Buyurun'],
      [120_000, 'inbound', 'Vazgeçtim, ŞİKAYET edeceğim, rezalet!'],
    ] as const) {
      await e.owner(
        `INSERT INTO case_message (tenant_id, case_id, direction, channel, body, occurred_at) VALUES ($1, $2, $3, 'instagram', $4, $5)`,
        [e.world.hotelA.id, caseId, direction, body, at(ms)],
      );
    }
    const keywordRule = (await e.rules()).find((r) => r.defaultKey === 'keyword_phone') as RuleView;
    const counts = () =>
      e.owner<Record<string, string>>(
        `SELECT (SELECT count(*) FROM automation_run) AS runs, (SELECT count(*) FROM ticket) AS tickets,
                (SELECT count(*) FROM case_handoff) AS handoffs, (SELECT count(*) FROM case_note) AS notes,
                (SELECT count(*) FROM audit_log) AS audit, (SELECT count(*) FROM durable_timer) AS timers,
                (SELECT count(*) FROM automation_rule_version) AS versions`,
      );
    const before = await counts();
    const result = await e.ok<{
      dryRunAutomationRule: Record<string, unknown> & { matches: Array<Record<string, unknown>> };
    }>(
      `query($h: ID!, $r: ID, $d: Int!) { dryRunAutomationRule(hotelId: $h, ruleId: $r, days: $d) {
        ruleId version days matchCount casesMatched eventsScanned truncated notes actionTotals { type count }
        matches { at caseNumber eventType matchedKeywords actions { type summary } } } }`,
      { h: e.world.hotelA.id, r: keywordRule.id, d: 7 },
    );
    const report = result.dryRunAutomationRule;
    expect(report).toMatchObject({ ruleId: keywordRule.id, version: 1, days: 7, truncated: false });
    const seeded = report.matches.filter((m) => m.caseNumber === 'HIST-1');
    expect(seeded).toEqual([
      {
        at: at(120_000).toISOString(),
        caseNumber: 'HIST-1',
        eventType: 'case.message_added',
        matchedKeywords: ['vazgeç*', 'şikayet', 'şikayet*', 'rezalet'],
        actions: [{ type: 'hand_off_to_phone', summary: 'callback ticket for call_center; case handed off (phone)' }],
      },
    ]);
    expect(await counts()).toEqual(before);

    // An unsaved definition from the editor replays the same way.
    const draft = await e.ok<{ dryRunAutomationRule: { matches: Array<{ caseNumber: string }> } }>(
      `query($h: ID!, $def: AutomationRuleDefinitionInput, $d: Int!) { dryRunAutomationRule(hotelId: $h, definition: $def, days: $d) {
        matches { caseNumber } } }`,
      {
        h: e.world.hotelA.id,
        d: 3,
        def: {
          trigger: 'message_received',
          conditions: { match: 'all', conditions: [{ field: 'message_rounds', op: 'at_least', number: 1 }] },
          actions: [{ type: 'add_note', body: 'x' }],
        },
      },
    );
    expect(draft.dryRunAutomationRule.matches.map((m) => m.caseNumber)).toContain('HIST-1');
    expect(await counts()).toEqual(before);
    const days = await e.gql(
      `query($h: ID!, $r: ID, $d: Int!) { dryRunAutomationRule(hotelId: $h, ruleId: $r, days: $d) { days } }`,
      {
        h: e.world.hotelA.id,
        r: keywordRule.id,
        d: 91,
      },
    );
    expect(code(days)).toBe('BAD_USER_INPUT');
  });

  it("another hotel's rule answers exactly like a missing one", async () => {
    const ruleOfB = (
      await e.ok<{ automationRules: RuleView[] }>(
        `query($h: ID!) { automationRules(hotelId: $h) { id } }`,
        { h: e.world.hotelB.id },
        'adminB',
      )
    ).automationRules[0];
    const get = `query($h: ID!, $id: ID!) { automationRule(hotelId: $h, id: $id) { id } }`;
    const viaA = await e.gql(get, { h: e.world.hotelA.id, id: ruleOfB.id });
    const random = await e.gql(get, { h: e.world.hotelA.id, id: randomUUID() });
    expect(code(viaA)).toBe('NOT_FOUND');
    expect(viaA.errors?.[0].message).toBe(random.errors?.[0].message);
    expect(code(await e.gql(get, { h: e.world.hotelB.id, id: ruleOfB.id }))).toBe('NOT_FOUND');
    const rollback = await e.gql(
      `mutation($h: ID!, $r: ID!) { rollbackAutomationRule(hotelId: $h, ruleId: $r, version: 1) { id } }`,
      { h: e.world.hotelA.id, r: ruleOfB.id },
    );
    expect(code(rollback)).toBe('NOT_FOUND');
    const dry = await e.gql(
      `query($h: ID!, $r: ID) { dryRunAutomationRule(hotelId: $h, ruleId: $r, days: 3) { days } }`,
      {
        h: e.world.hotelA.id,
        r: ruleOfB.id,
      },
    );
    expect(code(dry)).toBe('NOT_FOUND');
    const runsOfB = await e.ok<{ automationRuns: { nodes: unknown[] } }>(
      RUNS,
      { hotelId: e.world.hotelB.id },
      'adminA',
    );
    expect(runsOfB.automationRuns.nodes).toEqual([]);
    const rulesOfB = await e.gql(`query($h: ID!) { automationRules(hotelId: $h) { id } }`, { h: e.world.hotelB.id });
    expect(code(rulesOfB)).toBe('NOT_FOUND');
  });
});
