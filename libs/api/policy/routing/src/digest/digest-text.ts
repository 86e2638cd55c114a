import { Locale, RaciProcessStep } from '@baton/shared/contracts';
import { routingText } from '../steps/routing-texts';
import type { DigestFacts } from './digest-facts';

/** The part of a digest about one RACI step, for the people Informed on it. */
export interface DigestSection {
  step: string;
  stepName: string;
  lines: string[];
}

type Phrases = {
  title: string;
  casesOpened: string;
  firstResponse: string;
  noFirstResponse: string;
  openNow: string;
  unanswered: string;
  handoffs: string;
  won: string;
  tasksOpen: string;
  approvals: string;
  complaints: string;
  breaches: string;
  noBreaches: string;
  tickets: string;
};

const EN: Phrases = {
  title: 'Daily digest: {hotel}, {date}',
  casesOpened: 'New cases: {count}{channels}',
  firstResponse: 'Median first response: {minutes} min',
  noFirstResponse: 'Median first response: no replies yet',
  openNow: 'Open now: {open} cases, {unassigned} unassigned',
  unanswered: 'Still unanswered from that day: {count}',
  handoffs: 'Handoffs: {requested} requested, {accepted} accepted, {waiting} waiting now',
  won: 'Bookings won: {won}, lost: {lost}',
  tasksOpen: 'Open tasks (PMS entry and others): {count}',
  approvals: 'Content waiting for approval: {count}',
  complaints: 'Complaints: {opened} new, {open} open now',
  breaches: 'SLA breaches: {list}',
  noBreaches: 'SLA breaches: none',
  tickets: 'Tickets: {opened} opened, {closed} closed',
};

const TR: Phrases = {
  title: 'Günlük özet: {hotel}, {date}',
  casesOpened: 'Yeni vakalar: {count}{channels}',
  firstResponse: 'Ortanca ilk yanıt süresi: {minutes} dk',
  noFirstResponse: 'Ortanca ilk yanıt süresi: henüz yanıt yok',
  openNow: 'Şu an açık: {open} vaka, {unassigned} atanmamış',
  unanswered: 'O günden hâlâ yanıtsız: {count}',
  handoffs: 'Devirler: {requested} istendi, {accepted} üstlenildi, şu an {waiting} bekliyor',
  won: 'Kazanılan rezervasyon: {won}, kaybedilen: {lost}',
  tasksOpen: 'Açık görevler (PMS girişi ve diğerleri): {count}',
  approvals: 'Onay bekleyen içerik: {count}',
  complaints: 'Şikayetler: {opened} yeni, şu an {open} açık',
  breaches: 'SLA aşımları: {list}',
  noBreaches: 'SLA aşımları: yok',
  tickets: 'Talepler: {opened} açıldı, {closed} kapandı',
};

function phrasesOf(locale: Locale): Phrases {
  return locale === Locale.En ? EN : TR;
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

export function digestTitle(locale: Locale, hotel: string, date: string): string {
  const shown = new Intl.DateTimeFormat(locale === Locale.En ? 'en-GB' : 'tr-TR', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
  return fill(phrasesOf(locale).title, { hotel, date: shown });
}

/** What everyone Informed sees first: the day's volume and what is open now. */
export function overviewLines(locale: Locale, facts: DigestFacts): string[] {
  const p = phrasesOf(locale);
  const channels = facts.byChannel.map((c) => `${c.channel} ${c.count}`).join(', ');
  return [
    fill(p.casesOpened, { count: facts.casesOpened, channels: channels ? ` (${channels})` : '' }),
    fill(p.openNow, { open: facts.openCases, unassigned: facts.unassignedCases }),
    breachLine(locale, facts),
  ];
}

function breachLine(locale: Locale, facts: DigestFacts): string {
  const p = phrasesOf(locale);
  if (facts.breaches.length === 0) {
    return p.noBreaches;
  }
  const list = facts.breaches.map((b) => `${routingText(locale, `metric.${b.metric}`, {})} ${b.count}`).join(', ');
  return fill(p.breaches, { list });
}

/** The lines that matter to the people Informed on `step`; a custom step gets the ticket figures. */
export function stepLines(locale: Locale, step: string, facts: DigestFacts): string[] {
  const p = phrasesOf(locale);
  switch (step) {
    case RaciProcessStep.DmIntake:
      return [
        facts.firstResponseMedianMinutes === null
          ? p.noFirstResponse
          : fill(p.firstResponse, { minutes: facts.firstResponseMedianMinutes }),
        fill(p.unanswered, { count: facts.unansweredOpened }),
      ];
    case RaciProcessStep.CallCenterFollowUp:
      return [
        fill(p.handoffs, {
          requested: facts.handoffsRequested,
          accepted: facts.handoffsAccepted,
          waiting: facts.handoffsWaiting,
        }),
        fill(p.won, { won: facts.won, lost: facts.lost }),
      ];
    case RaciProcessStep.PmsEntry:
      return [fill(p.won, { won: facts.won, lost: facts.lost }), fill(p.tasksOpen, { count: facts.tasksOpen })];
    case RaciProcessStep.ContentApproval:
      return [fill(p.approvals, { count: facts.approvalsWaiting })];
    case RaciProcessStep.ComplaintResolution:
      return [fill(p.complaints, { opened: facts.complaintsOpened, open: facts.complaintsOpen })];
    default:
      return [fill(p.tickets, { opened: facts.ticketsOpened, closed: facts.ticketsClosed })];
  }
}

/** A recipient's digest as plain text (in-app body and e-mail): the overview, then one block per step. */
export function digestBody(overview: string[], sections: DigestSection[]): string {
  const blocks = [overview.map((line) => `• ${line}`).join('\n')];
  for (const section of sections) {
    blocks.push(`${section.stepName}\n${section.lines.map((line) => `• ${line}`).join('\n')}`);
  }
  return blocks.join('\n\n');
}
