import { ErrorCode } from '@baton/shared/contracts';
import { APPROVE, ASSIGN, CONFIRM, firstError, GET, LIST, NOTE, TicketsE2e, TicketView, UPDATE } from './tickets-e2e';

type Detail = TicketView & {
  notes: Array<{ authorName: string; body: string }>;
  transitions: Array<{ fromStatus: string | null; toStatus: string; closure: string | null; reason: string | null }>;
};

describe('tickets over GraphQL (e2e)', () => {
  const t = new TicketsE2e();
  let hotelA: string;

  beforeAll(async () => {
    await t.start();
    hotelA = t.world.hotelA.id;
  });
  afterAll(() => t.stop());

  it('creates a ticket linked to a case, edits, assigns, notes, lists and reads it; every mutation is audited', async () => {
    const kase = await t.insertCase();
    const created = await t.create({ caseId: kase.id, category: 'complaint', priority: 'P2' });
    expect(created).toMatchObject({
      hotelId: hotelA,
      number: `${t.world.hotelA.code}-T-000001`,
      kind: 'ticket',
      category: 'complaint',
      priority: 'P2',
      status: 'open',
      caseId: kase.id,
      caseNumber: kase.number,
      source: 'manual',
      createdByName: 'agent-a',
      allowedTransitions: ['in_progress', 'awaiting_confirmation', 'cancelled'],
      version: 1,
    });
    const updated = (
      await t.ok<{ updateTicket: TicketView }>(UPDATE, {
        i: { hotelId: hotelA, id: created.id, version: 1, title: 'Klima arızası', dueAt: '2031-05-01T09:00:00Z' },
      })
    ).updateTicket;
    expect(updated).toMatchObject({ title: 'Klima arızası', dueAt: '2031-05-01T09:00:00.000Z', version: 2 });
    const stale = await t.gql(UPDATE, { i: { hotelId: hotelA, id: created.id, version: 1, priority: 'P1' } });
    expect(firstError(stale)).toEqual({
      code: ErrorCode.StaleVersion,
      message: 'The ticket changed meanwhile (now version 2); reload and try again',
      details: { currentVersion: 2 },
    });
    const assigned = (
      await t.ok<{ assignTicket: TicketView }>(ASSIGN, {
        i: { hotelId: hotelA, id: created.id, ownerId: t.world.users.agentA.id },
      })
    ).assignTicket;
    expect(assigned.ownerName).toBe('agent-a');
    await t.ok(NOTE, { h: hotelA, id: created.id, b: 'Teknik servis yönlendirildi' });
    await t.move(created.id, 'in_progress');

    const detail = (await t.ok<{ ticket: Detail }>(GET, { h: hotelA, id: created.id }, 'viewerA')).ticket;
    expect(detail.notes).toMatchObject([{ authorName: 'agent-a', body: 'Teknik servis yönlendirildi' }]);
    expect(detail.transitions).toMatchObject([
      { fromStatus: null, toStatus: 'open' },
      { fromStatus: 'open', toStatus: 'in_progress' },
    ]);
    expect(detail.firstResponseAt).not.toBeNull();

    const listed = await t.ok<{ tickets: { totalCount: number; edges: Array<{ node: { id: string } }> } }>(LIST, {
      h: hotelA,
      f: { caseId: kase.id, status: ['in_progress'], kind: ['ticket'] },
    });
    expect(listed.tickets.totalCount).toBe(1);
    expect(listed.tickets.edges[0].node.id).toBe(created.id);
    expect(await t.auditActions(created.id)).toEqual([
      'ticket.created',
      'ticket.updated',
      'ticket.updated',
      'ticket.note_added',
      'ticket.status_changed',
    ]);
  });

  it('answers pipeline errors with INVALID_TRANSITION and the allowed targets; viewers cannot write', async () => {
    const ticket = await t.create();
    const refused = await t.gql(`mutation($i: ChangeTicketStatusInput!) { changeTicketStatus(input: $i) { id } }`, {
      i: { hotelId: hotelA, id: ticket.id, status: 'closed' },
    });
    expect(firstError(refused)).toEqual({
      code: ErrorCode.InvalidTransition,
      message: 'A ticket cannot go from open to closed (allowed: in_progress, awaiting_confirmation, cancelled)',
      details: { from: 'open', to: 'closed', allowed: ['in_progress', 'awaiting_confirmation', 'cancelled'] },
    });
    const bad = await t.gql(`mutation($i: ChangeTicketStatusInput!) { changeTicketStatus(input: $i) { id } }`, {
      i: { hotelId: hotelA, id: ticket.id, status: 'done' },
    });
    expect(firstError(bad)?.code).toBe(ErrorCode.BadUserInput);
    const viewer = await t.gql(
      `mutation($i: CreateTicketInput!) { createTicket(input: $i) { id } }`,
      {
        i: { hotelId: hotelA, title: 'x' },
      },
      'viewerA',
    );
    expect(firstError(viewer)?.code).toBe(ErrorCode.Forbidden);
  });

  it('closure confirmation: awaiting schedules a durable timer; confirmed closes, not fixed reopens', async () => {
    const ticket = await t.create({ confirmationDays: 2 });
    const awaiting = await t.move(ticket.id, 'awaiting_confirmation');
    expect(awaiting.allowedTransitions).toEqual(['closed', 'in_progress']);
    const [timer] = await t.owner<{ kind: string; key: string; due_at: Date }>(
      `SELECT kind, key, due_at FROM durable_timer WHERE target_id = $1`,
      [ticket.id],
    );
    expect(timer).toMatchObject({ kind: 'ticket.closure', key: 'closure' });
    expect(timer.due_at.toISOString()).toBe(awaiting.confirmationDueAt);

    const reopened = (
      await t.ok<{ confirmTicketClosure: TicketView }>(CONFIRM, {
        h: hotelA,
        id: ticket.id,
        c: false,
        n: 'Misafir: hâlâ çalışmıyor',
      })
    ).confirmTicketClosure;
    expect(reopened).toMatchObject({ status: 'in_progress', closure: null, confirmationDueAt: null });
    await t.move(ticket.id, 'awaiting_confirmation');
    const closed = (await t.ok<{ confirmTicketClosure: TicketView }>(CONFIRM, { h: hotelA, id: ticket.id, c: true }))
      .confirmTicketClosure;
    expect(closed).toMatchObject({ status: 'closed', closure: 'guest_confirmed', allowedTransitions: [] });
    expect((await t.auditActions(ticket.id)).filter((a) => a === 'ticket.closure_confirmed')).toHaveLength(2);

    const again = await t.gql(CONFIRM, { h: hotelA, id: ticket.id, c: true });
    expect(firstError(again)?.code).toBe(ErrorCode.InvalidTransition);
  });

  it('approval tickets: approveTicket records the decision and resolves, then staff close it', async () => {
    const approval = await t.create({ kind: 'approval', title: 'Yaz kampanyası reels' }, 'agencyAdmin');
    expect(approval).toMatchObject({
      category: 'content_approval',
      allowedTransitions: ['in_progress', 'resolved', 'cancelled'],
    });
    const decided = (
      await t.ok<{ approveTicket: TicketView }>(
        APPROVE,
        { h: hotelA, id: approval.id, a: true, n: 'Uygundur' },
        'adminA',
      )
    ).approveTicket;
    expect(decided).toMatchObject({
      status: 'resolved',
      approvalDecision: 'approved',
      approvalNote: 'Uygundur',
      decidedByName: 'admin-a',
    });
    expect((await t.move(approval.id, 'closed')).closure).toBe('closed_by_staff');
  });

  it('categories: the defaults, in the hotel order', async () => {
    const data = await t.ok<{ ticketCategories: Array<{ code: string; labelTr: string }> }>(
      `query($h: ID!) { ticketCategories(hotelId: $h) { code labelTr labelEn sort active } }`,
      { h: hotelA },
      'viewerA',
    );
    expect(data.ticketCategories.map((c) => c.code)).toEqual([
      'complaint',
      'maintenance',
      'billing',
      'reservation_change',
      'content_approval',
      'callback',
      'other',
    ]);
  });
});
