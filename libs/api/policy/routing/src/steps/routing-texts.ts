import { Locale } from '@baton/shared/contracts';
import { RequestContext } from '@baton/api/core';

/** The few hotel facts routing texts need; notices are written in the hotel's language, times on its clock. */
export interface HotelFacts {
  name: string;
  locale: Locale;
  timeZone: string;
}

export async function hotelFacts(ctx: RequestContext, hotelId: string): Promise<HotelFacts> {
  const [row]: Array<{ name: string; locale: string; timeZone: string }> = await ctx.tx.query(
    `SELECT name, locale, time_zone AS "timeZone" FROM hotel WHERE id = $1`,
    [hotelId],
  );
  return {
    name: row?.name ?? '',
    locale: row?.locale === Locale.En ? Locale.En : Locale.Tr,
    timeZone: row?.timeZone ?? 'Europe/Istanbul',
  };
}

/** Why a Consulted party is asked. */
export enum ConsultReason {
  Handoff = 'handoff',
  Complaint = 'complaint',
  Approval = 'approval',
  Breach = 'breach',
}

type Texts = Record<string, string>;

const EN: Texts = {
  handoffTitle: 'Handoff waiting: {number}',
  handoffBody: '{number} was handed off to {team} ({reason}). Open the case to accept it.',
  consultTitle: 'Your input is asked: {number}',
  [`consult.${ConsultReason.Handoff}`]: '{number} was handed off to {team} ({reason}).',
  [`consult.${ConsultReason.Complaint}`]: 'A new complaint came in: {number}.',
  [`consult.${ConsultReason.Approval}`]: 'Content is waiting for approval: {number} {title}.',
  [`consult.${ConsultReason.Breach}`]: 'The {metric} target of {number} was breached.',
  consultTail: ' You are consulted on "{step}": please add your view as a note.',
  'metric.first_response': 'first response',
  'metric.next_response': 'next response',
  'metric.handoff_to_sales': 'handoff to sales',
  'metric.resolution': 'resolution',
  'metric.approval': 'approval',
  pmsTitle: 'PMS entry: {number}',
  pmsBody: 'Booking won on case {number} ({guest}). Enter it into the PMS and close this task.',
};

const TR: Texts = {
  handoffTitle: 'Devir bekliyor: {number}',
  handoffBody: '{number}, {team} ekibine devredildi ({reason}). Üstlenmek için vakayı açın.',
  consultTitle: 'Görüşünüz isteniyor: {number}',
  [`consult.${ConsultReason.Handoff}`]: '{number}, {team} ekibine devredildi ({reason}).',
  [`consult.${ConsultReason.Complaint}`]: 'Yeni bir şikayet geldi: {number}.',
  [`consult.${ConsultReason.Approval}`]: 'Onay bekleyen içerik: {number} {title}.',
  [`consult.${ConsultReason.Breach}`]: '{number} için {metric} hedefi aşıldı.',
  consultTail: ' "{step}" adımında danışılan tarafsınız: görüşünüzü not olarak ekleyin.',
  'metric.first_response': 'ilk yanıt',
  'metric.next_response': 'sonraki yanıt',
  'metric.handoff_to_sales': 'satışa devir',
  'metric.resolution': 'çözüm',
  'metric.approval': 'onay',
  pmsTitle: "PMS'e giriş: {number}",
  pmsBody: "{number} numaralı vakada rezervasyon kazanıldı ({guest}). PMS'e girip bu görevi kapatın.",
};

/** A routing text in `locale` with `{name}` placeholders filled (unknown ones become empty). */
export function routingText(locale: Locale, key: string, values: Record<string, string | null | undefined>): string {
  const template = (locale === Locale.En ? EN : TR)[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}
