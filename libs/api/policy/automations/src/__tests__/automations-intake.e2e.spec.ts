import { RuleView, RUNS, AutomationsE2e, eventually } from './automations-e2e';

/** Guests write on WhatsApp; the playbook rules hand the case to the call center by phone (spawned API + worker). */
describe('automations on live traffic (e2e: webhook → worker → rules)', () => {
  const e = new AutomationsE2e();
  let guestNo = 0;

  beforeAll(() => e.start({ whatsapp: true }));
  afterAll(() => e.stop());

  it('seeds the playbook defaults on first access, with the table columns', async () => {
    const list = await e.rules();
    expect(list.map((r) => r.defaultKey).sort()).toEqual([
      'keyword_phone',
      'p1_ticket_escalation',
      'phone_booking_summary',
      'resolved_status_update',
      'sla_reminder',
      'two_rounds_phone',
    ]);
    expect(list.every((r) => r.version === 1)).toBe(true);
  });

  it('"rezervasyonumu İPTAL etmek istiyorum" on WhatsApp → callback ticket for the call center, handoff by phone, run recorded', async () => {
    const phone = `90532${String(++guestNo).padStart(7, '0')}`;
    await e.whatsapp(phone, 'Zeynep Kaya', 'Merhaba, rezervasyonumu İPTAL etmek istiyorum');
    const [kase] = await eventually(
      () => e.caseOf(`+${phone}`),
      (rows) => rows.length === 1 && rows[0].status === 'handed_off',
    );
    const handoffs = await e.owner<{ to_team: string; to_channel: string; reason: string }>(
      `SELECT to_team, to_channel, reason FROM case_handoff WHERE case_id = $1`,
      [kase.id],
    );
    expect(handoffs).toEqual([{ to_team: 'call_center', to_channel: 'phone', reason: 'cancellation_or_crisis' }]);
    const tickets = await e.owner<{ kind: string; team: string; source: string; title: string }>(
      `SELECT kind, team, source, title FROM ticket WHERE case_id = $1`,
      [kase.id],
    );
    expect(tickets).toEqual([
      { kind: 'callback', team: 'call_center', source: 'rule', title: `Acil geri arama: Zeynep Kaya (${kase.number})` },
    ]);
    const keywordRule = (await e.rules()).find((r) => r.defaultKey === 'keyword_phone') as RuleView;
    const runs = await e.ok<{ automationRuns: { nodes: Array<Record<string, unknown>> } }>(RUNS, {
      hotelId: e.world.hotelA.id,
      ruleId: keywordRule.id,
    });
    expect(runs.automationRuns.nodes).toEqual([
      expect.objectContaining({
        outcome: 'succeeded',
        caseNumber: kase.number,
        eventType: 'case.created',
        matchedKeywords: expect.arrayContaining(['iptal', 'iptal etmek']),
        actions: [
          {
            type: 'hand_off_to_phone',
            status: 'done',
            detail: expect.stringMatching(/; handed off to call_center \(phone\)$/),
          },
        ],
      }),
    ]);
  });

  it('two message rounds without a resolution → handed off to phone on the third guest message', async () => {
    const phone = `90532${String(++guestNo).padStart(7, '0')}`;
    const reply = async (caseId: string) => {
      const r = await e.gql(
        `mutation($input: ReplyToCaseInput!) { replyToCase(input: $input) { id } }`,
        {
          input: { hotelId: e.world.hotelA.id, caseId, body: 'Tabii, hemen bakıyoruz.' },
        },
        'agentA',
      );
      expect(r.errors).toBeUndefined();
    };
    const texts = [
      'Merhaba, 3 gece için fiyat alabilir miyim?',
      'Çocuklar için indirim var mı?',
      'Peki kahvaltı dahil mi?',
    ];
    const inboundCount = async () =>
      (
        await e.owner<{ n: string; id: string }>(
          `SELECT count(*) AS n, min(c.id::text) AS id FROM case_message m JOIN guest_case c ON c.id = m.case_id
            WHERE c.contact = $1 AND m.direction = 'inbound'`,
          [`+${phone}`],
        )
      )[0];
    for (const [i, text] of texts.entries()) {
      await e.whatsapp(phone, 'Mehmet Demir', text);
      const seen = await eventually(inboundCount, (row) => Number(row.n) === i + 1);
      if (i < 2) {
        // Two rounds: the guest wrote and the hotel answered, twice; the third message finds them unresolved.
        await reply(seen.id);
        // WhatsApp stamps messages in whole seconds: the next one must not look older than the answer.
        await new Promise((resolve) => setTimeout(resolve, 1100));
      }
    }
    const [kase] = await eventually(
      () => e.caseOf(`+${phone}`),
      (rows) => rows[0]?.status === 'handed_off',
    );
    const handoffs = await e.owner<{ reason: string }>(`SELECT reason FROM case_handoff WHERE case_id = $1`, [kase.id]);
    expect(handoffs).toEqual([{ reason: 'two_rounds_unresolved' }]);
  });
});
