import { randomUUID } from 'node:crypto';
import { createHotel, withClient } from '@baton/api/testing';
import { ErrorCode, TicketKind } from '@baton/shared/contracts';
import { TicketDomainEvent } from '../events/ticket.domain-events';
import { errorOf, TicketHarness, view } from './ticket-harness';

describe('tickets: numbering, references, editing, queries and tenancy (real Postgres)', () => {
  const t = new TicketHarness();

  beforeAll(() => t.start());
  afterAll(() => t.stop());

  it('numbers tickets per hotel without gaps or duplicates, also under concurrency and rollbacks', async () => {
    const code = t.world.hotelA.code;
    const parallel = await Promise.all(Array.from({ length: 12 }, (_, i) => t.create({ title: `Paralel ${i}` })));
    // A creation that rolls back gives its number back.
    await expect(
      t.run(t.hotelA, async (ctx) => {
        await t.tickets.create(ctx, { hotelId: t.hotelA, title: 'geri alınacak' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    const more = await Promise.all(Array.from({ length: 8 }, (_, i) => t.create({ title: `Sonra ${i}` })));
    const numbers = [...parallel, ...more].map((ticket) => ticket.number).sort();
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `${code}-T-${String(i + 1).padStart(6, '0')}`));
    // Hotel B counts on its own.
    expect((await t.create({}, t.hotelB)).number).toBe(`${t.world.hotelB.code}-T-000001`);
  });

  it('creates with defaults, the creator, the first transition and an audited, published opening', async () => {
    const caseId = await t.insertCase();
    const events = t.pubsub.subscribe<{ kind: string; ticketId: string }>(`tenant:${t.hotelA}:tickets`);
    // (The in-memory iterator subscribes on its first next().)
    const published = events.next();
    const ticket = await t.asAgent((ctx) =>
      t.tickets.create(ctx, { hotelId: t.hotelA, title: '  Geri arama  ', kind: TicketKind.Callback, caseId }),
    );
    expect(ticket).toMatchObject({
      kind: 'callback',
      category: 'callback',
      priority: 'P3',
      title: 'Geri arama',
      status: 'open',
      caseId,
      caseNumber: expect.stringMatching(/^C-/),
      source: 'manual',
      ruleId: null,
      createdById: t.world.users.agentA.id,
      createdByName: 'agent-a',
      confirmationDays: 3,
      version: 1,
    });
    expect((await published).value?.data).toMatchObject({ kind: 'opened', ticketId: ticket.id });
    await events.return?.();
    const [audit] = await t.owner<{ action: string; actor_name: string }>(
      `SELECT action, actor_name FROM audit_log WHERE entity_id = $1`,
      [ticket.id],
    );
    expect(audit).toEqual({ action: 'ticket.created', actor_name: 'agent-a' });

    const ruleId = randomUUID();
    const byRule = await t.create({ source: 'rule', ruleId, depth: 2, priority: 'P1' });
    expect(byRule).toMatchObject({ source: 'rule', ruleId, createdById: null, createdByName: 'tickets-test' });
    const opened = t.emitted.find((e) => (e as TicketDomainEvent).ticketId === byRule.id);
    expect(opened).toMatchObject({ type: 'ticket.opened', depth: 2, detail: { source: 'rule', ruleId } });
    expect((await errorOf(t.create({ source: 'rule' }))).details).toEqual({ field: 'ruleId' });
  });

  it("refuses unknown categories, teams, owners and cases; another hotel's case like a missing one", async () => {
    expect(view(await errorOf(t.create({ category: 'spa_talebi' })))).toEqual({
      code: ErrorCode.BadUserInput,
      message: "category: 'spa_talebi' is not an active ticket category of this hotel",
      details: { reason: 'unknown_category', field: 'category', code: 'spa_talebi' },
    });
    await t.owner(`UPDATE ticket_category SET active = false WHERE tenant_id = $1 AND code = 'billing'`, [t.hotelA]);
    expect((await errorOf(t.create({ category: 'billing' }))).details?.['code']).toBe('billing');
    expect((await errorOf(t.create({ team: 'Kötü Takım' }))).details).toMatchObject({ field: 'team' });
    expect((await errorOf(t.create({ ownerId: t.world.users.agentB.id }))).details).toMatchObject({
      field: 'ownerId',
    });
    expect((await t.create({ ownerId: t.world.users.agencyAdmin.id })).ownerName).toBe('agency-admin');

    const foreignCase = await t.insertCase(t.hotelB);
    const foreign = view(await errorOf(t.create({ caseId: foreignCase })));
    const missing = view(await errorOf(t.create({ caseId: randomUUID() })));
    expect(foreign).toEqual({
      code: ErrorCode.BadUserInput,
      message: 'caseId is not a case of this hotel',
      details: { reason: 'unknown_case', field: 'caseId' },
    });
    expect(missing).toEqual(foreign);
  });

  it("another hotel's ticket id behaves exactly like a missing one, for every service method", async () => {
    const theirs = await t.create({ title: 'B otelinin kaydı' }, t.hotelB);
    const attempts: Array<[string, (id: string) => Promise<unknown>]> = [
      ['get', (id) => t.run(t.hotelA, (ctx) => t.tickets.get(ctx, t.hotelA, id))],
      ['update', (id) => t.run(t.hotelA, (ctx) => t.tickets.update(ctx, { hotelId: t.hotelA, id, title: 'x' }))],
      ['assign', (id) => t.run(t.hotelA, (ctx) => t.tickets.assign(ctx, { hotelId: t.hotelA, id, ownerId: null }))],
      ['changeStatus', (id) => t.move(t.hotelA, id, 'in_progress')],
      ['addNote', (id) => t.run(t.hotelA, (ctx) => t.tickets.addNote(ctx, t.hotelA, id, 'not'))],
      ['confirmClosure', (id) => t.run(t.hotelA, (ctx) => t.workflow.confirmClosure(ctx, t.hotelA, id, true))],
      ['approve', (id) => t.run(t.hotelA, (ctx) => t.workflow.approve(ctx, t.hotelA, id, true))],
    ];
    for (const [name, attempt] of attempts) {
      const foreign = view(await errorOf(attempt(theirs.id)));
      const missingId = randomUUID();
      const missing = view(await errorOf(attempt(missingId)));
      expect({ name, ...foreign, details: undefined }).toEqual({
        name,
        code: ErrorCode.NotFound,
        message: 'Ticket not found',
        details: undefined,
      });
      expect(foreign.details).toEqual({ id: theirs.id });
      expect(missing.details).toEqual({ id: missingId });
    }
    const listed = await t.run(t.hotelA, (ctx) => t.queries.list(ctx, t.hotelA, { search: 'B otelinin' }, 10, null));
    expect(listed.totalCount).toBe(0);
    // The hotel B record is untouched.
    expect((await t.run(t.hotelB, (ctx) => t.tickets.get(ctx, t.hotelB, theirs.id))).status).toBe('open');
  });

  it('updates only what changed, bumps the version, refuses stale versions; assigns and notes', async () => {
    const ticket = await t.create({ title: 'Fatura itirazı', category: 'complaint' });
    const unchanged = await t.run(t.hotelA, (ctx) =>
      t.tickets.update(ctx, { hotelId: t.hotelA, id: ticket.id, title: 'Fatura itirazı' }),
    );
    expect(unchanged.version).toBe(1);
    const updated = await t.run(t.hotelA, (ctx) =>
      t.tickets.update(ctx, { hotelId: t.hotelA, id: ticket.id, version: 1, priority: 'P2', team: 'front_office' }),
    );
    expect(updated).toMatchObject({ priority: 'P2', team: 'front_office', version: 2 });
    const updateEvent = t.emitted.filter((e) => (e as TicketDomainEvent).ticketId === ticket.id).at(-1);
    expect(updateEvent).toMatchObject({ type: 'ticket.updated', detail: { changed: ['priority', 'team'] } });
    expect(
      view(
        await errorOf(
          t.run(t.hotelA, (ctx) => t.tickets.update(ctx, { hotelId: t.hotelA, id: ticket.id, version: 1, title: 'y' })),
        ),
      ),
    ).toEqual({
      code: ErrorCode.StaleVersion,
      message: 'The ticket changed meanwhile (now version 2); reload and try again',
      details: { currentVersion: 2 },
    });

    const assigned = await t.run(t.hotelA, (ctx) =>
      t.tickets.assign(ctx, { hotelId: t.hotelA, id: ticket.id, ownerId: t.world.users.agentA.id }),
    );
    expect(assigned).toMatchObject({ ownerName: 'agent-a', version: 3, firstResponseAt: null });
    const note = await t.asAgent((ctx) => t.tickets.addNote(ctx, t.hotelA, ticket.id, '  Misafir arandı  '));
    expect(note).toMatchObject({ ticketId: ticket.id, body: 'Misafir arandı', authorName: 'agent-a' });
    const noted = await t.run(t.hotelA, (ctx) => t.tickets.get(ctx, t.hotelA, ticket.id));
    expect(noted.firstResponseAt).toBeInstanceOf(Date);
    const actions = await t.owner<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY occurred_at`,
      [ticket.id],
    );
    expect(actions.map((a) => a.action)).toEqual([
      'ticket.created',
      'ticket.updated',
      'ticket.updated',
      'ticket.note_added',
    ]);
  });

  it('lists newest first with filters, accent-insensitive search and keyset pages', async () => {
    const caseId = await t.insertCase();
    const a = await t.create({ title: 'Şikayet: gürültü', kind: TicketKind.Ticket, caseId });
    const b = await t.create({ title: 'Geri arama', kind: TicketKind.Callback });
    await t.move(t.hotelA, b.id, 'in_progress');
    const list = (filter: object, first = 50, after: string | null = null) =>
      t.run(t.hotelA, (ctx) => t.queries.list(ctx, t.hotelA, filter, first, after));

    expect((await list({ caseId })).edges.map((e) => e.node.id)).toEqual([a.id]);
    expect((await list({ search: 'gurultu' })).edges.map((e) => e.node.id)).toEqual([a.id]);
    expect((await list({ search: 'ŞİKAYET: GÜR' })).edges.map((e) => e.node.id)).toEqual([a.id]);
    expect((await list({ search: '100%' })).edges).toHaveLength(0);
    expect((await list({ search: a.number.toLowerCase() })).edges.map((e) => e.node.number)).toEqual([a.number]);
    const inProgress = await list({ status: ['in_progress'], kind: ['callback'] });
    expect(inProgress.edges.map((e) => e.node.id)).toEqual([b.id]);
    expect(inProgress.edges[0].node.allowedTransitions).toEqual(['resolved', 'cancelled']);

    const all = await list({});
    const first = await list({}, 2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.totalCount).toBe(all.totalCount);
    const second = await list({}, 2, first.pageInfo.endCursor);
    expect([...first.edges, ...second.edges].map((e) => e.node.id)).toEqual(
      all.edges.slice(0, 4).map((e) => e.node.id),
    );
    expect((await errorOf(list({}, 0))).details).toMatchObject({ field: 'first' });
    expect((await errorOf(list({}, 5, 'bozuk'))).details).toMatchObject({ field: 'after' });
  });

  it('seeds the default categories once per hotel, also when two transactions race', async () => {
    const fresh = (await withClient(t.db.ownerUrl, (c) => createHotel(c))).id;
    const [one, two] = await Promise.all([
      t.run(fresh, (ctx) => t.categories.list(ctx, fresh)),
      t.run(fresh, (ctx) => t.categories.list(ctx, fresh)),
    ]);
    expect(one.map((c) => c.code)).toEqual([
      'complaint',
      'maintenance',
      'billing',
      'reservation_change',
      'content_approval',
      'callback',
      'other',
    ]);
    expect(two).toEqual(one);
    expect(one[0]).toEqual({ code: 'complaint', labelTr: 'Şikayet', labelEn: 'Complaint', sort: 10, active: true });
  });
});
