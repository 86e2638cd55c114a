import { randomUUID } from 'node:crypto';
import { collect, wsClient } from '@baton/api/testing';
import { ErrorCode } from '@baton/shared/contracts';
import { firstError, NOTE, TicketsE2e } from './tickets-e2e';

const TICKET_EVENTS = `subscription($h: ID!) { ticketEvents(hotelId: $h) {
  hotelId kind ticketId ticketNumber at ticket { id status title allowedTransitions } } }`;

type TicketEvent = {
  ticketEvents: {
    hotelId: string;
    kind: string;
    ticketId: string;
    ticketNumber: string;
    ticket: { id: string; status: string; title: string; allowedTransitions: string[] };
  };
};

const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));
const codes = (errors: unknown[]) =>
  (errors.flat() as Array<{ extensions?: { code?: string }; message?: string }>).map((e) => [
    e.extensions?.code,
    e.message,
  ]);

type Op = [name: string, query: string, variables: (hotelId: string, id: string) => Record<string, unknown>];

describe('ticketEvents subscription and tenancy (e2e over HTTP and graphql-ws)', () => {
  const t = new TicketsE2e();

  beforeAll(() => t.start());
  afterAll(() => t.stop());

  it("delivers hotel A's ticket events to A's subscribers, with the ticket right after the change, never to B", async () => {
    const { hotelA, hotelB } = t.world;
    const agent = wsClient(t.api.wsUrl, t.tokens.agentA);
    const viewer = wsClient(t.api.wsUrl, t.tokens.viewerA);
    const other = wsClient(t.api.wsUrl, t.tokens.adminB);
    const agentFeed = collect<TicketEvent>(agent, TICKET_EVENTS, { h: hotelA.id });
    const viewerFeed = collect<TicketEvent>(viewer, TICKET_EVENTS, { h: hotelA.id });
    const otherFeed = collect<TicketEvent>(other, TICKET_EVENTS, { h: hotelB.id });
    await settle();

    const ticket = await t.create({ title: 'Havlu eksik' });
    await t.move(ticket.id, 'in_progress');
    await t.ok(NOTE, { h: hotelA.id, id: ticket.id, b: 'Kat hizmetlerine iletildi' });
    const events = await agentFeed.waitFor(3);
    expect(events.map((e) => e.ticketEvents.kind)).toEqual(['opened', 'status_changed', 'note_added']);
    expect(events[1].ticketEvents).toMatchObject({
      hotelId: hotelA.id,
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      ticket: {
        id: ticket.id,
        status: 'in_progress',
        title: 'Havlu eksik',
        allowedTransitions: ['awaiting_confirmation', 'cancelled'],
      },
    });
    expect((await viewerFeed.waitFor(3)).map((e) => e.ticketEvents.kind)).toEqual([
      'opened',
      'status_changed',
      'note_added',
    ]);
    await settle();
    expect(otherFeed.events).toHaveLength(0);
    [agentFeed, viewerFeed, otherFeed].forEach((f) => f.stop());
    await Promise.all([agent.dispose(), viewer.dispose(), other.dispose()]);
  });

  it("refuses to subscribe to another hotel's tickets exactly like to a missing hotel", async () => {
    const client = wsClient(t.api.wsUrl, t.tokens.agentA);
    const foreign = collect(client, TICKET_EVENTS, { h: t.world.hotelB.id });
    await foreign.done;
    const missing = collect(client, TICKET_EVENTS, { h: randomUUID() });
    await missing.done;
    expect(codes(foreign.errors)).toEqual([['NOT_FOUND', 'Hotel not found']]);
    expect(codes(missing.errors)).toEqual(codes(foreign.errors));
    await client.dispose();
  });

  const byEntity: Op[] = [
    ['ticket', `query($h: ID!, $id: ID!) { ticket(hotelId: $h, id: $id) { id } }`, (h, id) => ({ h, id })],
    [
      'updateTicket',
      `mutation($i: UpdateTicketInput!) { updateTicket(input: $i) { id } }`,
      (h, id) => ({ i: { hotelId: h, id, priority: 'P1' } }),
    ],
    [
      'assignTicket',
      `mutation($i: AssignTicketInput!) { assignTicket(input: $i) { id } }`,
      (h, id) => ({ i: { hotelId: h, id, ownerId: null } }),
    ],
    [
      'changeTicketStatus',
      `mutation($i: ChangeTicketStatusInput!) { changeTicketStatus(input: $i) { id } }`,
      (h, id) => ({ i: { hotelId: h, id, status: 'in_progress' } }),
    ],
    [
      'addTicketNote',
      `mutation($h: ID!, $id: ID!) { addTicketNote(hotelId: $h, ticketId: $id, body: "x") { id } }`,
      (h, id) => ({ h, id }),
    ],
    [
      'confirmTicketClosure',
      `mutation($h: ID!, $id: ID!) { confirmTicketClosure(hotelId: $h, ticketId: $id, confirmed: true) { id } }`,
      (h, id) => ({ h, id }),
    ],
    [
      'approveTicket',
      `mutation($h: ID!, $id: ID!) { approveTicket(hotelId: $h, ticketId: $id, approved: true) { id } }`,
      (h, id) => ({ h, id }),
    ],
  ];

  it("hotel B's ticket id, used by hotel A's admin, answers exactly like a missing id; B's row is untouched", async () => {
    const theirs = await t.create({ title: 'B kaydı' }, 'adminB', t.world.hotelB.id);
    for (const [name, query, variables] of byEntity) {
      const foreign = await t.gql(query, variables(t.world.hotelA.id, theirs.id), 'adminA');
      const missingId = randomUUID();
      const missing = await t.gql(query, variables(t.world.hotelA.id, missingId), 'adminA');
      expect({ name, ...firstError(foreign) }).toEqual({
        name,
        code: ErrorCode.NotFound,
        message: 'Ticket not found',
        details: { id: theirs.id },
      });
      expect({ name, ...firstError(missing) }).toEqual({ name, ...firstError(foreign), details: { id: missingId } });
    }
    const list = await t.ok<{ tickets: { totalCount: number } }>(
      `query($h: ID!) { tickets(hotelId: $h, filter: { search: "B kaydı" }) { totalCount } }`,
      { h: t.world.hotelA.id },
      'adminA',
    );
    expect(list.tickets.totalCount).toBe(0);
    // Hotel B's hotel id under hotel A's admin: the hotel does not exist for them.
    const foreignHotel = await t.gql(
      `query($h: ID!) { tickets(hotelId: $h) { totalCount } }`,
      {
        h: t.world.hotelB.id,
      },
      'adminA',
    );
    const missingHotel = await t.gql(
      `query($h: ID!) { tickets(hotelId: $h) { totalCount } }`,
      {
        h: randomUUID(),
      },
      'adminA',
    );
    expect(firstError(foreignHotel)).toMatchObject({ code: ErrorCode.NotFound, message: 'Hotel not found' });
    expect(firstError(missingHotel)?.message).toBe(firstError(foreignHotel)?.message);
    const [row] = await t.owner<{ status: string; priority: string }>(
      `SELECT status, priority FROM ticket WHERE id = $1`,
      [theirs.id],
      t.world.hotelB.id,
    );
    expect(row).toEqual({ status: 'open', priority: 'P3' });
  });

  it('a case of another hotel is refused exactly like a missing case', async () => {
    const foreignCase = await t.insertCase(t.world.hotelB.id);
    const create = `mutation($i: CreateTicketInput!) { createTicket(input: $i) { id } }`;
    const foreign = await t.gql(create, { i: { hotelId: t.world.hotelA.id, title: 'x', caseId: foreignCase.id } });
    const missing = await t.gql(create, { i: { hotelId: t.world.hotelA.id, title: 'x', caseId: randomUUID() } });
    expect(firstError(foreign)).toEqual({
      code: ErrorCode.BadUserInput,
      message: 'caseId is not a case of this hotel',
      details: { reason: 'unknown_case', field: 'caseId' },
    });
    expect(firstError(missing)).toEqual(firstError(foreign));
  });
});
