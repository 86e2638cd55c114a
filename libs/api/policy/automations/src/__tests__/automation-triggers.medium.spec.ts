import { CaseEditingService } from '@baton/api/domain/cases';
import { TicketsService } from '@baton/api/domain/tickets';
import { DEFAULT_RULES } from '../defaults/default-rules';
import { AutomationHarness, disableDefaults } from './automation-harness';

const playbook = (key: string) => {
  const rule = DEFAULT_RULES.find((r) => r.key === key);
  if (!rule) {
    throw new Error(key);
  }
  // The stored definition is what the editor sends back: the same JSON.
  return { name: `${rule.name} (test)`, definition: JSON.parse(JSON.stringify(rule.definition)) };
};

/** The playbook's ticket and SLA rows, on the tickets library and on synthetic sla.step events (medium tier). */
describe('ticket and SLA triggers (medium: real Postgres, in-process Nest)', () => {
  const h = new AutomationHarness();

  beforeAll(async () => {
    await h.start();
    await disableDefaults(h);
    for (const key of ['p1_ticket_escalation', 'resolved_status_update', 'sla_reminder']) {
      await h.saveRule(playbook(key));
    }
  });
  afterAll(() => h.stop());

  async function whatsappCase(): Promise<{ caseId: string; caseNumber: string }> {
    const { caseId, caseNumber } = await h.inbound(await h.guest(), 'Klima çalışmıyor');
    return { caseId, caseNumber };
  }

  it('Ticket opened | priority P1 | escalation notice | ticket + e-mail | supervisor', async () => {
    const { caseId } = await whatsappCase();
    const ticket = await h.run((ctx) =>
      h.app.get(TicketsService).create(ctx, { hotelId: h.hotelId, title: 'Klima arızası', priority: 'P1', caseId }),
    );
    const notes = await h.owner<{ user_id: string; title: string; ticket_id: string }>(
      `SELECT user_id, title, ticket_id FROM notification WHERE ticket_id = $1`,
      [ticket.id],
    );
    expect(notes).toEqual([
      { user_id: h.world.users.supervisorA.id, title: 'P1 talep açıldı: Klima arızası', ticket_id: ticket.id },
    ]);
    const mails = await h.owner(`SELECT 1 FROM delivery WHERE channel = 'email' AND target = $1`, [
      h.world.users.supervisorA.email,
    ]);
    expect(mails.length).toBeGreaterThan(0);
    const p3 = await h.run((ctx) =>
      h.app.get(TicketsService).create(ctx, { hotelId: h.hotelId, title: 'Havlu', priority: 'P3', caseId }),
    );
    expect(await h.owner(`SELECT 1 FROM notification WHERE ticket_id = $1`, [p3.id])).toEqual([]);
  });

  it('Resolved | awaiting confirmation | status update to guest | WhatsApp', async () => {
    const { caseId, caseNumber } = await whatsappCase();
    const tickets = h.app.get(TicketsService);
    const ticket = await h.run((ctx) => tickets.create(ctx, { hotelId: h.hotelId, title: 'Klima', caseId }));
    await h.run((ctx) =>
      tickets.changeStatus(ctx, { hotelId: h.hotelId, id: ticket.id, status: 'awaiting_confirmation' }),
    );
    const outbound = await h.owner<{ channel: string; body: string; delivery_status: string; author_name: string }>(
      `SELECT channel, body, delivery_status, author_name FROM case_message WHERE case_id = $1 AND direction = 'outbound'`,
      [caseId],
    );
    expect(outbound).toEqual([
      {
        channel: 'whatsapp',
        body: `Merhaba Ayşe Yılmaz, ${caseNumber} numaralı talebiniz çözüldü. Her şey yolunda mı? Bu mesaja yanıt vererek onaylayabilirsiniz. Hotel Alpha`,
        delivery_status: 'queued',
        author_name: 'Automation: Çözüldü, onay bekliyor → misafire durum bilgisi (test)',
      },
    ]);
  });

  it('SLA approaching | 30 min left | reminder | in-app | owner', async () => {
    const { caseId } = await whatsappCase();
    await h.run((ctx) =>
      h.app.get(CaseEditingService).assign(ctx, { hotelId: h.hotelId, id: caseId, ownerId: h.world.users.agentA.id }),
    );
    const step = (minutesLeft: number) =>
      h.run(async (ctx) =>
        ctx.emit({
          type: 'sla.step',
          hotelId: h.hotelId,
          clockId: `clock-${minutesLeft}`,
          metric: 'first_response',
          step: 'reminder',
          targetType: 'case',
          targetId: caseId,
          dueAt: new Date(Date.now() + minutesLeft * 60_000).toISOString(),
          policyId: null,
        }),
      );
    await step(45); // the condition says ≤ 30 minutes
    await step(25);
    const notes = await h.owner<{ user_id: string; title: string }>(
      `SELECT user_id, title FROM notification WHERE case_id = $1`,
      [caseId],
    );
    expect(notes).toEqual([{ user_id: h.world.users.agentA.id, title: expect.stringMatching(/^SLA hatırlatma: /) }]);
  });
});
