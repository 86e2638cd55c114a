import { randomUUID } from 'node:crypto';
import { collect, wsClient } from '@baton/api/testing';
import { CasesE2e } from './cases-e2e';

const CASE_EVENTS = `subscription($h: ID!) { caseEvents(hotelId: $h) {
  hotelId kind caseId caseNumber messageId at case { id status contact ownerName messages { body } } } }`;
const QUEUE_STATE = `subscription($h: ID!) { queueState(hotelId: $h) {
  hotelId open unassigned waiting oldestWaitingSeconds byChannel { channel open unassigned } at } }`;
const ASSIGN = `mutation($i: AssignCaseInput!) { assignCase(input: $i) { id } }`;
const NOTE = `mutation($h: ID!, $c: ID!) { addCaseNote(hotelId: $h, caseId: $c, body: "live") { id } }`;

type CaseEvent = {
  caseEvents: {
    hotelId: string;
    kind: string;
    caseId: string;
    caseNumber: string;
    case: {
      id: string;
      status: string;
      contact: string | null;
      ownerName: string | null;
      messages: Array<{ body: string }>;
    };
  };
};
type QueueEvent = { queueState: { hotelId: string; open: number; unassigned: number; waiting: number } };

const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));
const codes = (errors: unknown[]) =>
  (errors.flat() as Array<{ extensions?: { code?: string }; message?: string }>).map((e) => [
    e.extensions?.code,
    e.message,
  ]);

describe('caseEvents and queueState subscriptions (e2e over graphql-ws)', () => {
  const t = new CasesE2e();

  beforeAll(() => t.start());
  afterAll(() => t.stop());

  it('delivers hotel A case events with the case snapshot, masked per subscriber, never to hotel B', async () => {
    const { hotelA, hotelB, users } = t.world;
    const target = await t.newCase({ contact: '+905321234567', body: 'Canlı akış' });
    const agent = wsClient(t.api.wsUrl, t.tokens.agentA);
    const viewer = wsClient(t.api.wsUrl, t.tokens.viewerA);
    const other = wsClient(t.api.wsUrl, t.tokens.adminB);
    const agentFeed = collect<CaseEvent>(agent, CASE_EVENTS, { h: hotelA.id });
    const viewerFeed = collect<CaseEvent>(viewer, CASE_EVENTS, { h: hotelA.id });
    const otherFeed = collect<CaseEvent>(other, CASE_EVENTS, { h: hotelB.id });
    await settle();
    await t.ok(ASSIGN, { i: { hotelId: hotelA.id, id: target.caseId, ownerId: users.agentA.id } });
    await t.ok(NOTE, { h: hotelA.id, c: target.caseId });
    const [assigned, noted] = await agentFeed.waitFor(2);
    expect(assigned.caseEvents).toMatchObject({
      hotelId: hotelA.id,
      kind: 'updated',
      caseId: target.caseId,
      caseNumber: target.caseNumber,
      case: { id: target.caseId, ownerName: 'agent-a', contact: '+905321234567', messages: [{ body: 'Canlı akış' }] },
    });
    expect(noted.caseEvents.kind).toBe('note_added');
    const [viewed] = await viewerFeed.waitFor(1);
    expect(viewed.caseEvents.case.contact).toBe('+90 532 *** ** 67');
    await settle();
    expect(otherFeed.events).toHaveLength(0);
    [agentFeed, viewerFeed, otherFeed].forEach((f) => f.stop());
    await Promise.all([agent.dispose(), viewer.dispose(), other.dispose()]);
  });

  it('queueState: a snapshot on subscribe, then the new counts on change; hotel B sees only its own', async () => {
    const { hotelA, hotelB, users } = t.world;
    const target = await t.newCase();
    const agent = wsClient(t.api.wsUrl, t.tokens.agentA);
    const other = wsClient(t.api.wsUrl, t.tokens.agentB);
    const feed = collect<QueueEvent>(agent, QUEUE_STATE, { h: hotelA.id });
    const otherFeed = collect<QueueEvent>(other, QUEUE_STATE, { h: hotelB.id });
    const [snapshot] = await feed.waitFor(1);
    expect(snapshot.queueState).toMatchObject({ hotelId: hotelA.id });
    expect(snapshot.queueState.unassigned).toBeGreaterThanOrEqual(1);
    const [otherSnapshot] = await otherFeed.waitFor(1);
    expect(otherSnapshot.queueState).toMatchObject({ hotelId: hotelB.id, open: 0 });

    await t.ok(ASSIGN, { i: { hotelId: hotelA.id, id: target.caseId, ownerId: users.agentA.id } });
    const events = await feed.waitFor(2);
    expect(events[1].queueState).toMatchObject({
      hotelId: hotelA.id,
      open: snapshot.queueState.open,
      unassigned: snapshot.queueState.unassigned - 1,
    });
    // A burst of changes is throttled: at most a few updates per second.
    const burst = await Promise.all(
      Array.from({ length: 3 }, async () => {
        const c = await t.newCase();
        // changes through the API publish in the API process (in-process intake does not)
        await t.ok(ASSIGN, { i: { hotelId: hotelA.id, id: c.caseId, ownerId: users.agentA.id } });
        return c;
      }),
    );
    const before = feed.events.length;
    for (const c of burst) {
      await t.ok(ASSIGN, { i: { hotelId: hotelA.id, id: c.caseId, ownerId: null } });
      await t.ok(ASSIGN, { i: { hotelId: hotelA.id, id: c.caseId, ownerId: users.agentA.id } });
    }
    await settle(700);
    expect(feed.events.length - before).toBeGreaterThanOrEqual(1);
    expect(feed.events.length - before).toBeLessThanOrEqual(6);
    expect(feed.events.at(-1)?.queueState.open).toBe(snapshot.queueState.open + 3);
    expect(otherFeed.events).toHaveLength(1);
    feed.stop();
    otherFeed.stop();
    await Promise.all([agent.dispose(), other.dispose()]);
  });

  it("refuses to subscribe to another hotel's events exactly like to a missing hotel", async () => {
    const client = wsClient(t.api.wsUrl, t.tokens.agentA);
    for (const query of [CASE_EVENTS, QUEUE_STATE]) {
      const foreign = collect(client, query, { h: t.world.hotelB.id });
      await foreign.done;
      const missing = collect(client, query, { h: randomUUID() });
      await missing.done;
      expect(codes(foreign.errors)).toEqual([['NOT_FOUND', 'Hotel not found']]);
      expect(codes(missing.errors)).toEqual(codes(foreign.errors));
    }
    await client.dispose();
  });
});
