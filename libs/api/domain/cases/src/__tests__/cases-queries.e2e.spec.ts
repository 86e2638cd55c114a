import { Channel, DictionaryKind, ErrorCode, MessageContentType, MessageDirection } from '@baton/shared/contracts';
import { CASE_FIELDS, CasesE2e, CaseView, firstError } from './cases-e2e';

const CASES = `query($h: ID!, $f: CaseFilter, $first: Int, $after: String) {
  cases(hotelId: $h, filter: $f, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id number guestName contact status channel } } } }`;
const BY_NUMBER = `query($h: ID!, $n: String!) { caseByNumber(hotelId: $h, number: $n) { ${CASE_FIELDS} } }`;
const DICTIONARY = `query($h: ID!, $k: String) { dictionary(hotelId: $h, kind: $k) { kind code labelTr labelEn sort active } }`;
const SAVE_ENTRY = `mutation($input: SaveDictionaryEntryInput!) { saveDictionaryEntry(input: $input) { kind code labelTr labelEn sort active } }`;
const QUEUE = `query($h: ID!) { queueState(hotelId: $h) { hotelId open unassigned waiting oldestWaitingSince oldestWaitingSeconds
  byChannel { channel open unassigned waiting oldestWaitingSince } at } }`;

type Connection = {
  cases: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{
      cursor: string;
      node: Pick<CaseView, 'id' | 'number' | 'guestName' | 'contact' | 'status' | 'channel'>;
    }>;
  };
};

describe('case queries through GraphQL (e2e)', () => {
  const t = new CasesE2e();
  let hotelId: string;
  const list = (f: Record<string, unknown> | null, first?: number, after?: string | null, who = 'agentA') =>
    t.gql<Connection>(CASES, { h: hotelId, f, first, after }, who);
  const ids = async (f: Record<string, unknown>) => (await list(f, 100)).data!.cases.edges.map((e) => e.node.id);

  let complaint: { caseId: string; caseNumber: string };
  let ayse: { caseId: string; caseNumber: string; guestId: string };
  let ota: { caseId: string; caseNumber: string };

  beforeAll(async () => {
    await t.start();
    hotelId = t.world.hotelA.id;
    complaint = await t.newCase({
      body: 'Şikayetim var, oda çok gürültülü',
      contact: '+905321234567',
      guestName: 'Kemal',
    });
    ayse = await t.newCase({
      channel: Channel.Instagram,
      guestName: 'Ayşe Yılmaz',
      contact: 'ayse@example.com',
      body: 'Balayı paketi',
      utm: { campaign: 'balayi2026' },
    });
    ota = await t.newCase({ channel: Channel.Ota, source: 'booking.com', body: 'Reservation request' });
  });
  afterAll(() => t.stop());

  it('lists newest first with Relay pagination and a total count', async () => {
    for (let i = 0; i < 4; i++) {
      await t.newCase({ channel: Channel.Email, source: 'email', body: `Paging ${i}` });
    }
    const all = (await list(null, 100)).data!.cases;
    expect(all.totalCount).toBe(7);
    expect(all.edges[all.edges.length - 1].node.id).toBe(complaint.caseId);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Connection['cases'] = (await list(null, 3, after)).data!.cases;
      expect(page.totalCount).toBe(7);
      seen.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.edges.map((e) => e.node.id));
    for (const first of [0, 101]) {
      expect(firstError(await list(null, first))).toMatchObject({
        code: ErrorCode.BadUserInput,
        message: 'first must be between 1 and 100',
        details: { field: 'first' },
      });
    }
    expect(firstError(await list(null, 10, 'forged'))?.code).toBe(ErrorCode.BadUserInput);
  });

  it('filters by status, channel, priority, owner, label, campaign, guest and openness', async () => {
    const { users } = t.world;
    await t.ok(`mutation($i: AssignCaseInput!) { assignCase(input: $i) { id } }`, {
      i: { hotelId, id: ayse.caseId, ownerId: users.agentA.id },
    });
    await t.ok(`mutation($i: UpdateCaseInput!) { updateCase(input: $i) { id } }`, {
      i: { hotelId, id: ayse.caseId, labels: ['honeymoon'], priority: 'P1' },
    });
    await t.ok(`mutation($i: ChangeCaseStatusInput!) { changeCaseStatus(input: $i) { id } }`, {
      i: { hotelId, id: ota.caseId, status: 'closed' },
    });
    expect(await ids({ channel: ['instagram'] })).toEqual([ayse.caseId]);
    expect(await ids({ ownerId: users.agentA.id })).toEqual([ayse.caseId]);
    expect(await ids({ label: 'honeymoon' })).toEqual([ayse.caseId]);
    expect(await ids({ priority: ['P1'] })).toEqual([ayse.caseId]);
    expect(await ids({ utmCampaign: 'balayi2026' })).toEqual([ayse.caseId]);
    expect(await ids({ guestIds: [ayse.guestId] })).toEqual([ayse.caseId]);
    expect(await ids({ status: ['closed'] })).toEqual([ota.caseId]);
    expect(await ids({ openOnly: true })).not.toContain(ota.caseId);
    expect(await ids({ unassigned: true })).not.toContain(ayse.caseId);
    expect(await ids({ channel: ['instagram', 'ota'], unassigned: true })).toEqual([ota.caseId]);
    expect(firstError(await list({ status: ['archived'] }))?.code).toBe(ErrorCode.BadUserInput);
    expect(firstError(await list({ channel: ['telegram'] }))?.code).toBe(ErrorCode.BadUserInput);
  });

  it('searches guest names and messages (Turkish, accent-insensitive)', async () => {
    expect(await ids({ search: 'sikayet' })).toEqual([complaint.caseId]);
    expect(await ids({ search: 'gürültü' })).toEqual([complaint.caseId]);
    expect(await ids({ search: 'ayse' })).toEqual([ayse.caseId]);
    expect(await ids({ search: 'balayı' })).toEqual([ayse.caseId]);
    expect(await ids({ search: 'yoktur' })).toEqual([]);
  });

  it('shows a case with its timeline in order, by id and by number', async () => {
    await t.cases.record(
      hotelId,
      t.cases.message(ayse.guestId, {
        direction: MessageDirection.Outbound,
        channel: Channel.Phone,
        source: 'pbx',
        contentType: MessageContentType.Call,
        body: '',
        attachment: { answered: true, durationSeconds: 42 },
        occurredAt: new Date(Date.now() + 1000),
      }),
    );
    const detail = await t.getCase(
      hotelId,
      ayse.caseId,
      'agentA',
      'messages { direction channel contentType body attachment deliveryStatus attempts } transitions { toStatus }',
    );
    expect(detail).toMatchObject({
      number: ayse.caseNumber,
      ownerName: 'agent-a',
      missingMandatoryFields: ['requestText'],
      allowedTransitions: ['open', 'in_progress', 'handed_off', 'closed', 'lost'],
      messageRounds: 1,
    });
    expect(detail.messages).toEqual([
      {
        direction: 'inbound',
        channel: 'instagram',
        contentType: 'text',
        body: 'Balayı paketi',
        attachment: null,
        deliveryStatus: null,
        attempts: 0,
      },
      {
        direction: 'outbound',
        channel: 'phone',
        contentType: 'call',
        body: '',
        attachment: JSON.stringify({ answered: true, durationSeconds: 42 }),
        deliveryStatus: null,
        attempts: 0,
      },
    ]);
    const byNumber = await t.ok<{ caseByNumber: CaseView }>(BY_NUMBER, {
      h: hotelId,
      n: ayse.caseNumber.toLowerCase(),
    });
    expect(byNumber.caseByNumber.id).toBe(ayse.caseId);
    expect(firstError(await t.gql(BY_NUMBER, { h: hotelId, n: 'BLK-1999-000001' }, 'agentA'))?.code).toBe(
      ErrorCode.NotFound,
    );
  });

  it('masks contacts for callers without cases.write or pii.reveal', async () => {
    const forViewer = (await list({ search: 'Kemal' }, 10, null, 'viewerA')).data!.cases.edges[0].node;
    expect(forViewer.contact).toBe('+90 532 *** ** 67');
    const forAgent = (await list({ search: 'Kemal' }, 10, null, 'agentA')).data!.cases.edges[0].node;
    expect(forAgent.contact).toBe('+905321234567');
    expect((await t.getCase(hotelId, ayse.caseId, 'viewerA')).contact).toBe('a***@example.com');
  });

  it('dictionary: defaults on first read; admins edit; codes must be active to be used', async () => {
    const labels = (
      await t.ok<{ dictionary: Array<{ code: string; kind: string }> }>(DICTIONARY, { h: hotelId, k: 'label' })
    ).dictionary;
    expect(labels.map((e) => e.code)).toEqual(
      expect.arrayContaining(['honeymoon', 'family', 'early_booking', 'spa', 'transfer', 'repeat_guest']),
    );
    const all = (await t.ok<{ dictionary: Array<{ kind: string; code: string }> }>(DICTIONARY, { h: hotelId }))
      .dictionary;
    expect(new Set(all.map((e) => e.kind))).toEqual(new Set(Object.values(DictionaryKind)));
    expect(all.filter((e) => e.kind === 'request_type').map((e) => e.code)).toEqual([
      'reservation',
      'quote',
      'group',
      'support',
      'complaint',
      'cancellation',
      'vip',
      'ota',
    ]);
    const entry = { hotelId, kind: 'label', code: 'yacht', labelTr: 'Yat turu', labelEn: 'Yacht tour', sort: 5 };
    expect(firstError(await t.gql(SAVE_ENTRY, { input: entry }, 'agentA'))?.code).toBe(ErrorCode.Forbidden);
    expect(firstError(await t.gql(SAVE_ENTRY, { input: { ...entry, code: 'Yacht!' } }, 'adminA'))?.code).toBe(
      ErrorCode.BadUserInput,
    );
    const saved = await t.ok<{ saveDictionaryEntry: Record<string, unknown> }>(SAVE_ENTRY, { input: entry }, 'adminA');
    expect(saved.saveDictionaryEntry).toEqual({
      kind: 'label',
      code: 'yacht',
      labelTr: 'Yat turu',
      labelEn: 'Yacht tour',
      sort: 5,
      active: true,
    });
    const update = `mutation($i: UpdateCaseInput!) { updateCase(input: $i) { labels } }`;
    expect(await t.ok(update, { i: { hotelId, id: complaint.caseId, labels: ['yacht'] } })).toEqual({
      updateCase: { labels: ['yacht'] },
    });
    await t.ok(SAVE_ENTRY, { input: { ...entry, active: false } }, 'adminA');
    expect(
      firstError(await t.gql(update, { i: { hotelId, id: complaint.caseId, labels: ['yacht', 'spa'] } }, 'agentA')),
    ).toMatchObject({
      code: ErrorCode.BadUserInput,
      details: { field: 'labels', code: 'yacht' },
    });
    const rows = await t.cases.owner<{ action: string; entity_id: string }>(
      `SELECT action, entity_id FROM audit_log WHERE tenant_id = $1 AND action = 'dictionary.changed' ORDER BY occurred_at`,
      [hotelId],
    );
    expect(rows).toEqual([
      { action: 'dictionary.changed', entity_id: 'label:yacht' },
      { action: 'dictionary.changed', entity_id: 'label:yacht' },
    ]);
    expect(firstError(await t.gql(DICTIONARY, { h: hotelId, k: 'colour' }, 'agentA'))?.code).toBe(
      ErrorCode.BadUserInput,
    );
  });

  it('queueState counts open, unassigned and waiting cases by channel', async () => {
    const state = (
      await t.ok<{ queueState: Record<string, unknown> & { byChannel: Array<Record<string, unknown>> } }>(
        QUEUE,
        { h: hotelId },
        'viewerA',
      )
    ).queueState;
    expect(state).toMatchObject({ hotelId, open: 6, unassigned: 5, waiting: 5 });
    expect(state.oldestWaitingSeconds).toEqual(expect.any(Number));
    expect(state.byChannel.find((c) => c.channel === 'email')).toMatchObject({ open: 4, unassigned: 4, waiting: 4 });
    expect(state.byChannel.find((c) => c.channel === 'instagram')).toMatchObject({
      open: 1,
      unassigned: 0,
      waiting: 0,
    });
  });
});
