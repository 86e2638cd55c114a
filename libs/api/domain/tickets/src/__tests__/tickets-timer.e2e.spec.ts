import { createWorld, loginAll, startTestApi } from '@baton/api/testing';
import { GET, MOVE, TicketsE2e, TicketView } from './tickets-e2e';

type Detail = TicketView & { transitions: Array<{ toStatus: string; closure: string | null; actorName: string }> };

/**
 * The no-answer closure end to end: the API process (role all) schedules the durable timer when a ticket awaits
 * confirmation, and its timer worker closes the ticket as `no_answer` once the deadline passed. The deadline is moved
 * into the past with SQL (a real one is days away), for the ticket and its timer alike.
 */
describe('ticket closure timer in the worker (e2e, role all)', () => {
  const t = new TicketsE2e();

  beforeAll(async () => {
    t.api = await startTestApi({ role: 'all', env: { TIMER_POLL_MS: '100' } });
    t.world = await createWorld(t.api.db);
    t.tokens = await loginAll(t.api, t.world);
  });
  afterAll(() => t.stop());

  it('closes a ticket nobody confirmed as no_answer, exactly once', async () => {
    const hotelId = t.world.hotelA.id;
    const ticket = await t.create({ title: 'Oda servisi gecikmesi' });
    const awaiting = (
      await t.ok<{ changeTicketStatus: TicketView }>(MOVE, {
        i: { hotelId, id: ticket.id, status: 'awaiting_confirmation' },
      })
    ).changeTicketStatus;
    expect(awaiting.status).toBe('awaiting_confirmation');
    // One statement, so the worker never sees the timer due while the ticket still has its real deadline.
    await t.owner(
      `WITH past AS (SELECT now() - interval '1 second' AS at),
            moved AS (UPDATE ticket SET confirmation_due_at = (SELECT at FROM past) WHERE id = $1::uuid RETURNING id)
       UPDATE durable_timer SET due_at = (SELECT at FROM past), run_at = (SELECT at FROM past)
        WHERE target_id = $1::text AND kind = 'ticket.closure' AND EXISTS (SELECT 1 FROM moved)`,
      [ticket.id],
    );

    let closed: Detail | null = null;
    for (let i = 0; i < 50 && !closed; i += 1) {
      const current = (await t.ok<{ ticket: Detail }>(GET, { h: hotelId, id: ticket.id })).ticket;
      closed = current.status === 'closed' ? current : null;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(closed).toMatchObject({ status: 'closed', closure: 'no_answer' });
    expect(closed?.transitions.filter((tr) => tr.toStatus === 'closed')).toEqual([
      expect.objectContaining({ closure: 'no_answer', reason: 'no answer in 3 days' }),
    ]);
    // Still closed once after more polls: a retry of the fired timer would find nothing to do.
    await new Promise((r) => setTimeout(r, 500));
    expect(await t.auditActions(ticket.id)).toEqual([
      'ticket.created',
      'ticket.status_changed',
      'ticket.status_changed',
    ]);
  });
});
