import { Locale } from '@baton/shared/contracts';
import { DailySummaryContent, NO_CAMPAIGN } from '../entities/daily-summary.content';

export interface SummaryMailHotel {
  name: string;
  code: string;
  locale: string;
}

export interface SummaryMail {
  subject: string;
  text: string;
  html: string;
}

interface Words {
  title: string;
  newCampaigns: string;
  leads: string;
  open: string;
  unassigned: string;
  oldestWait: string;
  none: string;
  noCampaign: string;
  tally: (leads: number, won: number) => string;
  wait: (hours: number, minutes: number) => string;
  date: (isoDay: string) => string;
}

const WORDS: Record<Locale, Words> = {
  [Locale.Tr]: {
    title: 'Günlük özet',
    newCampaigns: 'Yeni kampanyalar',
    leads: 'Dünkü talepler (kampanyaya göre)',
    open: 'Açık talepler',
    unassigned: 'Atanmamış talepler',
    oldestWait: 'En uzun bekleme',
    none: 'yok',
    noCampaign: '(kampanyasız)',
    tally: (leads, won) => `${leads} talep, ${won} kazanıldı`,
    wait: (h, m) => (h > 0 ? `${h} sa ${m} dk` : `${m} dk`),
    date: (day) => day.split('-').reverse().join('.'),
  },
  [Locale.En]: {
    title: 'Daily summary',
    newCampaigns: 'New campaigns',
    leads: "Yesterday's leads by campaign",
    open: 'Open cases',
    unassigned: 'Unassigned cases',
    oldestWait: 'Longest wait',
    none: 'none',
    noCampaign: '(no campaign)',
    tally: (leads, won) => `${leads} ${leads === 1 ? 'lead' : 'leads'}, ${won} won`,
    wait: (h, m) => (h > 0 ? `${h} h ${m} min` : `${m} min`),
    date: (day) => day,
  },
};

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** The summary e-mail in the hotel's locale (tr, en; anything else falls back to en): subject, text and HTML. */
export function renderDailySummaryMail(
  hotel: SummaryMailHotel,
  date: string,
  content: DailySummaryContent,
): SummaryMail {
  const w = hotel.locale === Locale.Tr ? WORDS[Locale.Tr] : WORDS[Locale.En];
  const subject = `${w.title} — ${hotel.code} — ${w.date(date)}`;
  const campaigns = content.newCampaigns.map(
    (c) => `${c.name} (${c.utmCampaign}), ${w.date(c.startsOn)} – ${w.date(c.endsOn)}`,
  );
  const leads = content.leadsByCampaign.map((l) => {
    const label = l.utmCampaign === NO_CAMPAIGN ? w.noCampaign : l.utmCampaign;
    const name = l.campaignName ? ` (${l.campaignName})` : '';
    return `${label}${name}: ${w.tally(l.leads, l.won)}`;
  });
  const wait =
    content.oldestWaitingSeconds === null
      ? '—'
      : w.wait(Math.floor(content.oldestWaitingSeconds / 3600), Math.floor((content.oldestWaitingSeconds % 3600) / 60));
  const figures: Array<[string, string]> = [
    [w.open, String(content.openCases)],
    [w.unassigned, String(content.unassignedCases)],
    [w.oldestWait, wait],
  ];
  const textList = (items: string[]) => (items.length ? items.map((i) => `- ${i}`).join('\n') : `- ${w.none}`);
  const text = [
    `${w.title} — ${hotel.name} (${hotel.code}) — ${w.date(date)}`,
    '',
    `${w.newCampaigns}: ${content.newCampaigns.length}`,
    textList(campaigns),
    '',
    `${w.leads}:`,
    textList(leads),
    '',
    ...figures.map(([label, value]) => `${label}: ${value}`),
  ].join('\n');
  const htmlList = (items: string[]) =>
    `<ul>${(items.length ? items : [w.none]).map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
  const html = [
    `<h2>${escapeHtml(`${w.title} — ${hotel.name} (${hotel.code}) — ${w.date(date)}`)}</h2>`,
    `<h3>${escapeHtml(w.newCampaigns)}: ${content.newCampaigns.length}</h3>`,
    htmlList(campaigns),
    `<h3>${escapeHtml(w.leads)}</h3>`,
    htmlList(leads),
    `<table>${figures.map(([l, v]) => `<tr><th align="left">${escapeHtml(l)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>`,
  ].join('\n');
  return { subject, text, html };
}
