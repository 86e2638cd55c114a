import { randomUUID } from 'node:crypto';
import { CaseStatus, Channel, HandoffReason, TicketKind } from '@baton/shared/contracts';
import { BatonError } from '@baton/api/core';
import type { SaveRaciMatrixInput } from '@baton/api/domain/raci';
import { RoutingHarness } from './routing-harness';

const R = 'R';
const A = 'A';
const C = 'C';
const I = 'I';

/**
 * RACI routing against real Postgres: R gets the assignment (by load), C is asked, I gets the daily digest, and
 * another hotel's matrix never routes anything.
 */
describe('RACI routing (medium)', () => {
  const h = new RoutingHarness();
  let hotelA: string;
  let hotelB: string;
  let version = 0;
  let smm: string[];

  /** SMM agency (two agents) → call center (supervisors) → reservations (agency admin, PMS); the admin is A. */
  const save = async (settings: Partial<Pick<SaveRaciMatrixInput, 'autoAssign' | 'digestTime'>> = {}) => {
    const { users } = h.world;
    const cells: Array<[string, string, string]> = [
      ['dm_intake', 'smm', R],
      ['dm_intake', 'gm', A],
      ['dm_intake', 'call_center', C],
      ['dm_intake', 'reservations', I],
      ['call_center_follow_up', 'call_center', R],
      ['call_center_follow_up', 'gm', A],
      ['call_center_follow_up', 'smm', C],
      ['call_center_follow_up', 'reservations', I],
      ['pms_entry', 'reservations', R],
      ['pms_entry', 'gm', A],
      ['content_approval', 'smm', R],
      ['content_approval', 'gm', A],
      ['content_approval', 'call_center', C],
      ['complaint_resolution', 'call_center', R],
      ['complaint_resolution', 'gm', A],
      ['complaint_resolution', 'smm', C],
      ['complaint_resolution', 'reservations', I],
    ];
    const input: SaveRaciMatrixInput = {
      hotelId: hotelA,
      version,
      parties: [
        { key: 'smm', name: 'SMM ajansı', team: 'smm_agency', userIds: [users.agentA.id, h.agentA2.id] },
        { key: 'call_center', name: 'Çağrı merkezi', team: 'call_center', roles: ['supervisor'] },
        { key: 'reservations', name: 'Rezervasyon', team: 'reservations', userIds: [users.agencyAdmin.id] },
        { key: 'gm', name: 'Genel müdür', roles: ['admin'] },
      ],
      steps: [
        { key: 'dm_intake', name: 'DM karşılama' },
        { key: 'call_center_follow_up', name: 'Çağrı merkezi takibi' },
        { key: 'pms_entry', name: "PMS'e giriş" },
        { key: 'content_approval', name: 'İçerik onayı' },
        { key: 'complaint_resolution', name: 'Şikayet çözümü' },
      ],
      cells: cells.map(([step, party, role]) => ({ step, party, role })),
      ...settings,
    } as SaveRaciMatrixInput;
    version = (await h.run(hotelA, (ctx) => h.raci.save(ctx, input))).version;
  };

  const digestTimers = () =>
    h.owner<{ key: string; due_at: Date }>(
      `SELECT key, due_at FROM durable_timer WHERE tenant_id = $1 AND kind = 'raci.digest' ORDER BY due_at`,
      [hotelA],
      hotelA,
    );

  beforeAll(async () => {
    await h.start();
    hotelA = h.world.hotelA.id;
    hotelB = h.world.hotelB.id;
    smm = [h.world.users.agentA.id, h.agentA2.id].sort();
    await save();
  }, 120_000);
  afterAll(() => h.stop());

  it('gives new DMs to the least-loaded Responsible of DM intake, taking turns on equal load, with R’s team', async () => {
    const first = await h.newCase(hotelA);
    const second = await h.newCase(hotelA);
    const third = await h.newCase(hotelA);
    const owners = [await h.caseRow(hotelA, first), await h.caseRow(hotelA, second), await h.caseRow(hotelA, third)];
    expect(owners.map((o) => o.team)).toEqual(['smm_agency', 'smm_agency', 'smm_agency']);
    expect(owners.map((o) => o.owner_id)).toEqual([smm[0], smm[1], smm[0]]);
    const [audit] = await h.owner<{ actor_kind: string; actor_name: string }>(
      `SELECT actor_kind, actor_name FROM audit_log WHERE tenant_id = $1 AND entity_id = $2 AND action = 'case.assigned'`,
      [hotelA, first],
      hotelA,
    );
    expect(audit).toEqual({ actor_kind: 'system', actor_name: 'RACI routing' });
  });

  it('sends phone leads to the call center and complaints to complaint resolution, asking its Consulted', async () => {
    const supervisor = h.world.users.supervisorA.id;
    const phone = await h.newCase(hotelA, { channel: Channel.Phone, source: 'pbx' });
    expect(await h.caseRow(hotelA, phone)).toMatchObject({ owner_id: supervisor, team: 'call_center' });
    const complaint = await h.newCase(hotelA, { requestType: 'complaint', body: 'Oda çok kirliydi' });
    expect(await h.caseRow(hotelA, complaint)).toMatchObject({ owner_id: supervisor, team: 'call_center' });
    const asked = (await h.notifications(hotelA, 'raci.consulted')).filter((n) => n.case_id === complaint);
    expect(asked.map((n) => n.user_id).sort()).toEqual(smm);
    expect(asked[0].title).toMatch(/^Görüşünüz isteniyor: /);
    expect(asked[0].body).toContain('Şikayet çözümü');
  });

  it('leaves new work alone when auto-assign is off, and on hotels without a matrix', async () => {
    await save({ autoAssign: false });
    const unrouted = await h.newCase(hotelA);
    expect(await h.caseRow(hotelA, unrouted)).toMatchObject({ owner_id: null, team: null });
    await save({ autoAssign: true });
    const elsewhere = await h.newCase(hotelB);
    expect(await h.caseRow(hotelB, elsewhere)).toMatchObject({ owner_id: null, team: null });
  });

  it('announces a handoff to the call center’s Responsible and asks its Consulted (not those also R or A)', async () => {
    const caseId = await h.newCase(hotelA);
    await h.run(hotelA, (ctx) =>
      h.workflow.handOff(ctx, { hotelId: hotelA, id: caseId, toTeam: 'call_center', reason: HandoffReason.Manual }),
    );
    const waiting = (await h.notifications(hotelA, 'raci.handoff')).filter((n) => n.case_id === caseId);
    expect(waiting.map((n) => n.user_id)).toEqual([h.world.users.supervisorA.id]);
    expect(waiting[0].body).toContain('call_center');
    const asked = (await h.notifications(hotelA, 'raci.consulted')).filter((n) => n.case_id === caseId);
    expect(asked.map((n) => n.user_id).sort()).toEqual(smm);
  });

  it('turns a won booking into one PMS-entry task for the Responsible of PMS entry', async () => {
    const caseId = await h.newCase(hotelA);
    const move = (status: CaseStatus) =>
      h.run(hotelA, (ctx) => h.workflow.changeStatus(ctx, { hotelId: hotelA, id: caseId, status }));
    await move(CaseStatus.InProgress);
    await move(CaseStatus.Won);
    await move(CaseStatus.Closed);
    await move(CaseStatus.Open);
    await move(CaseStatus.InProgress);
    await move(CaseStatus.Won);
    const tasks = await h.owner<{ owner_id: string; team: string; kind: string; title: string }>(
      `SELECT owner_id, team, kind, title FROM ticket WHERE tenant_id = $1 AND case_id = $2`,
      [hotelA, caseId],
      hotelA,
    );
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ owner_id: h.world.users.agencyAdmin.id, team: 'reservations', kind: 'task' });
    expect(tasks[0].title).toMatch(/^PMS'e giriş: /);
  });

  it('assigns approval tickets to the Responsible of content approval and asks its Consulted', async () => {
    const ticket = await h.run(hotelA, (ctx) =>
      h.tickets.create(ctx, { hotelId: hotelA, kind: TicketKind.Approval, title: 'Instagram kampanya görseli' }),
    );
    const [row] = await h.owner<{ owner_id: string; team: string }>(
      `SELECT owner_id, team FROM ticket WHERE tenant_id = $1 AND id = $2`,
      [hotelA, ticket.id],
      hotelA,
    );
    expect(smm).toContain(row.owner_id);
    expect(row.team).toBe('smm_agency');
    const asked = (await h.notifications(hotelA, 'raci.consulted')).filter((n) => n.ticket_id === ticket.id);
    expect(asked.map((n) => n.user_id)).toEqual([h.world.users.supervisorA.id]);
    expect(asked[0].body).toContain('Instagram kampanya görseli');
  });

  it('asks the Consulted of a breached clock’s step, once per clock', async () => {
    const caseId = await h.newCase(hotelA);
    const clockId = randomUUID();
    const breach = () =>
      h.run(hotelA, async (ctx) => {
        ctx.emit({
          type: 'sla.step',
          hotelId: hotelA,
          clockId,
          metric: 'first_response',
          step: 'breach',
          targetType: 'case',
          targetId: caseId,
          raciStep: 'complaint_resolution',
        });
      });
    await breach();
    await breach();
    const asked = (await h.notifications(hotelA, 'raci.consulted')).filter(
      (n) => n.case_id === caseId && n.body.includes('ilk yanıt'),
    );
    expect(asked.map((n) => n.user_id).sort()).toEqual(smm);
  });

  it('arms the digest at the hotel’s digest time, sends each Informed person their steps once, and re-arms', async () => {
    const [armed] = await digestTimers();
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Istanbul', timeStyle: 'short' });
    expect(local.format(armed.due_at)).toBe('08:30');
    expect(armed.due_at.getTime()).toBeGreaterThan(Date.now());
    const preview = await h.run(hotelA, (ctx) => h.digests.preview(ctx, hotelA));
    expect(preview.sections.map((s) => s.step)).toEqual(['dm_intake', 'call_center_follow_up', 'complaint_resolution']);
    expect(preview.sections[0].recipients).toEqual(['agency-admin']);
    expect(preview.nextAt).toEqual(armed.due_at);
    // Fire it now: it reports on the day before its due date.
    await h.owner(
      `UPDATE durable_timer SET run_at = now() - interval '1 second' WHERE tenant_id = $1 AND kind = 'raci.digest'`,
      [hotelA],
      hotelA,
    );
    await h.runner.drain();
    await h.runner.drain();
    const sent = await h.notifications(hotelA, 'raci.digest');
    expect(sent.map((n) => n.user_id)).toEqual([h.world.users.agencyAdmin.id]);
    expect(sent[0].title).toMatch(/^Günlük özet: /);
    expect(sent[0].body).toContain('DM karşılama');
    expect(sent[0].body).toContain('Şikayet çözümü');
    const next = await digestTimers();
    expect(next).toHaveLength(1);
    expect(next[0].due_at.getTime()).toBeGreaterThan(armed.due_at.getTime());
  });

  it('turns digests off with digestTime null and back on with a new time', async () => {
    await save({ digestTime: null });
    expect(await digestTimers()).toEqual([]);
    await save({ digestTime: '18:15' });
    const [armed] = await digestTimers();
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Istanbul', timeStyle: 'short' });
    expect(local.format(armed.due_at)).toBe('18:15');
  });

  it('answers another hotel’s digest exactly like a missing hotel’s', async () => {
    const refusal = async (hotelId: string) => {
      try {
        await h.run(hotelB, (ctx) => h.digests.preview(ctx, hotelId));
        return null;
      } catch (error) {
        return error instanceof BatonError ? { code: error.code, message: error.message } : String(error);
      }
    };
    const other = await refusal(hotelA);
    expect(other).not.toBeNull();
    expect(other).toEqual(await refusal(randomUUID()));
  });
});
