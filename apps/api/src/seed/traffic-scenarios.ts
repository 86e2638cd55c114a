import { CasePriority, CaseStatus, Channel, HandoffReason } from '@baton/shared/contracts';
import { Conversation, ConversationInput } from './traffic-conversation';
import type { CaseFields, Step } from './traffic-play';
import * as care from './traffic-texts-care';
import * as sales from './traffic-texts';
import { HotelVoice, LostReason, Theme } from './traffic-texts';

export type RequestType = 'reservation' | 'quote' | 'group' | 'support' | 'complaint' | 'cancellation' | 'vip' | 'ota';

export interface ScenarioInput extends ConversationInput {
  hotel: HotelVoice;
  requestType: RequestType;
  theme: Theme;
  leadName: string;
  gmName: string;
  repeat: boolean;
}

/** What a case will go through: its steps (played later against the clock) and what the agents file it as. */
export interface Scenario {
  requestType: RequestType | null;
  priority: CasePriority;
  steps: Step[];
  initial: CaseFields;
}

type Ending = 'won' | 'stale' | Exclude<LostReason, 'availability'>;

const THEME_LABEL: Partial<Record<Theme, string>> = {
  honeymoon: 'honeymoon',
  early: 'early_booking',
  spa: 'spa',
  family: 'family',
};

export function buildScenario(input: ScenarioInput): Scenario {
  const c = new Conversation(input);
  const { rng } = input;
  let priority: CasePriority;
  switch (input.requestType) {
    case 'reservation':
    case 'quote':
      saleFlow(c, input);
      priority = CasePriority.P3;
      break;
    case 'group':
      groupFlow(c, input);
      priority = CasePriority.P2;
      break;
    case 'vip':
      vipFlow(c, input);
      priority = CasePriority.P1;
      break;
    case 'support':
      supportFlow(c, input);
      priority = rng.chance(0.5) ? CasePriority.P4 : CasePriority.P3;
      break;
    case 'complaint':
      complaintFlow(c, input);
      priority = rng.chance(0.4) ? CasePriority.P1 : CasePriority.P2;
      break;
    case 'cancellation':
      cancellationFlow(c, input);
      priority = CasePriority.P2;
      break;
    case 'ota':
      otaFlow(c, input);
      priority = rng.chance(0.7) ? CasePriority.P3 : CasePriority.P4;
      break;
  }
  // What the first agent files the case under when picking it up.
  const family = input.stay.children > 0 && ['reservation', 'quote'].includes(input.requestType);
  c.tagOnPickUp(THEME_LABEL[input.theme], family ? 'family' : undefined, input.repeat ? 'repeat_guest' : undefined);
  return {
    requestType: c.unknownType ? null : input.requestType,
    priority: c.unknownType ? CasePriority.P3 : priority,
    steps: c.steps,
    initial: c.initial,
  };
}

function pickEnding(input: ScenarioInput, weights: Partial<Record<Ending, number>>): Ending {
  return input.rng.weighted(weights as Record<Ending, number>);
}

/** Ends a quoted sale: booked, lost (with the guest's reason), chased without answer, or still open. */
function closeSale(c: Conversation, input: ScenarioInput, ending: Ending, by?: 'lead'): void {
  const { rng, guest } = input;
  switch (ending) {
    case 'won':
      c.guest(sales.acceptance(rng), rng.chance(0.6) ? 'late' : 'guest');
      c.hotel(sales.confirmation(rng, `${input.hotel.code}-R${rng.digits(6)}`), by);
      c.status(CaseStatus.Won, { by });
      return;
    case 'no_answer':
      c.chase(sales.chaseQuote(guest), by);
      c.status(CaseStatus.Lost, { by, lostReason: 'no_answer', gap: 'days' });
      return;
    case 'stale':
      return;
    default:
      c.guest(sales.lostMessage(rng, ending), rng.chance(0.6) ? 'late' : 'guest');
      c.hotel(sales.lostReply(guest), by);
      c.status(CaseStatus.Lost, { by, lostReason: ending });
  }
}

function saleFlow(c: Conversation, input: ScenarioInput): void {
  const { rng, guest, stay, hotel } = input;
  const short = input.requestType === 'quote' && input.theme === 'plain' && rng.chance(0.6);
  const ask =
    input.requestType === 'quote' && input.theme === 'plain'
      ? sales.quoteAsk(rng, stay)
      : sales.reservationAsk(rng, stay, input.theme, hotel);
  const subject = `Rezervasyon talebi — ${sales.stayRange(stay)}`;
  if (
    !c.open(
      input.channel === Channel.Email ? care.emailWrap(guest, ask) : ask,
      care.phoneSummary('reservation', stay, ''),
      subject,
    )
  ) {
    return;
  }
  if (short) {
    c.hotel(sales.askDetails(rng, guest));
    c.guest(sales.giveDetails(rng, stay), 'quick');
  }
  if (rng.chance(0.08)) {
    c.hotel(sales.fullyBooked(rng, guest, stay));
    c.guest(sales.lostMessage(rng, 'availability'));
    c.status(CaseStatus.Lost, { lostReason: 'availability' });
    return;
  }
  const quote = sales.quoteFor(rng, hotel, stay);
  c.hotel(sales.availabilityReply(rng, hotel, guest, stay, quote));
  c.afterFirstReply();
  const extra = sales.followUp(rng, hotel);
  c.guest(extra.question);
  c.status(CaseStatus.InProgress);
  c.hotel(extra.answer);
  c.tag(extra.label);
  if (rng.chance(0.12)) {
    c.note(rng.pick(care.CASE_NOTES));
  }
  const ending = pickEnding(input, {
    won: 40,
    price: 14,
    competitor: 8,
    dates_changed: 6,
    other: 3,
    no_answer: 14,
    stale: 5,
  });
  if (rng.chance(0.14)) {
    // Two rounds and still no decision: sales or reservations take over with a better offer.
    c.guest(sales.negotiation(rng));
    const twoRounds = rng.chance(0.7);
    c.handoff(
      twoRounds ? HandoffReason.TwoRoundsUnresolved : HandoffReason.Manual,
      rng.chance(0.6) ? 'sales' : 'reservations',
      twoRounds
        ? 'Misafir iki turdur karar veremedi, indirim istiyor; teklif yetkisi satışta.'
        : 'Misafir satış müdürüyle görüşmek istedi.',
      'lead',
      rng.chance(0.3) ? Channel.Phone : undefined,
    );
    c.accept();
    const pct = rng.pick([10, 12, 15]);
    c.hotel(sales.leadOffer(rng, guest, input.leadName, sales.discounted(hotel, quote, pct), pct), 'lead');
    c.status(CaseStatus.Quoted, { by: 'lead' });
    closeSale(c, input, ending, 'lead');
    return;
  }
  const pct = rng.pick([5, 10, 15]);
  c.hotel(sales.offerText(rng, guest, stay, sales.discounted(hotel, quote, pct), pct), undefined, 'quick');
  c.status(CaseStatus.Quoted);
  closeSale(c, input, ending);
}

function supportFlow(c: Conversation, input: ScenarioInput): void {
  const { rng, hotel, guest } = input;
  const first = care.supportExchange(rng, hotel);
  const text = input.channel === Channel.Email ? care.emailWrap(guest, first.question) : first.question;
  if (!c.open(text, care.phoneSummary('support', input.stay, first.question), 'Bilgi talebi')) {
    return;
  }
  c.hotel(first.answer);
  c.tag(first.label);
  if (rng.chance(0.25)) {
    const second = care.supportExchange(rng, hotel);
    c.guest(second.question, 'quick');
    c.hotel(second.answer);
  }
  // A thank-you is closed at once; otherwise the agent waits a while for a follow-up question first.
  const thanked = rng.chance(0.55);
  if (thanked) {
    c.guest(care.thanks(rng), 'quick');
  }
  c.status(CaseStatus.Closed, { gap: !thanked && rng.chance(0.4) ? 'late' : undefined });
}

function complaintFlow(c: Conversation, input: ScenarioInput): void {
  const { rng, guest } = input;
  const complaint = care.complaintText(rng);
  const text = input.channel === Channel.Email ? care.emailWrap(guest, complaint.text) : complaint.text;
  if (!c.open(text, care.phoneSummary('complaint', input.stay, complaint.text), 'Şikayet')) {
    return;
  }
  c.hotel(care.apology(rng, guest), undefined, 'quick');
  c.status(CaseStatus.InProgress);
  c.handoff(
    HandoffReason.CancellationOrCrisis,
    'reservations',
    'Misafir çok rahatsız; ön büro müdürü hemen ilgilenmeli.',
  );
  c.accept();
  c.hotel(complaint.resolution, 'lead', 'reply');
  c.guest(care.complaintThanks(rng));
  c.status(CaseStatus.Closed, { by: 'lead' });
}

function cancellationFlow(c: Conversation, input: ScenarioInput): void {
  const { rng, guest, hotel, stay } = input;
  const ref = `${hotel.code}-R${rng.digits(6)}`;
  const ask = care.cancellationText(rng, ref, stay);
  if (
    !c.open(
      input.channel === Channel.Email ? care.emailWrap(guest, ask) : ask,
      care.phoneSummary('cancellation', stay, ref),
      'İptal talebi',
    )
  ) {
    return;
  }
  c.hotel(care.cancellationAck(guest));
  c.handoff(
    HandoffReason.CancellationOrCrisis,
    'reservations',
    `İptal talebi, rezervasyon ${ref}; iade koşulları kontrol edilecek.`,
  );
  c.accept();
  if (rng.chance(0.3)) {
    c.hotel(care.dateChangeOffer(), 'lead');
    c.guest(care.dateChangeAccepted(rng));
    c.hotel(`Rezervasyonunuzu güncelledik, yeni onay belgeniz e-posta adresinizde. İyi tatiller!`, 'lead');
    c.status(CaseStatus.Won, { by: 'lead', reason: 'Tarih değişikliği ile kurtarıldı' });
    return;
  }
  c.hotel(care.cancellationDone(ref), 'lead', rng.chance(0.4) ? 'late' : 'reply');
  c.status(CaseStatus.Closed, { by: 'lead' });
}

function groupFlow(c: Conversation, input: ScenarioInput): void {
  const { rng, guest, stay, hotel } = input;
  const size = rng.pick([20, 25, 30, 40, 45, 60, 80, 120]);
  const { text: ask, label } = care.groupAsk(rng, stay, size);
  c.tag(label);
  if (
    !c.open(
      input.channel === Channel.Email ? care.emailWrap(guest, ask) : ask,
      `Telefonda grup talebi: ${ask}`,
      'Grup konaklama teklifi',
    )
  ) {
    return;
  }
  c.hotel(care.groupAck(guest));
  c.handoff(
    HandoffReason.GroupOrVip,
    'sales',
    `${size} kişilik grup; teklif satıştan çıkmalı.`,
    'lead',
    rng.chance(0.5) ? Channel.Email : Channel.Phone,
  );
  c.accept();
  if (rng.chance(0.5)) {
    c.note('Grup teklifi hazırlanıyor, GM onayı bekleniyor.', 'lead');
  }
  c.hotel(care.groupWorking(guest, input.leadName), 'lead');
  if (rng.chance(0.12)) {
    // Sales took it and never sent the offer: an ageing handoff the dashboard should flag.
    return;
  }
  const perPerson = sales.money(hotel.currency === 'EUR' ? rng.int(9, 16) * 10 : rng.int(30, 70) * 100, hotel.currency);
  // A group offer (rooms, hall, menu) takes sales a few days.
  c.hotel(care.groupOffer(guest, input.leadName, size, perPerson), 'lead', 'days');
  c.status(CaseStatus.Quoted, { by: 'lead' });
  const ending = pickEnding(input, { won: 40, price: 20, competitor: 15, no_answer: 10, stale: 15 });
  if (ending === 'won') {
    c.guest(care.groupAccept(rng), 'late');
    c.hotel('Sözleşmeyi e-posta ile gönderdik, imzalı kopyayı bekliyoruz. Teşekkür ederiz!', 'lead');
    c.status(CaseStatus.Won, { by: 'lead' });
    return;
  }
  closeSale(c, input, ending, 'lead');
}

function vipFlow(c: Conversation, input: ScenarioInput): void {
  const { rng, guest, stay, hotel } = input;
  const ask = care.vipAsk(rng, hotel, stay);
  if (
    !c.open(
      input.channel === Channel.Email ? care.emailWrap(guest, ask) : ask,
      `Telefonda VIP talep: ${ask}`,
      'VIP konaklama',
    )
  ) {
    return;
  }
  c.hotel(care.vipAck(guest), undefined, 'quick');
  c.tag('transfer');
  c.handoff(HandoffReason.GroupOrVip, 'sales', 'VIP misafir; genel müdür kişisel olarak ilgilenecek.', 'gm');
  c.accept();
  // A suite costs about 2.5 times a double room.
  const suite = sales.discounted(hotel, sales.quoteFor(rng, hotel, { ...stay, children: 0 }), -150);
  c.hotel(care.vipOffer(guest, input.gmName, hotel, stay, suite), 'lead');
  c.status(CaseStatus.Quoted, { by: 'lead' });
  closeSale(c, input, pickEnding(input, { won: 70, competitor: 10, price: 10, stale: 10 }), 'lead');
}

function otaFlow(c: Conversation, input: ScenarioInput): void {
  const { rng, guest } = input;
  const ota = input.otaReference?.startsWith('72') && input.otaReference.length === 13 ? 'expedia' : 'booking';
  const message = care.otaMessage(rng, ota, input.otaReference ?? '');
  c.open(message.text, message.text, message.subject);
  c.hotel(care.otaReply(rng, guest));
  const thanked = rng.chance(0.3);
  if (thanked) {
    c.guest(care.thanks(rng), 'quick');
  }
  c.status(CaseStatus.Closed, { gap: !thanked && rng.chance(0.4) ? 'late' : undefined });
}
