import { TimerKind } from '@baton/shared/contracts';
import { AutomationHarness, disableDefaults } from './automation-harness';

const always = { match: 'all', conditions: [], groups: [] };
const onUpdateAddLabel = (label: string, extra: Record<string, unknown> = {}) => ({
  trigger: 'case_updated',
  conditions: always,
  actions: [{ type: 'add_label', value: label }],
  ...extra,
});

describe('automation engine (medium: real Postgres, in-process Nest)', () => {
  const h = new AutomationHarness();

  beforeAll(async () => {
    await h.start();
    await disableDefaults(h);
  });
  afterAll(() => h.stop());

  it('a rule whose action re-triggers it runs once; the second time is recorded as loop_blocked', async () => {
    const rule = await h.saveRule({ name: 'Updated → family', definition: onUpdateAddLabel('family') });
    const { caseId } = await h.inbound(await h.guest(), 'Merhaba');
    await h.updateCase(caseId, { priority: 'P2' });
    const runs = await h.runs(rule.id);
    expect(runs.map((r) => [r.outcome, r.depth])).toEqual([
      ['succeeded', 0],
      ['loop_blocked', 1],
    ]);
    expect(runs[1].error).toBe('loop protection: the rule already ran for this chain of events');
    const [row] = await h.owner<{ labels: string[] }>(`SELECT labels FROM guest_case WHERE id = $1`, [caseId]);
    expect(row.labels).toEqual(['family']);
    await h.run((ctx) =>
      ctx.tx.query(`UPDATE automation_rule SET enabled = false WHERE tenant_id = $1 AND id = $2`, [h.hotelId, rule.id]),
    );
  });

  it('a chain of rules stops at depth 3 with a clear entry', async () => {
    // Each rule reacts to the previous one's label: the chain can only grow one hop per event.
    const labels = ['honeymoon', 'spa', 'transfer', 'wedding'];
    const rules = [];
    for (const [i, label] of labels.entries()) {
      const after =
        i === 0
          ? { field: 'priority', op: 'is', values: ['P1'] }
          : { field: 'labels', op: 'contains', values: [labels[i - 1]] };
      const conditions = {
        match: 'all',
        conditions: [after, { field: 'labels', op: 'not_contains', values: [label] }],
        groups: [],
      };
      rules.push(await h.saveRule({ name: `chain ${label}`, definition: onUpdateAddLabel(label, { conditions }) }));
    }
    const { caseId } = await h.inbound(await h.guest(), 'Merhaba');
    await h.updateCase(caseId, { priority: 'P1' });
    const [row] = await h.owner<{ labels: string[] }>(`SELECT labels FROM guest_case WHERE id = $1`, [caseId]);
    // depth 0 → the first rule; its event (depth 1) → the second; depth 2 → the third; depth 3 → refused.
    expect(row.labels).toEqual(['honeymoon', 'spa', 'transfer']);
    const last = await h.runs(rules[3].id);
    expect(last.map((r) => [r.outcome, r.depth, r.error])).toEqual([
      ['loop_blocked', 3, 'loop protection: event depth 3 reached the limit of 3'],
    ]);
    for (const rule of rules) {
      await h.run((ctx) =>
        ctx.tx.query(`UPDATE automation_rule SET enabled = false WHERE tenant_id = $1 AND id = $2`, [
          h.hotelId,
          rule.id,
        ]),
      );
    }
  });

  it('a failing action rolls back what its rule did, keeps the change that triggered it, and records the failure', async () => {
    const rule = await h.saveRule({
      name: 'Label then impossible status',
      definition: {
        trigger: 'message_received',
        conditions: always,
        actions: [
          { type: 'add_label', value: 'business' },
          { type: 'set_status', value: 'won' },
          { type: 'add_note', body: 'never' },
        ],
      },
    });
    const { caseId } = await h.inbound(await h.guest(), 'Merhaba, oda var mı?');
    const [row] = await h.owner<{ labels: string[]; status: string }>(
      `SELECT labels, status FROM guest_case WHERE id = $1`,
      [caseId],
    );
    expect(row).toEqual({ labels: [], status: 'new' });
    const [run] = await h.runs(rule.id);
    expect(run.outcome).toBe('failed');
    expect(run.actions.map((a) => a.status)).toEqual(['done', 'failed', 'not_run']);
    expect(run.error).toMatch(/^INVALID_TRANSITION/);
    const messages = await h.owner(`SELECT 1 FROM case_message WHERE case_id = $1`, [caseId]);
    expect(messages).toHaveLength(1);
    await h.run((ctx) =>
      ctx.tx.query(`UPDATE automation_rule SET enabled = false WHERE tenant_id = $1 AND id = $2`, [h.hotelId, rule.id]),
    );
  });

  it('inactivity: a guest message arms a durable timer; the handler runs the rule only while nobody answered', async () => {
    const rule = await h.saveRule({
      name: '10 dk yanıtsız',
      definition: {
        trigger: 'inactivity',
        params: { inactivityMinutes: 10 },
        conditions: always,
        actions: [{ type: 'add_note', body: '{{guestName}} 10 dakikadır yanıt bekliyor ({{caseNumber}})' }],
      },
    });
    const sentAt = new Date(Date.now() - 15 * 60_000);
    const { caseId } = await h.inbound(await h.guest(), 'Merhaba?', { occurredAt: sentAt });
    const [timer] = (await h.timers(caseId)).filter((t) => t.kind === TimerKind.AutomationInactivity);
    expect(timer).toMatchObject({ key: rule.id, firedAt: null });
    expect(timer.dueAt.getTime()).toBe(sentAt.getTime() + 10 * 60_000);

    await h.fire(timer);
    const notes = await h.owner<{ body: string; author_name: string }>(
      `SELECT body, author_name FROM case_note WHERE case_id = $1`,
      [caseId],
    );
    expect(notes).toEqual([
      {
        body: expect.stringMatching(/^Ayşe Yılmaz 10 dakikadır yanıt bekliyor \(T[A-Z]+-\d{4}-\d{6}\)$/),
        author_name: 'Automation: 10 dk yanıtsız',
      },
    ]);
    expect((await h.runs(rule.id)).map((r) => [r.outcome, r.event_type])).toEqual([
      ['succeeded', 'timer:automation.inactivity'],
    ]);

    // The hotel answers: the timer goes, and a late firing of it does nothing.
    await h.reply(caseId);
    expect((await h.timers(caseId)).filter((t) => t.kind === TimerKind.AutomationInactivity && !t.firedAt)).toEqual([]);
    await h.fire(timer);
    expect(await h.runs(rule.id)).toHaveLength(1);
    await h.run((ctx) =>
      ctx.tx.query(`UPDATE automation_rule SET enabled = false WHERE tenant_id = $1 AND id = $2`, [h.hotelId, rule.id]),
    );
  });

  it('notifies a hotel role in-app and by e-mail and queues a signed webhook, through the outboxes', async () => {
    const rule = await h.saveRule({
      name: 'Yeni talep → süpervizör + webhook',
      definition: {
        trigger: 'case_created',
        conditions: always,
        actions: [
          {
            type: 'notify',
            channels: ['in_app', 'email'],
            target: { kind: 'hotel_role', hotelRole: 'supervisor' },
            title: 'Yeni talep {{caseNumber}}',
            body: '{{guestName}} yazdı',
          },
          { type: 'webhook', url: 'https://hooks.example.com/baton', secret: 'webhook-s3cret' },
        ],
      },
    });
    expect(JSON.stringify(rule)).not.toContain('webhook-s3cret');
    const { caseId, caseNumber } = await h.inbound(await h.guest(), 'Merhaba');
    const notes = await h.owner<{ user_id: string; title: string }>(
      `SELECT user_id, title FROM notification WHERE case_id = $1`,
      [caseId],
    );
    expect(notes).toEqual([{ user_id: h.world.users.supervisorA.id, title: `Yeni talep ${caseNumber}` }]);
    const deliveries = await h.owner<{
      channel: string;
      target: string;
      signed: boolean;
      payload: { case?: { id: string } } | null;
    }>(
      `SELECT channel, target, secret_enc IS NOT NULL AS signed, payload FROM delivery
        WHERE source_id = $1 OR target = $2 ORDER BY channel`,
      [rule.id, h.world.users.supervisorA.email],
    );
    expect(deliveries.map((d) => [d.channel, d.target, d.signed])).toEqual([
      ['email', h.world.users.supervisorA.email, false],
      ['webhook', 'https://hooks.example.com/baton', true],
    ]);
    expect(deliveries.find((d) => d.channel === 'webhook')?.payload?.case?.id).toBe(caseId);
    await h.run((ctx) =>
      ctx.tx.query(`UPDATE automation_rule SET enabled = false WHERE tenant_id = $1 AND id = $2`, [h.hotelId, rule.id]),
    );
  });

  it('schedule: saving arms the next cron firing in the hotel zone; a firing sweeps open cases and arms the next', async () => {
    const rule = await h.saveRule({
      name: 'Sabah özeti',
      definition: {
        trigger: 'schedule',
        params: { cron: '0 9 * * *' },
        conditions: { match: 'all', conditions: [{ field: 'owner', op: 'is_empty', values: [] }], groups: [] },
        actions: [{ type: 'add_note', body: 'Sahipsiz talep: {{caseNumber}}' }],
      },
    });
    const [timer] = await h.timers(rule.id);
    expect(timer.kind).toBe(TimerKind.AutomationSchedule);
    // 09:00 in Europe/Istanbul is 06:00 UTC.
    expect(timer.dueAt.toISOString()).toMatch(/T06:00:00\.000Z$/);
    await h.fire(timer);
    const runs = await h.runs(rule.id);
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.every((r) => r.event_type === 'timer:automation.schedule' && r.outcome === 'succeeded')).toBe(true);
    // (The worker would mark the fired one; called directly here, it stays pending next to the next one.)
    const next = (await h.timers(rule.id)).filter((t) => !t.firedAt && t.id !== timer.id);
    expect(next).toHaveLength(1);
    expect(next[0].dueAt.getTime() - timer.dueAt.getTime()).toBe(24 * 3600_000);
  });
});
