import { ChannelProvider, MessageContentType, MessageDirection } from '@baton/shared/contracts';
import type { InboundPayload } from '@baton/api/domain/intake';
import { contactLine, planMessages } from '../inbound/inbound-mapping';

const call = (outcome: 'answered' | 'missed' | 'abandoned' | 'voicemail', direction: 'in' | 'out' = 'in') =>
  ({
    raw: {},
    contact: { phone: '+905321234567' },
    call: { direction, startedAt: '2026-11-20T10:00:00Z', durationSeconds: 0, outcome, agent: 'Ayşe' },
  }) satisfies InboundPayload;

describe('what an inbound event becomes on a case', () => {
  it('a missed call is one inbound call message: a lead waiting for a call back', () => {
    const plans = planMessages(ChannelProvider.Pbx, 'call-1', call('missed'));
    expect(plans).toEqual([
      expect.objectContaining({
        channel: 'phone',
        direction: MessageDirection.Inbound,
        providerMessageId: 'call-1',
        contentType: MessageContentType.Call,
        body: 'Missed call',
      }),
    ]);
  });

  it('an answered inbound call is the guest contact and the hotel response', () => {
    const plans = planMessages(ChannelProvider.Pbx, 'call-2', call('answered'));
    expect(plans.map((p) => [p.direction, p.providerMessageId])).toEqual([
      [MessageDirection.Inbound, 'call-2'],
      [MessageDirection.Outbound, 'call-2:answer'],
    ]);
    expect(plans[1].body).toBe('Answered by Ayşe');
  });

  it('an outbound call is a hotel response only', () => {
    const plans = planMessages(ChannelProvider.Pbx, 'call-3', call('answered', 'out'));
    expect(plans).toHaveLength(1);
    expect(plans[0].direction).toBe(MessageDirection.Outbound);
  });

  it('a web form carries the request text, dates and UTM, and is a reservation request when it has dates', () => {
    const payload: InboundPayload = {
      raw: {},
      contact: { displayName: 'Ayşe Yılmaz', email: 'ayse@example.com' },
      form: { requestText: 'Balayı için 3 gece', checkIn: '2027-05-01', checkOut: '2027-05-04', adults: 2 },
      utm: { source: 'instagram', campaign: 'balayi-paketi' },
    };
    const [plan] = planMessages(ChannelProvider.WebForm, 'form-1', payload);
    expect(plan).toMatchObject({
      channel: 'webform',
      contentType: MessageContentType.Form,
      body: 'Balayı için 3 gece',
      requestText: 'Balayı için 3 gece',
      requestType: 'reservation',
    });
    expect(plan.attachment).toMatchObject({ checkIn: '2027-05-01', utm: { campaign: 'balayi-paketi' } });
    expect(contactLine(payload)).toBe('ayse@example.com');
  });

  it('an OTA message keeps subject and reservation reference and is typed ota', () => {
    const payload: InboundPayload = {
      raw: {},
      contact: { displayName: 'John Smith', email: 'guest@booking.example' },
      message: { contentType: MessageContentType.Email, body: 'Late check-in please' },
      subject: 'Reservation 12345',
      otaReference: 'BK-12345',
    };
    const [plan] = planMessages(ChannelProvider.Ota, 'ota-1', payload);
    expect(plan).toMatchObject({ channel: 'ota', requestType: 'ota' });
    expect(plan.attachment).toMatchObject({ subject: 'Reservation 12345', otaReference: 'BK-12345' });
  });

  it('a WhatsApp image is kept with its attachment and is not request text', () => {
    const payload: InboundPayload = {
      raw: {},
      contact: { whatsappId: '905321234567' },
      message: { contentType: MessageContentType.Image, body: 'oda', attachment: { mediaId: 'm1' } },
    };
    const [plan] = planMessages(ChannelProvider.WhatsApp, 'wamid.1', payload);
    expect(plan).toMatchObject({ channel: 'whatsapp', contentType: 'image', attachment: { mediaId: 'm1' } });
    expect(plan.requestText).toBeNull();
    expect(contactLine(payload)).toBe('+905321234567');
  });
});
