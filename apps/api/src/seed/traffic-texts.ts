import type { CampaignTheme } from './traffic-catalog';
import { DAY, HOTEL_UTC_OFFSET, Rng } from './traffic-random';
import { honorific, Person } from './traffic-people';

/** Turkish message texts of the demo: stays, prices and the sales conversation (reservation, quote, negotiation). */

export interface HotelVoice {
  code: string;
  name: string;
  currency: string;
  airport: string;
  rooms: readonly string[];
  familyRoom: string;
  suite: string;
  /** Nightly price range of a double room, all inclusive. */
  nightly: readonly [number, number];
}

export function hotelVoice(code: string, name: string, currency: string): HotelVoice {
  switch (code) {
    case 'BLK':
      return {
        code,
        name,
        currency,
        airport: 'Antalya Havalimanı',
        familyRoom: 'Aile odası',
        suite: 'Kral dairesi',
        rooms: ['Deniz manzaralı oda', 'Bahçe manzaralı oda', 'Junior suit'],
        nightly: [160, 340],
      };
    case 'SDE':
      return {
        code,
        name,
        currency,
        airport: 'Antalya Havalimanı',
        familyRoom: 'Aile odası',
        suite: 'Marina suit',
        rooms: ['Standart oda', 'Deniz manzaralı oda', 'Havuz manzaralı oda'],
        nightly: [6500, 14500],
      };
    default:
      return {
        code,
        name,
        currency,
        airport: 'Milas-Bodrum Havalimanı',
        familyRoom: 'Aile bungalovu',
        suite: 'Koy villası',
        rooms: ['Koy manzaralı oda', 'Bungalov', 'Junior suit'],
        nightly: [9000, 23000],
      };
  }
}

const MONTHS = [
  'Ocak',
  'Şubat',
  'Mart',
  'Nisan',
  'Mayıs',
  'Haziran',
  'Temmuz',
  'Ağustos',
  'Eylül',
  'Ekim',
  'Kasım',
  'Aralık',
];

export interface Stay {
  /** UTC instant of the hotel-local check-in day (00:00). */
  checkIn: number;
  nights: number;
  adults: number;
  children: number;
  childAges: number[];
}

/** A stay 2 weeks to 7 months after the message (further out for early-booking leads; honeymooners come as two). */
export function makeStay(rng: Rng, createdAt: number, theme: Theme): Stay {
  const ahead = theme === 'early' ? rng.int(120, 260) : rng.int(14, 200);
  const local = createdAt + HOTEL_UTC_OFFSET + ahead * DAY;
  const checkIn = local - (local % DAY) - HOTEL_UTC_OFFSET;
  const couple = theme === 'honeymoon' || theme === 'spa';
  const children = !couple && rng.chance(0.35) ? rng.int(1, 2) : 0;
  return {
    checkIn,
    nights: rng.pick([2, 3, 3, 4, 4, 5, 5, 6, 7, 7, 10]),
    adults: couple || rng.chance(0.85) ? 2 : rng.pick([1, 3, 4]),
    children,
    childAges: Array.from({ length: children }, () => rng.int(2, 12)),
  };
}

function parts(at: number): { day: number; month: string } {
  const d = new Date(at + HOTEL_UTC_OFFSET);
  return { day: d.getUTCDate(), month: MONTHS[d.getUTCMonth()] };
}

/** "12-16 Temmuz" or "29 Temmuz - 2 Ağustos". */
export function stayRange(stay: Stay): string {
  const a = parts(stay.checkIn);
  const b = parts(stay.checkIn + stay.nights * DAY);
  return a.month === b.month ? `${a.day}-${b.day} ${a.month}` : `${a.day} ${a.month} - ${b.day} ${b.month}`;
}

export function dayMonth(at: number): string {
  const p = parts(at);
  return `${p.day} ${p.month}`;
}

export function stayMonth(stay: Stay): string {
  return parts(stay.checkIn).month;
}

export function paxText(stay: Stay): string {
  if (stay.children === 0) {
    return `${stay.adults} kişi`;
  }
  return `${stay.adults} yetişkin ${stay.children} çocuk (${stay.childAges.join(' ve ')} yaş)`;
}

export function money(amount: number, currency: string): string {
  return currency === 'EUR' ? `${amount.toLocaleString('tr-TR')} EUR` : `${amount.toLocaleString('tr-TR')} TL`;
}

export interface Quote {
  room: string;
  total: number;
  text: string;
}

export function quoteFor(rng: Rng, hotel: HotelVoice, stay: Stay): Quote {
  const room = stay.children > 0 ? hotel.familyRoom : rng.pick(hotel.rooms);
  const step = hotel.currency === 'EUR' ? 10 : 500;
  const nightly = Math.round(rng.int(hotel.nightly[0], hotel.nightly[1]) / step) * step;
  const total = Math.round((nightly * stay.nights * (1 + stay.children * 0.3)) / step) * step;
  return { room, total, text: money(total, hotel.currency) };
}

/** The same room with `pct` % off (a negative pct is a premium, e.g. a suite). */
export function discounted(hotel: HotelVoice, quote: Quote, pct: number): Quote {
  const step = hotel.currency === 'EUR' ? 10 : 500;
  const total = Math.round((quote.total * (100 - pct)) / 100 / step) * step;
  return { room: quote.room, total, text: money(total, hotel.currency) };
}

const GREETINGS = ['Merhaba,', 'Merhabalar,', 'İyi akşamlar,', 'İyi günler,', 'Selamlar,', 'Merhaba 👋'];

/** What the guest writes about: a campaign's theme, or nothing in particular. */
export type Theme = CampaignTheme | 'plain';

export function reservationAsk(rng: Rng, stay: Stay, theme: Theme, hotel: HotelVoice): string {
  const g = rng.pick(GREETINGS);
  const range = stayRange(stay);
  const pax = paxText(stay);
  switch (theme) {
    case 'honeymoon':
      return rng.pick([
        `${g} ${range} tarihlerinde balayı için gelmek istiyoruz 💍 Balayı paketiniz var mı, fiyat alabilir miyiz?`,
        `${g} Eşimle balayı tatili planlıyoruz, ${range} arası ${stay.nights} gece. Balayı paketinde neler dahil?`,
      ]);
    case 'early':
      return `${g} Erken rezervasyon kampanyanızı gördük. ${range} arası ${pax} için indirimli fiyat alabilir miyiz?`;
    case 'spa':
      return `${g} Spa haftasonu paketiyle ilgileniyoruz. ${range}, ${pax}. Masaj paketi fiyata dahil mi?`;
    case 'holiday':
      return `${g} Bayram tatili için ${range} arası ${pax} yeriniz var mı? 4. gece bizden kampanyası hâlâ geçerli mi?`;
    case 'family':
      return `${g} Çocuklar ücretsiz kampanyası için yazıyorum. ${pax}, ${range}. Aile odanız müsait mi?`;
    case 'late_summer':
      return `${g} Yaz sonu fırsatından yararlanmak istiyoruz, ${range} arası ${pax}. Koy manzaralı oda olur mu?`;
    case 'plain':
      return rng.pick([
        `${g} ${range} tarihleri arasında ${pax} için müsait odanız var mı?`,
        `${g} ${stayMonth(stay)} ayında ${stay.nights} gece konaklamak istiyoruz, ${pax}. Giriş ${dayMonth(stay.checkIn)}. Fiyat alabilir miyim?`,
        `${g} ${range} için rezervasyon yapmak istiyorum, ${pax}. ${rng.pick(hotel.rooms)} olursa seviniriz.`,
        `${g} ${range} arası ${pax} için her şey dahil fiyat rica ediyorum.`,
      ]);
  }
}

export function quoteAsk(rng: Rng, stay: Stay): string {
  return rng.pick([
    'Fiyat alabilir miyim?',
    'Merhaba, fiyat bilgisi alabilir miyim? 🙏',
    `${stayMonth(stay)} ayında ${stay.nights} gece ${paxText(stay)} her şey dahil fiyatınız nedir?`,
    'Merhaba, haftasonu için 2 kişi gecelik fiyat ne kadar?',
    `Merhabalar, ${stayRange(stay)} için fiyat bilgisi rica ediyorum.`,
  ]);
}

export function askDetails(rng: Rng, guest: Person): string {
  return rng.pick([
    `Merhaba ${honorific(guest)}, ilginiz için teşekkürler 😊 Hangi tarihlerde ve kaç kişi konaklamayı düşünüyorsunuz?`,
    'Merhaba, hoş geldiniz! Size en doğru fiyatı verebilmemiz için giriş-çıkış tarihlerinizi ve kişi sayısını yazar mısınız?',
  ]);
}

export function giveDetails(rng: Rng, stay: Stay): string {
  return rng.pick([`${stayRange(stay)}, ${paxText(stay)}.`, `${stayRange(stay)} arası, ${paxText(stay)} olacağız.`]);
}

export function availabilityReply(rng: Rng, hotel: HotelVoice, guest: Person, stay: Stay, quote: Quote): string {
  return rng.pick([
    `Merhaba ${honorific(guest)}, ${hotel.name} olarak ilginiz için teşekkür ederiz. ${stayRange(stay)} tarihleri için ${quote.room} müsaitliğimiz var; ${stay.nights} gece her şey dahil toplam ${quote.text}.`,
    `Merhaba ${honorific(guest)}, ${stayRange(stay)} için ${quote.room} ayırabiliriz. ${stay.nights} gece her şey dahil konaklama ${quote.text}, havuz, plaj ve spa girişi dahildir.`,
  ]);
}

export function fullyBooked(rng: Rng, guest: Person, stay: Stay): string {
  const shifted = { ...stay, checkIn: stay.checkIn + rng.int(7, 21) * DAY };
  return `Merhaba ${honorific(guest)}, maalesef ${stayRange(stay)} tarihlerinde tüm odalarımız dolu. ${stayRange(shifted)} için müsaitliğimiz var, ister misiniz?`;
}

/** A question the guest asks after the first price, its answer, and the label it earns the case. */
export function followUp(rng: Rng, hotel: HotelVoice): { question: string; answer: string; label: string | null } {
  const transfer = money(hotel.currency === 'EUR' ? 45 : 1800, hotel.currency);
  return rng.pick([
    {
      question: 'Çocuk için ek ücret alıyor musunuz?',
      answer: '6 yaş altı çocuklarımız ücretsiz, 6–12 yaş arası %50 indirimli konaklıyor.',
      label: 'family',
    },
    {
      question: 'Havalimanı transferi dahil mi?',
      answer: `${hotel.airport}'ndan transfer ${transfer}; 5 gece ve üzeri konaklamalarda ücretsiz.`,
      label: 'transfer',
    },
    {
      question: 'Erken rezervasyon indirimi uygulanıyor mu?',
      answer: 'Evet, erken rezervasyon döneminde %20 indirim uygulanıyor; fiyatınızı buna göre güncelledik.',
      label: 'early_booking',
    },
    {
      question: 'Deniz manzaralı oda mümkün mü?',
      answer: 'Deniz manzaralı oda için küçük bir fark ile yükseltme yapabiliriz, müsaitlik var.',
      label: null,
    },
    {
      question: 'Ödemeyi taksitle yapabilir miyiz?',
      answer: 'Kredi kartına 6 taksit imkânımız var; kaparo toplam tutarın %30’u.',
      label: null,
    },
    {
      question: 'Küçük bir köpeğimiz var, evcil hayvan kabul ediyor musunuz?',
      answer: '10 kg altı evcil dostlarınızı bahçe katı odalarımızda ağırlayabiliyoruz.',
      label: null,
    },
    {
      question: 'Spa girişi fiyata dahil mi?',
      answer: 'Hamam, sauna ve kapalı havuz dahil; masajlarda konaklayan misafirlere %20 indirim var.',
      label: 'spa',
    },
    {
      question: 'Geç çıkış yapabilir miyiz? Uçağımız akşam.',
      answer: 'Müsaitliğe göre 16:00’ya kadar ücretsiz geç çıkış sağlayabiliyoruz.',
      label: null,
    },
  ]);
}

export function offerText(rng: Rng, guest: Person, stay: Stay, quote: Quote, pct: number): string {
  return rng.pick([
    `${honorific(guest)}, ${stay.nights} gece ${quote.room} için size özel %${pct} indirimle toplam ${quote.text} olarak teklifimizi iletiyoruz. Teklif 48 saat geçerlidir.`,
    `Rezervasyonunuzu ${quote.text} olarak opsiyonluyorum ${honorific(guest)}; yarın saat 18:00’e kadar onaylamanız yeterli.`,
  ]);
}

export function negotiation(rng: Rng): string {
  return rng.pick([
    'Biraz daha indirim yapabilir misiniz? Başka bir otelden daha uygun teklif var.',
    'Fiyat bizim için biraz yüksek, bir şey yapabilir misiniz?',
    `${rng.pick([5, 7])} gece kalırsak fiyat ne olur? Bir de oda yükseltmesi mümkün mü?`,
    'Eşimle konuşmam lazım, satış müdürünüzle telefonda görüşebilir miyiz?',
  ]);
}

export function leadOffer(rng: Rng, guest: Person, lead: string, quote: Quote, pct: number): string {
  return rng.pick([
    `Merhaba ${honorific(guest)}, ben ${lead}, satış ekibinden. Size özel ek %${pct} indirimle toplam ${quote.text} yapabiliyoruz; oda yükseltmesi de bizden.`,
    `${honorific(guest)} merhaba, ${lead} ben. Görüştüğümüz gibi toplam ${quote.text}, erken giriş ve geç çıkış ücretsiz. Teklif yarın akşama kadar geçerli.`,
  ]);
}

export function acceptance(rng: Rng): string {
  return rng.pick([
    'Tamam, onaylıyoruz 👍 Kaparoyu nasıl gönderebiliriz?',
    'Harika, rezervasyonu yapalım lütfen.',
    'Anlaştık, rezervasyonu oluşturabilirsiniz.',
    'Eşimle konuştum, onaylıyoruz. IBAN gönderir misiniz?',
    'Tamamdır, kaparoyu bugün gönderiyorum. 🙏',
  ]);
}

export function confirmation(rng: Rng, reservationNo: string): string {
  return rng.pick([
    `Rezervasyonunuz oluşturuldu 🎉 Rezervasyon numaranız ${reservationNo}. Kaparo için IBAN bilgilerini e-posta ile ilettik. Şimdiden iyi tatiller!`,
    `Teşekkür ederiz! ${reservationNo} numaralı rezervasyonunuz onaylandı, onay belgesi e-posta adresinize gönderildi.`,
  ]);
}

export type LostReason = 'price' | 'availability' | 'no_answer' | 'competitor' | 'dates_changed' | 'other';

export function lostMessage(rng: Rng, reason: LostReason): string {
  switch (reason) {
    case 'price':
      return rng.pick([
        'Fiyat bütçemizin biraz üzerinde kaldı, teşekkürler.',
        'Biraz pahalı geldi, şimdilik düşünmüyoruz.',
        'Maalesef bu fiyata gelemiyoruz.',
      ]);
    case 'competitor':
      return rng.pick([
        'Başka bir otelden daha uygun teklif aldık, teşekkürler.',
        'Arkadaşlarımız başka otelde kalacağı için oraya gidiyoruz, ilginiz için teşekkürler.',
      ]);
    case 'dates_changed':
      return rng.pick([
        'İzin tarihlerim değişti, şimdilik vazgeçiyoruz. Netleşince tekrar yazarım.',
        'Tarihlerimiz belirsizleşti, daha sonra döneceğiz.',
      ]);
    case 'availability':
      return 'O tarihler dışında izin alamıyoruz maalesef, teşekkürler.';
    case 'no_answer':
    case 'other':
      return 'Tatil planımız iptal oldu, teşekkürler.';
  }
}

export function lostReply(guest: Person): string {
  return `Anlayışınız için teşekkür ederiz ${honorific(guest)}; planlarınız değişirse her zaman buradayız.`;
}

export function chaseQuote(guest: Person): string {
  return `Merhaba ${honorific(guest)}, ilettiğimiz teklifle ilgili bir sorunuz var mı? Opsiyonunuz yarın sona eriyor.`;
}
