import { collect, createWorld, GqlResult, loginAll, startTestApi, TestApi, wsClient } from '@baton/api/testing';
import { SlaHarness, settle } from './sla-harness';

const POLICY_FIELDS = `id hotelId name position enabled calendarId version
  conditions { channels priorities requestTypes labels teams } pauseStatuses
  targets { metric minutes basis raciStep ladder { reminderMinutesBefore warningMinutesBefore escalate } }`;
const POLICIES = `query($h: ID!) { slaPolicies(hotelId: $h) { ${POLICY_FIELDS} } }`;
const SAVE = `mutation($i: SaveSlaPolicyInput!) { saveSlaPolicy(input: $i) { ${POLICY_FIELDS} } }`;
const DELETE = `mutation($h: ID!, $id: ID!) { deleteSlaPolicy(hotelId: $h, id: $id) }`;
const REORDER = `mutation($h: ID!, $ids: [ID!]!) { reorderSlaPolicies(hotelId: $h, ids: $ids) { id position } }`;
const CLOCKS = `query($h: ID!, $id: ID!) { slaClocks(hotelId: $h, targetType: "case", targetId: $id) {
  id metric state startedAt dueAt remainingSeconds stepsFired policyName } }`;
const CASE_SLA = `query($h: ID!, $id: ID!) { case(hotelId: $h, id: $id) { id sla { metric state dueAt remainingSeconds } } }`;
const SUMMARY = `query($h: ID!, $f: DateTime!, $t: DateTime!) { slaSummary(hotelId: $h, from: $f, to: $t) {
  metric total met metLate breached escalated reminded open } }`;
const EVENTS = `subscription($h: ID!) { slaEvents(hotelId: $h) {
  hotelId clockId kind step metric state targetType targetId dueAt at } }`;

interface Policy {
  id: string;
  name: string;
  position: number;
  version: number;
  targets: Array<{ metric: string; minutes: number }>;
}
type SlaEvent = { slaEvents: { kind: string; step: string | null; targetId: string; metric: string } };

const codeOf = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions.code;
const MISSING = '00000000-0000-4000-8000-000000000000';

describe('SLA API (e2e: GraphQL over HTTP and WebSocket)', () => {
  let api: TestApi;
  let tokens: Record<string, string>;
  const h = new SlaHarness();
  let A: string;
  let B: string;

  beforeAll(async () => {
    const redisUrl = process.env.BATON_TEST_REDIS_URL as string;
    api = await startTestApi({ redisUrl });
    const world = await createWorld(api.db);
    tokens = await loginAll(api, world);
    await h.start({ db: api.db, world, redisUrl });
    A = world.hotelA.id;
    B = world.hotelB.id;
  });
  afterAll(async () => {
    await h.stop();
    await api?.close();
  });

  const gql = <T>(query: string, variables: Record<string, unknown>, who: string) =>
    api.gql<T>(query, variables, tokens[who]);

  const vip = (hotelId: string) => ({
    hotelId,
    name: 'VIP',
    conditions: { labels: ['honeymoon'] },
    pauseStatuses: ['quoted'],
    targets: [
      { metric: 'first_response', minutes: 5, basis: 'calendar' },
      { metric: 'resolution', minutes: 240, basis: 'business', ladder: { reminderMinutesBefore: 60, escalate: false } },
    ],
  });

  it('lists the seeded defaults to readers; only workflow managers edit', async () => {
    const listed = await gql<{ slaPolicies: Policy[] }>(POLICIES, { h: A }, 'agentA');
    expect(listed.data?.slaPolicies.map((p) => p.name)).toEqual(['P1/P2', 'General']);
    expect(listed.data?.slaPolicies[1].targets.find((t) => t.metric === 'resolution')).toMatchObject({ minutes: 1440 });
    expect(codeOf(await gql(SAVE, { i: vip(A) }, 'agentA'))).toBe('FORBIDDEN');
  });

  it('creates, validates, versions and reorders policies, audited', async () => {
    const created = await gql<{ saveSlaPolicy: Policy }>(SAVE, { i: vip(A) }, 'adminA');
    const policy = created.data?.saveSlaPolicy as Policy;
    expect(policy).toMatchObject({ name: 'VIP', position: 30, version: 1 });
    expect(policy.targets).toEqual([
      expect.objectContaining({
        metric: 'first_response',
        minutes: 5,
        basis: 'calendar',
        raciStep: 'dm_intake',
        ladder: { reminderMinutesBefore: 30, warningMinutesBefore: 10, escalate: true },
      }),
      expect.objectContaining({
        metric: 'resolution',
        raciStep: 'complaint_resolution',
        ladder: { reminderMinutesBefore: 60, warningMinutesBefore: null, escalate: false },
      }),
    ]);

    const empty = await gql(SAVE, { i: { ...vip(A), targets: [] } }, 'adminA');
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'targets' } });
    const order = await gql(
      SAVE,
      {
        i: {
          ...vip(A),
          targets: [
            {
              metric: 'first_response',
              minutes: 60,
              basis: 'business',
              ladder: { reminderMinutesBefore: 5, warningMinutesBefore: 10, escalate: true },
            },
          ],
        },
      },
      'adminA',
    );
    expect(order.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'targets.0.ladder.warningMinutesBefore' },
    });
    const basis = await gql(SAVE, { i: { ...vip(A), targets: [{ metric: 'x', minutes: 0, basis: 'y' }] } }, 'adminA');
    expect(codeOf(basis)).toBe('BAD_USER_INPUT');

    const renamed = await gql<{ saveSlaPolicy: Policy }>(
      SAVE,
      { i: { ...vip(A), id: policy.id, version: 1, name: 'VIP guests' } },
      'adminA',
    );
    expect(renamed.data?.saveSlaPolicy).toMatchObject({ name: 'VIP guests', version: 2 });
    const stale = await gql(SAVE, { i: { ...vip(A), id: policy.id, version: 1 } }, 'adminA');
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: 2 } });

    const ids = (await gql<{ slaPolicies: Policy[] }>(POLICIES, { h: A }, 'adminA')).data?.slaPolicies.map((p) => p.id);
    const reordered = await gql<{ reorderSlaPolicies: Policy[] }>(
      REORDER,
      { h: A, ids: [policy.id, ...(ids ?? []).filter((id) => id !== policy.id)] },
      'adminA',
    );
    expect(reordered.data?.reorderSlaPolicies[0]).toMatchObject({ id: policy.id, position: 10 });
    expect(codeOf(await gql(REORDER, { h: A, ids: [policy.id] }, 'adminA'))).toBe('BAD_USER_INPUT');

    const audit = await h.owner<{ action: string }>(
      `SELECT action FROM audit_log WHERE tenant_id = $1 AND entity_type = 'sla_policy' ORDER BY occurred_at`,
      [A],
      A,
    );
    expect(audit.map((a) => a.action)).toEqual(['sla_policy.saved', 'sla_policy.saved', 'sla_policy.reordered']);
  });

  it('shows a case’s clocks (Case.sla and slaClocks), the VIP policy first', async () => {
    const caseId = await h.newCase(A);
    await h.run(A, (ctx) => h.editing.update(ctx, { hotelId: A, id: caseId, labels: ['honeymoon'] }));
    const kase = await gql<{ case: { sla: Array<{ metric: string; state: string; remainingSeconds: number }> } }>(
      CASE_SLA,
      { h: A, id: caseId },
      'agentA',
    );
    const first = kase.data?.case.sla.find((c) => c.metric === 'first_response');
    expect(first).toMatchObject({ state: 'running' });
    expect(first?.remainingSeconds).toBeLessThanOrEqual(300);
    const clocks = await gql<{ slaClocks: Array<{ policyName: string; metric: string }> }>(
      CLOCKS,
      { h: A, id: caseId },
      'viewerA',
    );
    expect(clocks.data?.slaClocks.filter((c) => c.metric === 'first_response').map((c) => c.policyName)).toEqual([
      'VIP guests',
    ]);
    const summary = await gql<{ slaSummary: Array<{ metric: string; open: number }> }>(
      SUMMARY,
      { h: A, f: new Date(Date.now() - 3_600_000).toISOString(), t: new Date(Date.now() + 60_000).toISOString() },
      'viewerA',
    );
    expect(summary.data?.slaSummary.find((s) => s.metric === 'first_response')?.open).toBeGreaterThanOrEqual(1);
  });

  it('delivers clock steps on slaEvents to the hotel’s readers only', async () => {
    const agent = wsClient(api.wsUrl, tokens.agentA);
    const other = wsClient(api.wsUrl, tokens.adminB);
    const feed = collect<SlaEvent>(agent, EVENTS, { h: A });
    const otherFeed = collect<SlaEvent>(other, EVENTS, { h: B });
    const refused = collect<SlaEvent>(wsClient(api.wsUrl, tokens.agentA), EVENTS, { h: B });
    await settle(400);
    const caseId = await h.newCase(A);
    const events = await feed.waitFor(4);
    expect(events.map((e) => e.slaEvents)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'started', metric: 'first_response', targetId: caseId }),
        expect.objectContaining({ kind: 'step', step: 'started', metric: 'first_response', targetId: caseId }),
      ]),
    );
    await refused.done;
    expect((refused.errors.flat() as Array<{ extensions?: { code?: string } }>).map((e) => e.extensions?.code)).toEqual(
      ['NOT_FOUND'],
    );
    expect(otherFeed.events).toEqual([]);
    feed.stop();
    otherFeed.stop();
    await agent.dispose();
    await other.dispose();
  });

  it('answers another hotel’s policies and clocks like missing ones', async () => {
    const caseOfB = await h.newCase(B);
    const policyOfB = (await gql<{ slaPolicies: Policy[] }>(POLICIES, { h: B }, 'adminB')).data?.slaPolicies[0];
    expect(codeOf(await gql(POLICIES, { h: B }, 'adminA'))).toBe('NOT_FOUND');
    expect(codeOf(await gql(SAVE, { i: vip(B) }, 'adminA'))).toBe('NOT_FOUND');
    for (const id of [policyOfB?.id, MISSING]) {
      expect(codeOf(await gql(DELETE, { h: A, id }, 'adminA'))).toBe('NOT_FOUND');
      expect(codeOf(await gql(SAVE, { i: { ...vip(A), id, version: 1 } }, 'adminA'))).toBe('NOT_FOUND');
    }
    for (const id of [caseOfB, MISSING]) {
      expect(codeOf(await gql(CLOCKS, { h: A, id }, 'adminA'))).toBe('NOT_FOUND');
    }
    expect(codeOf(await gql(CLOCKS, { h: B, id: caseOfB }, 'adminA'))).toBe('NOT_FOUND');
  });
});
