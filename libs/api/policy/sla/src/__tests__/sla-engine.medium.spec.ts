import { CaseStatus, MessageDirection, SlaClockState, SlaMetric, SlaStep, TimerKind } from '@baton/shared/contracts';
import { BatonError, FiredTimer } from '@baton/api/core';
import { SlaEventPayload } from '../clocks/sla-events';
import { MINUTE, settle, SlaHarness } from './sla-harness';

/** Friday 2026-11-20 16:30 in Istanbul. */
const FRIDAY_1630 = new Date('2026-11-20T13:30:00Z');

describe('SLA engine (medium: real Postgres, real timers, in-transaction domain events)', () => {
  const h = new SlaHarness();
  let A: string;
  let B: string;

  beforeAll(async () => {
    await h.start();
    A = h.world.hotelA.id;
    B = h.world.hotelB.id;
  });
  afterAll(() => h.stop());

  const pendingTimers = async (hotelId: string, clockId: string) =>
    (await h.run(hotelId, (ctx) => h.timers.list(ctx, hotelId, clockId)))
      .filter((t) => t.kind === TimerKind.SlaStep && t.firedAt === null)
      .map((t) => ({ key: t.key, due_at: t.dueAt }));
  const history = (hotelId: string, clockId: string) =>
    h.owner<{ kind: string; step: string | null }>(
      `SELECT kind, step FROM sla_clock_event WHERE tenant_id = $1 AND clock_id = $2 ORDER BY at, seq`,
      [hotelId, clockId],
      hotelId,
    );
  const notices = (hotelId: string, kind: string, userId: string, caseId?: string) =>
    h.owner<{ title: string }>(
      `SELECT title FROM notification WHERE tenant_id = $1 AND kind = $2 AND user_id = $3
          AND ($4::uuid IS NULL OR case_id = $4)`,
      [hotelId, kind, userId, caseId ?? null],
      hotelId,
    );
  const timer = (hotelId: string, clockId: string, step: SlaStep): FiredTimer => ({
    hotelId,
    id: clockId,
    kind: TimerKind.SlaStep,
    targetId: clockId,
    key: step,
    dueAt: new Date(),
    version: 1,
    payload: {},
    idempotencyKey: `test:${clockId}:${step}`,
  });

  it('a new case starts first response and resolution in business hours, T0 inline, the breach on a timer', async () => {
    const caseId = await h.newCase(A, { occurredAt: FRIDAY_1630 });
    const first = await h.clock(A, caseId, SlaMetric.FirstResponse);
    expect(first).toMatchObject({
      state: SlaClockState.Running,
      policyName: 'General',
      basis: 'business',
      targetMinutes: 60,
      startedAt: FRIDAY_1630,
      // 30 working minutes on Friday, 30 on Monday from 09:00
      dueAt: new Date('2026-11-23T06:30:00Z'),
      stepsFired: [SlaStep.Started],
    });
    // 24 working hours: Fri 0.5 h + Mon 8 + Tue 8 + Wed 7.5 → Wednesday 16:30
    expect((await h.clock(A, caseId, SlaMetric.Resolution)).dueAt).toEqual(new Date('2026-11-25T13:30:00Z'));
    // reminder and warning are long past: only the latest past step (the breach) is scheduled, at due
    expect(await pendingTimers(A, first.id)).toEqual([{ key: SlaStep.Breach, due_at: first.dueAt }]);
    expect(await history(A, first.id)).toEqual([
      { kind: 'started', step: null },
      { kind: 'step', step: SlaStep.Started },
    ]);
  });

  it('the hotel’s answer stops first response (met); a new guest message starts next response', async () => {
    const caseId = await h.newCase(B);
    const first = await h.clock(B, caseId, SlaMetric.FirstResponse);
    expect(first.dueAt.getTime() - first.startedAt.getTime()).toBe(60 * MINUTE);
    await h.write(B, caseId, { direction: MessageDirection.Outbound, body: 'Evet, müsait.' });
    const met = await h.clock(B, caseId, SlaMetric.FirstResponse);
    expect(met).toMatchObject({ state: SlaClockState.Met, breachedAt: null });
    expect(met.stoppedAt).not.toBeNull();
    expect(await pendingTimers(B, met.id)).toEqual([]);

    const asked = new Date(Date.now() - 2 * MINUTE);
    await h.write(B, caseId, { occurredAt: asked, body: 'Kahvaltı dahil mi?' });
    const next = await h.clock(B, caseId, SlaMetric.NextResponse);
    expect(next).toMatchObject({ state: SlaClockState.Running, startedAt: asked, targetMinutes: 120 });
    await h.write(B, caseId, { direction: MessageDirection.Outbound, body: 'Evet.' });
    expect((await h.clock(B, caseId, SlaMetric.NextResponse)).state).toBe(SlaClockState.Met);
  });

  it('a pause status stops the clocks and cancels their timers; resuming moves the due time', async () => {
    const caseId = await h.newCase(B);
    const before = await h.clock(B, caseId, SlaMetric.FirstResponse);
    await h.run(B, (ctx) => h.workflow.changeStatus(ctx, { hotelId: B, id: caseId, status: CaseStatus.InProgress }));
    await h.run(B, (ctx) => h.workflow.changeStatus(ctx, { hotelId: B, id: caseId, status: CaseStatus.Quoted }));
    const paused = await h.clock(B, caseId, SlaMetric.FirstResponse);
    expect(paused.state).toBe(SlaClockState.Paused);
    expect(paused.pausedSince).not.toBeNull();
    expect(await pendingTimers(B, paused.id)).toEqual([]);
    await settle(1_200);
    // frozen: what was left when it paused
    expect((await h.clock(B, caseId, SlaMetric.FirstResponse)).remainingSeconds).toBe(paused.remainingSeconds);

    await h.run(B, (ctx) => h.workflow.changeStatus(ctx, { hotelId: B, id: caseId, status: CaseStatus.InProgress }));
    const resumed = await h.clock(B, caseId, SlaMetric.FirstResponse);
    expect(resumed.state).toBe(SlaClockState.Running);
    expect(resumed.dueAt.getTime() - before.dueAt.getTime()).toBeGreaterThanOrEqual(1_200);
    expect(await pendingTimers(B, resumed.id)).toEqual([
      expect.objectContaining({ key: SlaStep.Reminder }),
      expect.objectContaining({ key: SlaStep.Warning }),
      { key: SlaStep.Breach, due_at: resumed.dueAt },
    ]);
    expect((await history(B, resumed.id)).map((e) => e.kind)).toEqual(['started', 'step', 'paused', 'resumed']);
  });

  it('a priority change re-evaluates: the new policy’s clocks start from the original start, history kept', async () => {
    const startedAt = new Date(Date.now() - 5 * MINUTE);
    const caseId = await h.newCase(B, { occurredAt: startedAt });
    const general = await h.clock(B, caseId, SlaMetric.FirstResponse);
    await h.run(B, (ctx) => h.editing.update(ctx, { hotelId: B, id: caseId, priority: 'P1' }));
    const urgent = await h.clock(B, caseId, SlaMetric.FirstResponse);
    expect(urgent).toMatchObject({ policyName: 'P1/P2', targetMinutes: 15, startedAt, state: SlaClockState.Running });
    expect(urgent.id).not.toBe(general.id);
    expect(urgent.dueAt).toEqual(new Date(startedAt.getTime() + 15 * MINUTE));
    // T0 is not repeated: the new clock carries it
    expect(urgent.stepsFired).toEqual([SlaStep.Started]);
    const all = await h.clocks(B, caseId, true);
    expect(all.find((c) => c.id === general.id)).toMatchObject({ state: SlaClockState.Cancelled });
    expect((await history(B, general.id)).map((e) => e.kind)).toEqual(['started', 'step', 'stopped', 'policy_changed']);
    const [row] = await h.owner<{ superseded_by: string }>(
      `SELECT superseded_by FROM sla_clock WHERE tenant_id = $1 AND id = $2`,
      [B, general.id],
      B,
    );
    expect(row.superseded_by).toBe(urgent.id);
    expect(await pendingTimers(B, general.id)).toEqual([]);
    // the same routing again changes nothing
    await h.run(B, (ctx) => h.editing.update(ctx, { hotelId: B, id: caseId, labels: ['spa'] }));
    expect((await h.clock(B, caseId, SlaMetric.FirstResponse)).id).toBe(urgent.id);
  });

  it('the SlaStep handler fires a reminder once, to the owner; a retry and the runner are no-ops', async () => {
    const caseId = await h.newCase(B, { occurredAt: new Date(Date.now() - 35 * MINUTE) });
    const agent = h.world.users.agentB.id;
    await h.run(B, (ctx) => h.editing.assign(ctx, { hotelId: B, id: caseId, ownerId: agent }));
    const first = await h.clock(B, caseId, SlaMetric.FirstResponse);
    expect((await pendingTimers(B, first.id)).map((t) => t.key)).toEqual([
      SlaStep.Reminder,
      SlaStep.Warning,
      SlaStep.Breach,
    ]);

    await h.run(B, (ctx) => h.ladder.onTimer(ctx, timer(B, first.id, SlaStep.Reminder)));
    await h.run(B, (ctx) => h.ladder.onTimer(ctx, timer(B, first.id, SlaStep.Reminder)));
    await h.runner.drain();
    expect((await h.clock(B, caseId, SlaMetric.FirstResponse)).stepsFired).toEqual([SlaStep.Started, SlaStep.Reminder]);
    expect(await notices(B, 'sla.reminder', agent)).toHaveLength(1);
    expect((await history(B, first.id)).filter((e) => e.step === SlaStep.Reminder)).toHaveLength(1);
    // a warning whose time has not come is not fired by a stray timer
    await h.run(B, (ctx) => h.ladder.onTimer(ctx, timer(B, first.id, SlaStep.Warning)));
    expect((await h.clock(B, caseId, SlaMetric.FirstResponse)).stepsFired).not.toContain(SlaStep.Warning);
  });

  it('a breach (fired by the timer runner) escalates to the supervisor, labels the case and emits sla.step', async () => {
    const live = h.listen<SlaEventPayload>(B);
    const caseId = await h.newCase(B, { occurredAt: new Date(Date.now() - 61 * MINUTE) });
    const first = await h.clock(B, caseId, SlaMetric.FirstResponse);
    expect(await pendingTimers(B, first.id)).toEqual([{ key: SlaStep.Breach, due_at: first.dueAt }]);
    h.domainEvents.length = 0;
    expect((await h.runner.drain()).fired).toBeGreaterThanOrEqual(1);
    await h.runner.drain();

    const breached = await h.clock(B, caseId, SlaMetric.FirstResponse);
    expect(breached).toMatchObject({ state: SlaClockState.Breached, breachedAt: first.dueAt });
    expect(breached.escalatedAt).not.toBeNull();
    expect(breached.remainingSeconds).toBeLessThan(0);
    expect(await notices(B, 'sla.breach', h.supervisorB.id)).toEqual([
      { title: expect.stringMatching(/^SLA aşıldı: /) as unknown },
    ]);
    const [kase] = await h.owner<{ labels: string[] }>(
      `SELECT labels FROM guest_case WHERE tenant_id = $1 AND id = $2`,
      [B, caseId],
      B,
    );
    expect(kase.labels).toContain('sla_breached');
    const steps = h.domainEvents.filter((e) => e.type === 'sla.step');
    expect(steps).toEqual([
      expect.objectContaining({
        hotelId: B,
        clockId: first.id,
        metric: SlaMetric.FirstResponse,
        step: SlaStep.Breach,
        targetType: 'case',
        targetId: caseId,
        dueAt: first.dueAt.toISOString(),
        depth: 1,
      }),
    ]);
    await settle();
    live.stop();
    expect(live.events).toContainEqual(
      expect.objectContaining({ clockId: first.id, kind: 'step', step: SlaStep.Breach, state: SlaClockState.Breached }),
    );
    // answering late: met late, still counted as breached
    await h.write(B, caseId, { direction: MessageDirection.Outbound, body: 'Özür dileriz.' });
    expect(await h.clock(B, caseId, SlaMetric.FirstResponse)).toMatchObject({
      state: SlaClockState.MetLate,
      breachedAt: first.dueAt,
    });
  });

  it('a breach escalates to the RACI Accountable of the clock’s process step when the matrix names one', async () => {
    const { adminA, agentA, supervisorA } = h.world.users;
    await h.run(A, (ctx) =>
      h.raci.save(ctx, {
        hotelId: A,
        version: 0,
        parties: [
          { key: 'desk', name: 'Desk', userIds: [agentA.id] },
          { key: 'boss', name: 'Boss', userIds: [adminA.id] },
        ],
        steps: [{ key: 'dm_intake', name: 'DM intake' }],
        cells: [
          { step: 'dm_intake', party: 'desk', role: 'R' },
          { step: 'dm_intake', party: 'boss', role: 'A' },
        ],
      }),
    );
    // A P4 policy on calendar time first in the order, so the breach does not wait for office hours.
    const quick = await h.run(A, (ctx) =>
      h.policies.save(ctx, {
        hotelId: A,
        name: 'P4 quick',
        conditions: { priorities: ['P4'] },
        targets: [{ metric: SlaMetric.FirstResponse, minutes: 1, basis: 'calendar' }],
      }),
    );
    const ids = (await h.run(A, (ctx) => h.policies.list(ctx, A))).map((p) => p.id);
    await h.run(A, (ctx) => h.policies.reorder(ctx, A, [quick.id, ...ids.filter((id) => id !== quick.id)]));
    const caseId = await h.newCase(A, { occurredAt: new Date(Date.now() - 2 * MINUTE), priority: 'P4' as never });
    // T0 went to the RACI Responsible (no owner yet)
    expect(await notices(A, 'sla.started', agentA.id, caseId)).toHaveLength(1);
    await h.runner.drain();
    expect(await h.clock(A, caseId, SlaMetric.FirstResponse)).toMatchObject({
      policyName: 'P4 quick',
      state: SlaClockState.Breached,
    });
    expect(await notices(A, 'sla.breach', adminA.id, caseId)).toHaveLength(1);
    expect(await notices(A, 'sla.breach', supervisorA.id, caseId)).toEqual([]);
  });

  it('tickets: first response and resolution (approval for content approvals), stopped by their workflow', async () => {
    const ticket = await h.run(B, (ctx) => h.tickets.create(ctx, { hotelId: B, title: 'Klima çalışmıyor' }));
    const clocks = async (id: string) =>
      (await h.run(B, (ctx) => h.queries.clocks(ctx, B, 'ticket', id))).map((c) => [c.metric, c.state]).sort();
    expect(await clocks(ticket.id)).toEqual([
      [SlaMetric.FirstResponse, SlaClockState.Running],
      [SlaMetric.Resolution, SlaClockState.Running],
    ]);
    await h.run(B, (ctx) => h.tickets.changeStatus(ctx, { hotelId: B, id: ticket.id, status: 'in_progress' }));
    expect(await clocks(ticket.id)).toEqual([
      [SlaMetric.FirstResponse, SlaClockState.Met],
      [SlaMetric.Resolution, SlaClockState.Running],
    ]);
    await h.run(B, (ctx) =>
      h.tickets.changeStatus(ctx, { hotelId: B, id: ticket.id, status: 'awaiting_confirmation' }),
    );
    expect(await clocks(ticket.id)).toEqual([
      [SlaMetric.FirstResponse, SlaClockState.Met],
      [SlaMetric.Resolution, SlaClockState.Met],
    ]);
    const approval = await h.run(B, (ctx) =>
      h.tickets.create(ctx, { hotelId: B, title: 'Instagram gönderisi onayı', kind: 'approval' }),
    );
    expect(await clocks(approval.id)).toEqual([[SlaMetric.Approval, SlaClockState.Running]]);
  });

  it('closing a case stops resolution (met) and ends the rest', async () => {
    const caseId = await h.newCase(B);
    await h.run(B, (ctx) => h.workflow.changeStatus(ctx, { hotelId: B, id: caseId, status: CaseStatus.Closed }));
    const clocks = await h.clocks(B, caseId);
    expect(clocks.map((c) => [c.metric, c.state]).sort()).toEqual([
      [SlaMetric.FirstResponse, SlaClockState.Cancelled],
      [SlaMetric.Resolution, SlaClockState.Met],
    ]);
  });

  it('summarises outcomes per metric', async () => {
    const summary = await h.run(B, (ctx) =>
      h.queries.summary(ctx, B, new Date(Date.now() - 24 * 60 * MINUTE), new Date(Date.now() + MINUTE)),
    );
    const first = summary.find((s) => s.metric === SlaMetric.FirstResponse);
    expect(first).toMatchObject({ metLate: 1, breached: 1, escalated: 1 });
    expect(first?.met).toBeGreaterThanOrEqual(1);
    expect(first?.reminded).toBeGreaterThanOrEqual(1);
    expect(summary.map((s) => s.metric)).toEqual(Object.values(SlaMetric));
  });

  it('another hotel’s case, clock or policy answers like a missing one', async () => {
    const caseOfB = await h.newCase(B);
    const [policyOfB] = await h.run(B, (ctx) => h.policies.list(ctx, B));
    const code = (promise: Promise<unknown>) =>
      promise.then(
        () => 'ok',
        (error: unknown) => (error instanceof BatonError ? error.code : String(error)),
      );
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const id of [caseOfB, missing]) {
      expect(await code(h.run(A, (ctx) => h.queries.clocks(ctx, A, 'case', id)))).toBe('NOT_FOUND');
    }
    for (const id of [policyOfB.id, missing]) {
      expect(await code(h.run(A, (ctx) => h.policies.delete(ctx, A, id)))).toBe('NOT_FOUND');
    }
    expect(await code(h.run(A, (ctx) => h.queries.clocks(ctx, B, 'case', caseOfB)))).toBe('NOT_FOUND');
    expect(await code(h.run(A, (ctx) => h.policies.list(ctx, B)))).toBe('NOT_FOUND');
  });
});
