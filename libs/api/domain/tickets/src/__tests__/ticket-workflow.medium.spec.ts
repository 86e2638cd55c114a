import { ErrorCode, TicketClosure, TicketKind, TicketStatus, TimerKind } from '@baton/shared/contracts';
import { TICKET_DOMAIN_EVENT, TicketDomainEvent } from '../events/ticket.domain-events';
import { errorOf, TicketHarness, view } from './ticket-harness';

const DAY = 86_400_000;

describe('ticket workflow: pipeline, closure confirmation, no-answer timer, approvals (real Postgres)', () => {
  const t = new TicketHarness();

  beforeAll(() => t.start());
  afterAll(() => t.stop());
  beforeEach(() => t.timers.reset());

  const eventsOf = (ticketId: string) =>
    t.emitted.filter((e): e is TicketDomainEvent => (e as TicketDomainEvent).ticketId === ticketId);

  it('refuses transitions outside the pipeline of the kind, naming the allowed targets', async () => {
    const ticket = await t.create();
    expect(ticket.status).toBe(TicketStatus.Open);
    const refused = await errorOf(t.move(t.hotelA, ticket.id, TicketStatus.Resolved));
    expect(view(refused)).toEqual({
      code: ErrorCode.InvalidTransition,
      message: 'A ticket cannot go from open to resolved (allowed: in_progress, awaiting_confirmation, cancelled)',
      details: { from: 'open', to: 'resolved', allowed: ['in_progress', 'awaiting_confirmation', 'cancelled'] },
    });

    const task = await t.create({ kind: TicketKind.Task, title: 'Minibar sayımı' });
    expect(
      view(await errorOf(t.move(t.hotelA, task.id, TicketStatus.AwaitingConfirmation))).details?.['allowed'],
    ).toEqual(['in_progress', 'resolved', 'cancelled']);
    const resolved = await t.move(t.hotelA, task.id, TicketStatus.Resolved);
    expect(resolved).toMatchObject({ status: 'resolved', closure: null });
    expect(resolved.resolvedAt).toBeInstanceOf(Date);
    const closed = await t.move(t.hotelA, task.id, TicketStatus.Closed, 'tamamlandı');
    expect(closed).toMatchObject({ status: 'closed', closure: TicketClosure.ClosedByStaff });
    expect(closed.closedAt).toBeInstanceOf(Date);
    // Terminal: nothing follows closed.
    expect(view(await errorOf(t.move(t.hotelA, task.id, TicketStatus.InProgress))).details).toEqual({
      from: 'closed',
      to: 'in_progress',
      allowed: [],
    });

    const approval = await t.create({ kind: TicketKind.Approval, title: 'Instagram gönderisi' });
    expect(view(await errorOf(t.move(t.hotelA, approval.id, TicketStatus.Resolved)))).toMatchObject({
      code: ErrorCode.BadUserInput,
      message: 'Use approveTicket to resolve an approval',
    });
  });

  it('awaiting confirmation schedules the closure timer; the guest confirms: closed as guest_confirmed', async () => {
    const ticket = await t.create({ confirmationDays: 5 });
    await t.move(t.hotelA, ticket.id, TicketStatus.InProgress);
    const before = Date.now();
    const awaiting = await t.move(t.hotelA, ticket.id, TicketStatus.AwaitingConfirmation, 'klima değişti');
    expect(awaiting.status).toBe('awaiting_confirmation');
    expect(awaiting.resolvedAt).toBeInstanceOf(Date);
    const due = awaiting.confirmationDueAt?.getTime() ?? 0;
    expect(due).toBeGreaterThanOrEqual(before + 5 * DAY);
    expect(due).toBeLessThanOrEqual(Date.now() + 5 * DAY);
    expect(t.timers.scheduled).toEqual([
      {
        hotelId: t.hotelA,
        kind: TimerKind.TicketClosure,
        targetId: ticket.id,
        key: 'closure',
        dueAt: awaiting.confirmationDueAt,
      },
    ]);

    const closed = await t.run(t.hotelA, (ctx) => t.workflow.confirmClosure(ctx, t.hotelA, ticket.id, true));
    expect(closed).toMatchObject({ status: 'closed', closure: 'guest_confirmed', confirmationDueAt: null });
    expect(t.timers.cancelled).toEqual([
      { hotelId: t.hotelA, kind: TimerKind.TicketClosure, targetId: ticket.id, key: 'closure' },
    ]);
    const types = eventsOf(ticket.id).map((e) => e.type);
    expect(types).toEqual([
      'ticket.opened',
      'ticket.status_changed',
      'ticket.status_changed',
      'ticket.resolved',
      'ticket.status_changed',
      'ticket.closed',
    ]);
    const closing = eventsOf(ticket.id).at(-1);
    expect(closing).toMatchObject({
      type: TICKET_DOMAIN_EVENT.closed,
      hotelId: t.hotelA,
      depth: 0,
      ticket: { id: ticket.id, status: 'closed', closure: 'guest_confirmed' },
      detail: { from: 'awaiting_confirmation', to: 'closed', closure: 'guest_confirmed' },
    });
  });

  it('the guest says it is not fixed: back to in progress, resolvedAt cleared, timer cancelled', async () => {
    const ticket = await t.create();
    await t.move(t.hotelA, ticket.id, TicketStatus.AwaitingConfirmation);
    const reopened = await t.run(t.hotelA, (ctx) =>
      t.workflow.confirmClosure(ctx, t.hotelA, ticket.id, false, 'hâlâ ses yapıyor'),
    );
    expect(reopened).toMatchObject({ status: 'in_progress', closure: null, resolvedAt: null, confirmationDueAt: null });
    expect(t.timers.cancelled).toHaveLength(1);
    const [last] = await t.owner<{ reason: string; to_status: string }>(
      `SELECT reason, to_status FROM ticket_transition WHERE ticket_id = $1 ORDER BY occurred_at DESC LIMIT 1`,
      [ticket.id],
    );
    expect(last).toEqual({ reason: 'guest: not fixed: hâlâ ses yapıyor', to_status: 'in_progress' });

    // Confirming a ticket that is not awaiting confirmation is an invalid transition.
    expect(
      view(await errorOf(t.run(t.hotelA, (ctx) => t.workflow.confirmClosure(ctx, t.hotelA, ticket.id, true)))),
    ).toEqual({
      code: ErrorCode.InvalidTransition,
      message: 'Only a ticket awaiting confirmation can be confirmed (it is in_progress)',
      details: { from: 'in_progress', to: 'closed', allowed: ['awaiting_confirmation', 'cancelled'] },
    });
  });

  it('the no-answer handler closes a ticket still awaiting at its deadline, once', async () => {
    const ticket = await t.create();
    const awaiting = await t.move(t.hotelA, ticket.id, TicketStatus.AwaitingConfirmation);
    await t.fire(t.firedClosure(awaiting));
    const closed = await t.run(t.hotelA, (ctx) => t.tickets.get(ctx, t.hotelA, ticket.id));
    expect(closed).toMatchObject({ status: 'closed', closure: TicketClosure.NoAnswer });
    // The firing timer belongs to the runner (it marks it fired in this transaction): the handler must not cancel it.
    expect(t.timers.cancelled).toEqual([]);
    const [transition] = await t.owner<{ reason: string; actor_name: string; closure: string }>(
      `SELECT reason, actor_name, closure FROM ticket_transition WHERE ticket_id = $1 AND to_status = 'closed'`,
      [ticket.id],
    );
    expect(transition).toEqual({ reason: 'no answer in 3 days', actor_name: 'tickets-test', closure: 'no_answer' });
    expect(eventsOf(ticket.id).at(-1)).toMatchObject({ type: 'ticket.closed', detail: { closure: 'no_answer' } });

    // A retry of the same timer finds the ticket closed and does nothing.
    const count = eventsOf(ticket.id).length;
    await t.fire(t.firedClosure(awaiting));
    expect(eventsOf(ticket.id)).toHaveLength(count);
  });

  it('the no-answer handler leaves alone tickets that moved on, re-entered later, or are gone', async () => {
    const moved = await t.create();
    const first = await t.move(t.hotelA, moved.id, TicketStatus.AwaitingConfirmation);
    await t.run(t.hotelA, (ctx) => t.workflow.confirmClosure(ctx, t.hotelA, moved.id, false));
    await t.fire(t.firedClosure(first));
    expect((await t.run(t.hotelA, (ctx) => t.tickets.get(ctx, t.hotelA, moved.id))).status).toBe('in_progress');

    // Awaiting again with a later deadline: the old timer (earlier due time) must not close it.
    const again = await t.move(t.hotelA, moved.id, TicketStatus.AwaitingConfirmation);
    expect(again.confirmationDueAt?.getTime()).toBeGreaterThan(first.confirmationDueAt?.getTime() ?? Infinity);
    await t.fire(t.firedClosure(again, first.confirmationDueAt ?? undefined));
    expect((await t.run(t.hotelA, (ctx) => t.tickets.get(ctx, t.hotelA, moved.id))).status).toBe(
      'awaiting_confirmation',
    );

    const missing = { ...t.firedClosure(again), targetId: '00000000-0000-4000-8000-000000000000' };
    await expect(t.fire(missing)).resolves.toBeUndefined();
  });

  it('approveTicket records the decision and resolves; other kinds are refused', async () => {
    const approval = await t.create({ kind: TicketKind.Approval, title: 'Bayram kampanyası görseli' });
    expect(approval.category).toBe('content_approval');
    const decided = await t.asAgent((ctx) =>
      t.workflow.approve(ctx, t.hotelA, approval.id, false, 'Logo eski, yenisini kullanın'),
    );
    expect(decided).toMatchObject({
      status: 'resolved',
      approvalDecision: 'rejected',
      approvalNote: 'Logo eski, yenisini kullanın',
      decidedByName: 'agent-a',
    });
    expect(decided.decidedAt).toBeInstanceOf(Date);
    expect(eventsOf(approval.id).map((e) => e.type)).toContain('ticket.resolved');
    // Once resolved, a second decision is an invalid transition.
    expect((await errorOf(t.asAgent((ctx) => t.workflow.approve(ctx, t.hotelA, approval.id, true)))).code).toBe(
      ErrorCode.InvalidTransition,
    );

    const plain = await t.create();
    expect(view(await errorOf(t.asAgent((ctx) => t.workflow.approve(ctx, t.hotelA, plain.id, true))))).toMatchObject({
      code: ErrorCode.BadUserInput,
      message: 'Only approval tickets take an approval decision',
    });
  });

  it('a rolled-back change leaves the ticket as it was and publishes nothing', async () => {
    const ticket = await t.create();
    const received = t.pubsub.subscribe<{ kind: string }>(`tenant:${t.hotelA}:tickets`);
    // (The in-memory iterator subscribes on its first next().)
    const published = received.next();
    const failing = t.run(t.hotelA, async (ctx) => {
      await t.tickets.changeStatus(ctx, { hotelId: t.hotelA, id: ticket.id, status: 'awaiting_confirmation' });
      throw new Error('boom');
    });
    await expect(failing).rejects.toThrow('boom');
    expect((await t.run(t.hotelA, (ctx) => t.tickets.get(ctx, t.hotelA, ticket.id))).status).toBe('open');
    // The first event the channel carries is the next committed change, not the rolled-back one.
    await t.run(t.hotelA, (ctx) => t.tickets.addNote(ctx, t.hotelA, ticket.id, 'sonraki'));
    expect((await published).value?.data.kind).toBe('note_added');
    await received.return?.();
  });
});
