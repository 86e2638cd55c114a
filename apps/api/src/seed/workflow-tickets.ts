import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { DEFAULT_TICKET_CATEGORIES, formatTicketNumber } from '@baton/api/domain/tickets';
import { AuditAction, TicketClosure, TicketKind, TicketStatus, TimerKind } from '@baton/shared/contracts';
import { createRng, DAY, HOUR, localMidnight, MINUTE, Rng } from './traffic-random';
import { insertRows } from './traffic-sql';

/** How a demo ticket ends up (the steps it went through follow from it). */
type Fate =
  | 'open'
  | 'in_progress'
  | 'awaiting'
  | 'confirmed'
  | 'no_answer'
  | 'reopened'
  | 'resolved'
  | 'closed_by_staff'
  | 'approved'
  | 'cancelled';

interface Story {
  kind: TicketKind;
  fate: Fate;
  /** Days before now the ticket was opened (a complaint linked to a case opens shortly after the case instead). */
  daysAgo: number;
  title: string;
  description: string;
  category: string;
  notes: string[];
}

const { Ticket, Task, Callback, Approval } = TicketKind;
const TEAM: Readonly<Record<TicketKind, string>> = {
  [Ticket]: 'front_office',
  [Task]: 'reservations',
  [Callback]: 'call_center',
  [Approval]: 'smm_agency',
};

/** A story; the category follows the kind (complaints about equipment are maintenance) unless given. */
function tale(
  kind: TicketKind,
  fate: Fate,
  daysAgo: number,
  title: string,
  description: string,
  extra: { category?: string; notes?: string[] } = {},
): Story {
  const byKind = { [Ticket]: 'complaint', [Task]: 'other', [Callback]: 'callback', [Approval]: 'content_approval' };
  const equipment = kind === Ticket && /klima|sıcak su|wi-fi|asansör/i.test(title);
  const category = extra.category ?? (equipment ? 'maintenance' : byKind[kind]);
  return { kind, fate, daysAgo, title, description, category, notes: extra.notes ?? [] };
}

/** Twenty tickets per hotel over 30 days: complaints, callbacks, back-office tasks and content approvals. */
const STORIES: readonly Story[] = [
  tale(Ticket, 'confirmed', 29, 'Asansör arızası nedeniyle bekleme', 'Misafir bagajla 15 dakika beklediğini iletti.'),
  tale(Ticket, 'confirmed', 27, 'Odada klima soğutmuyor', 'Misafir gece boyunca klimanın soğutmadığını bildirdi.', {
    notes: ['Teknik servis odaya yönlendirildi.'],
  }),
  tale(Ticket, 'no_answer', 23, 'Banyoda sıcak su yok', 'Sabah duş sırasında sıcak su gelmediği iletildi.'),
  tale(Ticket, 'confirmed', 19, 'Oda temizliği yapılmadı', 'Misafir öğleden sonra odanın temizlenmediğini yazdı.'),
  tale(Ticket, 'confirmed', 15, 'Yan odadan gürültü şikayeti', 'Gece 01:00 sonrası yüksek müzik sesi.', {
    notes: ['Güvenlik yan odayı uyardı.'],
  }),
  tale(Ticket, 'no_answer', 11, 'Restoranda uzun bekleme', 'Akşam yemeğinde sipariş 50 dakika gecikti.'),
  tale(Ticket, 'reopened', 9, 'Wi-Fi bağlantısı sürekli kopuyor', 'İş seyahatindeki misafir toplantıya bağlanamadı.', {
    notes: ['Modem değiştirildi, misafir sorunun sürdüğünü söyledi.'],
  }),
  tale(Ticket, 'awaiting', 2, 'Havuz havlusu verilmedi', 'Havuz barında havlu kalmadığı söylendi.'),
  tale(Ticket, 'in_progress', 1, 'Minibar ücreti hatalı yansıtılmış', 'Kullanılmayan ürünler faturaya eklenmiş.', {
    category: 'billing',
    notes: ['Muhasebeden minibar kayıtları istendi.'],
  }),
  tale(Ticket, 'open', 0, 'Oda manzarası rezervasyondan farklı', 'Deniz manzaralı oda yerine bahçe manzarası verildi.'),
  tale(Callback, 'resolved', 25, 'Grup rezervasyonu için geri arama', '25 kişilik şirket grubu için fiyat istendi.'),
  tale(Callback, 'closed_by_staff', 17, 'Düğün organizasyonu teklifi', 'Haziran için 120 kişilik düğün görüşmesi.'),
  tale(Callback, 'resolved', 6, 'İptal talebi: misafir aranacak', 'Misafir rezervasyonunu iptal etmek istiyor.'),
  tale(Callback, 'cancelled', 4, 'Balayı paketi detayları', 'Çift balayı paketinin içeriğini sormak istiyor.'),
  tale(Callback, 'in_progress', 0, 'Transfer saatini teyit', 'Havalimanı transferi için uçuş saati teyit edilecek.'),
  tale(Task, 'closed_by_staff', 21, 'Fatura unvanı düzeltilecek', 'Şirket faturası yanlış unvanla kesilmiş.', {
    category: 'billing',
  }),
  tale(Task, 'resolved', 8, "Tarih değişikliği PMS'e işlenecek", 'Misafir girişini iki gün ileri aldı.', {
    category: 'reservation_change',
  }),
  tale(Task, 'open', 1, 'Asansör bakım kontrolü', 'B blok asansöründe ses var; bakım firması çağrılacak.', {
    category: 'maintenance',
  }),
  tale(Approval, 'approved', 13, 'Instagram gönderisi: yaz kampanyası', 'Erken rezervasyon için 3 görsel ve metin.'),
  tale(Approval, 'open', 0, 'Reels videosu: spa tanıtımı', '30 saniyelik spa videosu yayın öncesi onay bekliyor.'),
];

interface Member {
  id: string;
  name: string;
  role: string;
}

interface Step {
  to: TicketStatus;
  at: number;
  by: Member | null;
  closure?: TicketClosure;
  reason?: string;
}

const SYSTEM: Member = { id: '', name: 'timers', role: 'system' };

/** The steps of a story after its opening, spaced like real work (minutes to answer, hours to fix, days to confirm). */
function stepsOf(story: Story, openedAt: number, owner: Member | null, gm: Member | null, rng: Rng): Step[] {
  const steps: Step[] = [];
  let at = openedAt;
  const next = (to: TicketStatus, minMinutes: number, maxMinutes: number, extra: Partial<Step> = {}): void => {
    at += rng.int(minMinutes, maxMinutes) * MINUTE;
    steps.push({ to, at, by: owner, ...extra });
  };
  switch (story.fate) {
    case 'open':
      break;
    case 'in_progress':
      next(TicketStatus.InProgress, 10, 60);
      break;
    case 'awaiting':
      next(TicketStatus.InProgress, 10, 60);
      next(TicketStatus.AwaitingConfirmation, 60, 300);
      break;
    case 'confirmed':
      next(TicketStatus.InProgress, 5, 45);
      next(TicketStatus.AwaitingConfirmation, 60, 600);
      next(TicketStatus.Closed, 120, 1800, { closure: TicketClosure.GuestConfirmed, reason: 'Misafir teşekkür etti' });
      break;
    case 'no_answer':
      next(TicketStatus.InProgress, 10, 60);
      next(TicketStatus.AwaitingConfirmation, 60, 480);
      steps.push({
        to: TicketStatus.Closed,
        at: at + 3 * DAY,
        by: SYSTEM,
        closure: TicketClosure.NoAnswer,
        reason: 'no answer in 3 days',
      });
      break;
    case 'reopened':
      next(TicketStatus.InProgress, 10, 40);
      next(TicketStatus.AwaitingConfirmation, 120, 480);
      next(TicketStatus.InProgress, 180, 900, { reason: 'guest: not fixed' });
      break;
    case 'resolved':
      next(TicketStatus.InProgress, 10, 90);
      next(TicketStatus.Resolved, 30, 240);
      break;
    case 'closed_by_staff':
      next(TicketStatus.InProgress, 10, 90);
      next(TicketStatus.Resolved, 60, 600);
      next(TicketStatus.Closed, 60, 1440, { closure: TicketClosure.ClosedByStaff });
      break;
    case 'approved':
      next(TicketStatus.Resolved, 240, 1200, { by: gm, reason: 'approved: Uygundur, yayınlanabilir' });
      break;
    case 'cancelled':
      next(TicketStatus.Cancelled, 30, 180, { reason: 'Misafir kendisi arayıp rezervasyonu tamamladı' });
      break;
  }
  return steps;
}

/** The complaint case opened closest to `at` (within two days), removed from the pool so each links once. */
function takeCaseNear<T extends { created_at: Date }>(pool: T[], at: number): T | undefined {
  let best = -1;
  pool.forEach((candidate, i) => {
    const distance = Math.abs(candidate.created_at.getTime() - at);
    if (distance <= 2 * DAY && (best < 0 || distance < Math.abs(pool[best].created_at.getTime() - at))) {
      best = i;
    }
  });
  return best < 0 ? undefined : pool.splice(best, 1)[0];
}

/**
 * Demo tickets of one hotel over the last 30 days, in every state of the pipeline, with their history, notes, audit
 * trail and (for tickets still awaiting the guest) their pending closure timer. Complaint tickets are linked to the
 * hotel's latest complaint cases when there are any. Runs as the DB owner inside the caller's transaction; the caller
 * has put the hotel in `app.tenant_ids`.
 */
export async function seedTickets(client: Client, hotel: { id: string; code: string }, now: number): Promise<void> {
  const rng = createRng(`tickets:${hotel.code}`);
  await client.query(
    `INSERT INTO ticket_category (tenant_id, code, label_tr, label_en, sort)
     SELECT $1, d.code, d.label_tr, d.label_en, d.sort
       FROM unnest($2::text[], $3::text[], $4::text[], $5::int[]) AS d(code, label_tr, label_en, sort)
     ON CONFLICT (tenant_id, code) DO NOTHING`,
    [
      hotel.id,
      DEFAULT_TICKET_CATEGORIES.map((c) => c.code),
      DEFAULT_TICKET_CATEGORIES.map((c) => c.labelTr),
      DEFAULT_TICKET_CATEGORIES.map((c) => c.labelEn),
      DEFAULT_TICKET_CATEGORIES.map((_, i) => (i + 1) * 10),
    ],
  );
  const members = (
    await client.query<Member>(
      `SELECT u.id, u.display_name AS name, m.role FROM hotel_membership m JOIN app_user u ON u.id = m.user_id
        WHERE m.hotel_id = $1 ORDER BY m.role, u.display_name`,
      [hotel.id],
    )
  ).rows;
  const byRole = (...roles: string[]): Member | null => members.find((m) => roles.includes(m.role)) ?? null;
  const agent = byRole('agent', 'supervisor');
  const lead = byRole('supervisor', 'gm', 'admin');
  const gm = byRole('gm', 'admin', 'supervisor');
  const cases = (
    await client.query<{ id: string; created_at: Date }>(
      `SELECT id, created_at FROM guest_case WHERE tenant_id = $1 AND request_type = 'complaint'
          AND created_at > $2 ORDER BY created_at LIMIT 20`,
      [hotel.id, new Date(now - 30 * DAY)],
    )
  ).rows;
  const [{ issued }] = (
    await client.query<{ issued: number }>(
      `SELECT coalesce((SELECT last_value FROM ticket_counter WHERE tenant_id = $1), 0) AS issued`,
      [hotel.id],
    )
  ).rows;

  const planned = STORIES.map((story) => {
    const day = localMidnight(now, story.daysAgo) + rng.int(9, 18) * HOUR + rng.int(0, 59) * MINUTE;
    const linked = story.kind === TicketKind.Ticket ? takeCaseNear(cases, day) : undefined;
    const planned = linked ? linked.created_at.getTime() + rng.int(15, 90) * MINUTE : day;
    // Today's stories that would still be in the future happened earlier this morning instead.
    const openedAt = planned < now - HOUR ? planned : now - rng.int(60, 360) * MINUTE;
    const owner = story.kind === Task ? lead : story.fate === 'open' && rng.chance(0.5) ? null : agent;
    return { story, caseId: linked?.id ?? null, openedAt, owner };
  }).sort((a, b) => a.openedAt - b.openedAt);

  const tickets: unknown[][] = [];
  const transitions: unknown[][] = [];
  const notes: unknown[][] = [];
  const audit: unknown[][] = [];
  const timers: unknown[][] = [];
  for (const [index, plan] of planned.entries()) {
    const { story, owner } = plan;
    const id = randomUUID();
    const opener = story.kind === TicketKind.Approval ? byRole('supervisor', 'agent') : agent;
    const steps = stepsOf(story, plan.openedAt, owner, gm, rng).filter((step) => step.at < now - 5 * MINUTE);
    const last = steps.at(-1);
    const status = last?.to ?? TicketStatus.Open;
    const awaitingAt = status === TicketStatus.AwaitingConfirmation ? (last?.at ?? null) : null;
    const resolvedStep = [...steps]
      .reverse()
      .find((s) => s.to === TicketStatus.Resolved || s.to === TicketStatus.AwaitingConfirmation);
    const reopened =
      status === TicketStatus.InProgress && steps.some((s) => s.to === TicketStatus.AwaitingConfirmation);
    const terminal = status === TicketStatus.Closed || status === TicketStatus.Cancelled;
    const approved = story.fate === 'approved' && status === TicketStatus.Resolved;
    const confirmationDueAt = awaitingAt === null ? null : new Date(awaitingAt + 3 * DAY);
    tickets.push([
      hotel.id,
      id,
      formatTicketNumber(hotel.code, issued + index + 1),
      story.kind,
      story.category,
      story.daysAgo < 2 && story.kind !== Task ? 'P2' : 'P3',
      story.title,
      story.description,
      status,
      owner?.id ?? null,
      TEAM[story.kind],
      plan.caseId,
      opener?.id ?? null,
      opener?.name ?? null,
      steps[0] ? new Date(steps[0].at) : null,
      resolvedStep && !reopened ? new Date(resolvedStep.at) : null,
      terminal && last ? new Date(last.at) : null,
      last?.closure ?? null,
      confirmationDueAt,
      approved ? 'approved' : null,
      approved ? 'Uygundur, yayınlanabilir' : null,
      approved ? (gm?.id ?? null) : null,
      approved ? (gm?.name ?? null) : null,
      approved && last ? new Date(last.at) : null,
      new Date(plan.openedAt),
      new Date(last?.at ?? plan.openedAt),
      1 + steps.length,
    ]);
    const actorOf = (who: Member | null) => (who && who !== SYSTEM ? [who.id, who.name] : [null, who?.name ?? null]);
    transitions.push([hotel.id, id, null, TicketStatus.Open, null, null, ...actorOf(opener), new Date(plan.openedAt)]);
    audit.push([hotel.id, new Date(plan.openedAt), ...actorOf(opener), AuditAction.TicketCreated, id, null]);
    let from: TicketStatus = TicketStatus.Open;
    for (const step of steps) {
      const actor = actorOf(step.by);
      transitions.push([
        hotel.id,
        id,
        from,
        step.to,
        step.closure ?? null,
        step.reason ?? null,
        ...actor,
        new Date(step.at),
      ]);
      audit.push([
        hotel.id,
        new Date(step.at),
        ...actor,
        AuditAction.TicketStatusChanged,
        id,
        JSON.stringify({ status: step.to }),
      ]);
      from = step.to;
    }
    story.notes.forEach((body, n) => {
      const noteAt = plan.openedAt + (n + 1) * rng.int(20, 90) * MINUTE;
      if (noteAt < now) {
        notes.push([hotel.id, id, owner?.id ?? null, owner?.name ?? null, body, new Date(noteAt)]);
      }
    });
    if (confirmationDueAt) {
      timers.push([hotel.id, TimerKind.TicketClosure, id, 'closure', confirmationDueAt, confirmationDueAt]);
    }
  }

  await insertRows(
    client,
    'ticket',
    [
      'tenant_id',
      'id',
      'number',
      'kind',
      'category',
      'priority',
      'title',
      'description',
      'status',
      'owner_id',
      'team',
      'case_id',
      'created_by_id',
      'created_by_name',
      'first_response_at',
      'resolved_at',
      'closed_at',
      'closure',
      'confirmation_due_at',
      'approval_decision',
      'approval_note',
      'decided_by_id',
      'decided_by_name',
      'decided_at',
      'created_at',
      'updated_at',
      'version',
    ],
    tickets,
  );
  await insertRows(
    client,
    'ticket_transition',
    [
      'tenant_id',
      'ticket_id',
      'from_status',
      'to_status',
      'closure',
      'reason',
      'actor_id',
      'actor_name',
      'occurred_at',
    ],
    transitions,
  );
  await insertRows(
    client,
    'ticket_note',
    ['tenant_id', 'ticket_id', 'author_id', 'author_name', 'body', 'created_at'],
    notes,
  );
  await insertRows(
    client,
    'audit_log',
    ['tenant_id', 'occurred_at', 'actor_id', 'actor_name', 'action', 'entity_id', 'after', 'actor_kind', 'entity_type'],
    audit.map((row) => [...row, row[2] ? 'user' : 'system', 'ticket']),
  );
  await insertRows(client, 'durable_timer', ['tenant_id', 'kind', 'target_id', 'key', 'due_at', 'run_at'], timers);
  await client.query(
    `INSERT INTO ticket_counter (tenant_id, last_value) VALUES ($1, $2)
     ON CONFLICT (tenant_id) DO UPDATE SET last_value = EXCLUDED.last_value`,
    [hotel.id, issued + planned.length],
  );
}
