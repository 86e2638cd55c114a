import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { DEFAULT_DICTIONARY } from '@baton/api/domain/cases';
import { Channel } from '@baton/shared/contracts';
import { localDate, localMidnight, HOUR, MINUTE } from './traffic-random';
import { insertRows } from './traffic-sql';

/** The starter dictionary every hotel gets from the cases library (request types, labels, lost reasons, teams). */
export async function seedDictionary(client: Client, hotelId: string): Promise<void> {
  const rows = Object.entries(DEFAULT_DICTIONARY).flatMap(([kind, entries]) =>
    entries.map((e, i) => [hotelId, kind, e.code, e.labelTr, e.labelEn, (i + 1) * 10]),
  );
  await insertRows(client, 'hotel_dictionary', ['tenant_id', 'kind', 'code', 'label_tr', 'label_en', 'sort'], rows);
}

/** What a campaign's leads write about; picks the message texts of its web-form leads. */
export type CampaignTheme = 'early' | 'honeymoon' | 'spa' | 'holiday' | 'family' | 'late_summer';

export interface DemoCampaign {
  id: string;
  name: string;
  utmCampaign: string;
  /** Days from today (hotel time); negative = in the past. */
  startOffset: number;
  endOffset: number;
  offerText: string;
  channels: Channel[];
  theme: CampaignTheme;
}

type CampaignSpec = Omit<DemoCampaign, 'id'>;

function campaignSpecs(code: string, nextYear: number, currency: string): CampaignSpec[] {
  const price = (eur: number, tl: number): string =>
    currency === 'EUR' ? `${eur} EUR` : `${tl.toLocaleString('tr-TR')} TL`;
  const early: CampaignSpec = {
    name: `Erken Rezervasyon ${nextYear}`,
    utmCampaign: `erken-rezervasyon-${nextYear}`,
    startOffset: -30,
    endOffset: 75,
    offerText: `${nextYear} yaz sezonu için erken rezervasyonda %25 indirim, ücretsiz iptal ve 12 yaş altı ilk çocuk ücretsiz.`,
    channels: [Channel.WebForm, Channel.Instagram, Channel.WhatsApp],
    theme: 'early',
  };
  const honeymoon = (startOffset: number, endOffset: number): CampaignSpec => ({
    name: 'Balayı Paketi',
    utmCampaign: 'balayi-paketi',
    startOffset,
    endOffset,
    offerText: `Balayı çiftlerine oda yükseltme, odada şampanya ve 2 kişilik çift masajı hediye. 4 gece ve üzeri konaklamalarda geçerli.`,
    channels: [Channel.Instagram, Channel.WebForm, Channel.WhatsApp],
    theme: 'honeymoon',
  });
  const spa = (startOffset: number, endOffset: number): CampaignSpec => ({
    name: 'Kış Spa Haftasonu',
    utmCampaign: 'kis-spa-haftasonu',
    startOffset,
    endOffset,
    offerText: `2 gece konaklama, sınırsız spa kullanımı ve 50 dakikalık masaj; kişi başı ${price(149, 5900)}'den başlayan fiyatlarla.`,
    channels: [Channel.WebForm, Channel.Instagram, Channel.Messenger],
    theme: 'spa',
  });
  const holiday = (startOffset: number, endOffset: number): CampaignSpec => ({
    name: 'Ramazan Bayramı Tatili',
    utmCampaign: 'ramazan-bayrami',
    startOffset,
    endOffset,
    offerText: 'Bayram tatiline özel: 3 gece konaklamada 4. gece bizden, çocuk kulübü ve akşam eğlenceleri dahil.',
    channels: [Channel.WhatsApp, Channel.WebForm, Channel.Instagram],
    theme: 'holiday',
  });
  switch (code) {
    case 'BLK':
      return [early, honeymoon(-29, -9), spa(7, 45)];
    case 'SDE':
      return [
        early,
        holiday(-12, 16),
        {
          name: 'Çocuklar Ücretsiz',
          utmCampaign: 'cocuk-ucretsiz',
          startOffset: -28,
          endOffset: -6,
          offerText: 'Aile tatili: 12 yaş altı 2 çocuk ücretsiz, aile odalarında %15 indirim.',
          channels: [Channel.WebForm, Channel.Messenger, Channel.Instagram],
          theme: 'family',
        },
        spa(6, 40),
      ];
    default:
      return [
        honeymoon(-15, 30),
        {
          name: 'Yaz Sonu Fırsatı',
          utmCampaign: 'yaz-sonu-firsati',
          startOffset: -29,
          endOffset: -10,
          offerText: 'Eylül ve ekim konaklamalarında %30 indirim, koy manzaralı odalarda ücretsiz yükseltme.',
          channels: [Channel.Instagram, Channel.WebForm],
          theme: 'late_summer',
        },
        early,
        holiday(7, 21),
      ];
  }
}

/** 3–4 campaigns per hotel: one already over, one or two running today, one starting next week. */
export function demoCampaigns(code: string, currency: string, now: number): DemoCampaign[] {
  const nextYear = Number(localDate(now, 0).slice(0, 4)) + 1;
  return campaignSpecs(code, nextYear, currency).map((spec) => ({ ...spec, id: randomUUID() }));
}

export function campaignActiveOn(campaign: DemoCampaign, daysAgo: number): boolean {
  return -daysAgo >= campaign.startOffset && -daysAgo <= campaign.endOffset;
}

export async function seedCampaigns(
  client: Client,
  hotelId: string,
  campaigns: readonly DemoCampaign[],
  createdBy: string,
  now: number,
): Promise<Array<{ id: string; at: Date; after: object }>> {
  // Each brief is written a few days before it starts (within the hotel's 30 days, never today), at 10–11 a.m.
  const createdAt = (c: DemoCampaign): Date =>
    new Date(
      localMidnight(now, Math.min(29, Math.max(1, 3 - c.startOffset))) +
        10 * HOUR +
        (c.utmCampaign.length % 50) * MINUTE,
    );
  await insertRows(
    client,
    'campaign',
    [
      'tenant_id',
      'id',
      'name',
      'utm_campaign',
      'starts_on',
      'ends_on',
      'offer_text',
      'channels',
      'created_by',
      'created_at',
      'updated_at',
    ],
    campaigns.map((c) => [
      hotelId,
      c.id,
      c.name,
      c.utmCampaign,
      localDate(now, c.startOffset),
      localDate(now, c.endOffset),
      c.offerText,
      c.channels,
      createdBy,
      createdAt(c),
      createdAt(c),
    ]),
  );
  return campaigns.map((c) => ({
    id: c.id,
    at: createdAt(c),
    after: { name: c.name, utmCampaign: c.utmCampaign, startsOn: localDate(now, c.startOffset) },
  }));
}
