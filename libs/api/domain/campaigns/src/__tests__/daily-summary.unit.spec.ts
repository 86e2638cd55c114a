import { createTransport } from 'nodemailer';
import { decodeEncodedWords, startSmtpSink } from '@baton/api/testing';
import { isLocalDate } from '../dto/local-date.validators';
import { dailySummaryOptions, DAILY_SUMMARY_HOUR } from '../daily-summary.options';
import { DailySummaryContent, NO_CAMPAIGN } from '../entities/daily-summary.content';
import { renderDailySummaryMail } from '../services/daily-summary.mail';
import { isWithin, localClock } from '../services/hotel-clock';

const CONTENT: DailySummaryContent = {
  newCampaigns: [
    {
      id: '00000000-0000-4000-8000-000000000001',
      name: 'Kış <Erken> Rezervasyon',
      utmCampaign: 'kis-2026',
      startsOn: '2026-12-01',
      endsOn: '2027-02-28',
      offerText: '',
      channels: ['whatsapp'],
      createdAt: '2026-11-23T10:00:00.000Z',
      updatedAt: '2026-11-23T10:00:00.000Z',
    },
  ],
  leadsByCampaign: [
    { utmCampaign: 'kis-2026', campaignName: 'Kış <Erken> Rezervasyon', leads: 3, won: 1 },
    { utmCampaign: NO_CAMPAIGN, campaignName: null, leads: 1, won: 0 },
  ],
  openCases: 5,
  unassignedCases: 2,
  oldestWaitingSeconds: 3 * 3600 + 25 * 60 + 10,
};

describe('hotel clock (pure)', () => {
  it('reads the wall clock of the hotel time zone, across the date line and DST changes', () => {
    const at = new Date('2026-11-24T10:30:00Z');
    expect(localClock(at, 'Europe/Istanbul')).toEqual({ date: '2026-11-24', hour: 13, minute: 30 });
    expect(localClock(at, 'Pacific/Kiritimati')).toEqual({ date: '2026-11-25', hour: 0, minute: 30 });
    expect(localClock(at, 'Pacific/Pago_Pago')).toEqual({ date: '2026-11-23', hour: 23, minute: 30 });
    // Berlin leaves summer time on 2026-10-25 at 01:00 UTC: 00:30 UTC is 02:30 CEST, 01:30 UTC is 02:30 CET.
    expect(localClock(new Date('2026-10-25T00:30:00Z'), 'Europe/Berlin').hour).toBe(2);
    expect(localClock(new Date('2026-10-25T01:30:00Z'), 'Europe/Berlin').hour).toBe(2);
    expect(localClock(new Date('2026-10-25T22:00:00Z'), 'Europe/Berlin')).toEqual({
      date: '2026-10-25',
      hour: 23,
      minute: 0,
    });
  });

  it('tests inclusive day ranges', () => {
    expect(isWithin('2026-11-24', '2026-11-24', '2026-11-24')).toBe(true);
    expect(isWithin('2026-11-24', '2026-11-01', '2026-11-23')).toBe(false);
    expect(isWithin('2026-11-24', '2026-11-25', '2026-12-01')).toBe(false);
  });

  it('accepts only real YYYY-MM-DD days', () => {
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-13-01')).toBe(false);
    expect(isLocalDate('2026-1-01')).toBe(false);
    expect(isLocalDate('2026-11-24T00:00:00Z')).toBe(false);
    expect(isLocalDate(20261124)).toBe(false);
  });
});

describe('daily summary options', () => {
  it('defaults to the exported hour and validates DAILY_SUMMARY_HOUR', () => {
    expect(dailySummaryOptions({})).toEqual({ hour: DAILY_SUMMARY_HOUR });
    expect(dailySummaryOptions({ DAILY_SUMMARY_HOUR: '0' })).toEqual({ hour: 0 });
    expect(() => dailySummaryOptions({ DAILY_SUMMARY_HOUR: '24' })).toThrow(/DAILY_SUMMARY_HOUR/);
    expect(() => dailySummaryOptions({ DAILY_SUMMARY_HOUR: 'eight' })).toThrow(/DAILY_SUMMARY_HOUR/);
  });
});

describe('daily summary e-mail (pure)', () => {
  const hotel = { name: 'Hotel Alpha', code: 'BLK' };

  it('speaks Turkish for a tr hotel: subject with a dotted date, localized labels', () => {
    const mail = renderDailySummaryMail({ ...hotel, locale: 'tr' }, '2026-11-24', CONTENT);
    expect(mail.subject).toBe('Günlük özet — BLK — 24.11.2026');
    expect(mail.text).toContain('Yeni kampanyalar: 1');
    expect(mail.text).toContain('- kis-2026 (Kış <Erken> Rezervasyon): 3 talep, 1 kazanıldı');
    expect(mail.text).toContain('- (kampanyasız): 1 talep, 0 kazanıldı');
    expect(mail.text).toContain('Açık talepler: 5');
    expect(mail.text).toContain('Atanmamış talepler: 2');
    expect(mail.text).toContain('En uzun bekleme: 3 sa 25 dk');
  });

  it('speaks English otherwise, and escapes names in the HTML body', () => {
    const mail = renderDailySummaryMail({ ...hotel, locale: 'en' }, '2026-11-24', {
      ...CONTENT,
      newCampaigns: [],
      oldestWaitingSeconds: null,
    });
    expect(mail.subject).toBe('Daily summary — BLK — 2026-11-24');
    expect(mail.text).toContain('New campaigns: 0\n- none');
    expect(mail.text).toContain('- kis-2026 (Kış <Erken> Rezervasyon): 3 leads, 1 won');
    expect(mail.text).toContain('Longest wait: —');
    expect(mail.html).toContain('Kış &#60;Erken&#62; Rezervasyon');
    expect(mail.html).not.toContain('<Erken>');
  });
});

describe('SMTP sink', () => {
  it('decodes RFC 2047 words, B and Q, even with a character split across two words', () => {
    expect(decodeEncodedWords('=?UTF-8?Q?G=C3=BCnl=C3=BCk_=C3=B6zet?= — BLK')).toBe('Günlük özet — BLK');
    expect(decodeEncodedWords('=?UTF-8?B?xA==?=\r\n =?UTF-8?B?n8Sx?=')).toBe('ğı');
    expect(decodeEncodedWords('plain subject')).toBe('plain subject');
  });

  it('receives what nodemailer sends to its URL (no TLS options needed) and decodes UTF-8 subject and body', async () => {
    const sink = await startSmtpSink();
    const transport = createTransport(sink.url);
    try {
      const mail = renderDailySummaryMail({ name: 'Otel Çağlayan', code: 'CGL', locale: 'tr' }, '2026-11-24', CONTENT);
      await transport.sendMail({
        from: 'Baton <baton@localhost>',
        to: ['a@test.baton', 'b@test.baton'],
        subject: `${mail.subject} — ${'ğüşıöç İĞÜŞÖÇ '.repeat(6).trim()}`,
        text: mail.text,
        html: mail.html,
      });
      await sink.waitFor(1);
      const [message] = sink.messages;
      expect(message.from).toBe('baton@localhost');
      expect(message.to).toEqual(['a@test.baton', 'b@test.baton']);
      expect(message.subject).toBe(`Günlük özet — CGL — 24.11.2026 — ${'ğüşıöç İĞÜŞÖÇ '.repeat(6).trim()}`);
      expect(message.text).toBe(mail.text);
      await expect(sink.waitFor(2, 50)).rejects.toThrow(/expected 2 message/);
    } finally {
      transport.close();
      await sink.close();
    }
  });
});
