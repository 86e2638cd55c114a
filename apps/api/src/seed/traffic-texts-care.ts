import { Channel } from '@baton/shared/contracts';
import type { Rng } from './traffic-random';
import { fullName, honorific, localPhone, Person } from './traffic-people';
import { HotelVoice, money, paxText, Quote, Stay, stayMonth, stayRange } from './traffic-texts';

/** Turkish texts for everything that is not a plain sale: questions, complaints, cancellations, groups, VIP, OTA. */

export function supportExchange(
  rng: Rng,
  hotel: HotelVoice,
): { question: string; answer: string; label: string | null } {
  const transfer = money(hotel.currency === 'EUR' ? 45 : 1800, hotel.currency);
  return rng.pick([
    {
      question: 'Havalimanından otele transferiniz var mı?',
      answer: `Evet, ${hotel.airport}'ndan özel transferimiz var; araç başı ${transfer}. Uçuş bilgilerinizi iletmeniz yeterli.`,
      label: 'transfer',
    },
    {
      question: 'Spa merkeziniz kaç saate kadar açık? Masaj için randevu gerekiyor mu?',
      answer: 'Spa merkezimiz her gün 09:00–21:00 arası açık; masaj için bir gün önceden randevu almanızı öneririz.',
      label: 'spa',
    },
    {
      question: 'Otoparkınız ücretli mi?',
      answer: 'Otoparkımız konaklayan misafirlerimiz için ücretsizdir.',
      label: null,
    },
    {
      question: 'Giriş saati kaçta? Sabah erken varıyoruz.',
      answer:
        'Giriş saatimiz 14:00, çıkış 12:00. Erken gelirseniz bavullarınızı bırakıp havuz ve restoranları kullanabilirsiniz.',
      label: null,
    },
    {
      question: 'Alakart restoran için rezervasyon gerekiyor mu?',
      answer: 'Evet, konaklamanız süresince bir kez ücretsiz alakart hakkınız var; resepsiyondan ayarlayabilirsiniz.',
      label: null,
    },
    {
      question: 'Glutensiz menünüz var mı? Kızım çölyak hastası.',
      answer: 'Mutfağımız glutensiz menü hazırlıyor; girişte restoran şefimize bilgi vermeniz yeterli.',
      label: 'family',
    },
    {
      question: 'Tekerlekli sandalyeye uygun odanız var mı?',
      answer: 'Evet, tekerlekli sandalye erişimine uygun dört odamız var; rezervasyonda belirtmeniz yeterli.',
      label: null,
    },
    {
      question: 'Fatura şirket adına kesilebilir mi?',
      answer: 'Elbette, şirket unvanı ve vergi numarasını iletmeniz yeterli.',
      label: null,
    },
  ]);
}

export function thanks(rng: Rng): string {
  return rng.pick([
    'Çok teşekkürler 🙏',
    'Teşekkür ederim, iyi çalışmalar.',
    'Tamamdır, teşekkürler.',
    'Süpersiniz, teşekkürler!',
  ]);
}

export function complaintText(rng: Rng): { text: string; resolution: string } {
  const room = `${rng.int(1, 4)}${rng.int(0, 3)}${rng.int(1, 9)}`;
  return rng.pick([
    {
      text: `Oda çok gürültülü, gece boyunca müzik sesinden uyuyamadık. ${room} numaralı odadayız, oda değişikliği istiyoruz.`,
      resolution:
        'Odanızı sessiz bloktaki deniz manzaralı bir odaya taşıdık; bu akşam alakart restoranımızda yemeğiniz ikramımızdır.',
    },
    {
      text: `Klima çalışmıyor, iki kez resepsiyona söyledik ama kimse gelmedi. Oda ${room}.`,
      resolution: 'Teknik ekibimiz klimayı onardı; yaşattığımız rahatsızlık için minibarınız ikramımızdır.',
    },
    {
      text: 'Odada temizlik yapılmamış, havlular değiştirilmemiş. Bu fiyata hiç yakışmıyor.',
      resolution:
        'Kat hizmetleri şefimiz odanızı hemen yeniletti; kusura bakmayın, akşam için spa’da ücretsiz masaj ayırdık.',
    },
    {
      text: 'Restoranda 40 dakika masa bekledik, personel çok ilgisizdi. Çok kötü bir deneyimdi.',
      resolution:
        'Restoran müdürümüz ekibiyle konuştu; bu akşam için balık restoranımızda masanız hazır, ikramımızdır.',
    },
    {
      text: 'Rezervasyonda deniz manzaralı oda yazıyor ama bize otopark manzaralı oda verildi.',
      resolution: 'Yarın sabah deniz manzaralı odanıza geçişinizi ayarladık, bavullarınızı ekibimiz taşıyacak.',
    },
    {
      text: 'Geçen hafta konakladık, çıkışta kartımızdan iki kez ücret çekilmiş. İadesini istiyorum.',
      resolution:
        'Fazla çekilen tutarın iadesi bugün yapıldı, 3 iş günü içinde hesabınıza geçecektir. Tekrar özür dileriz.',
    },
  ]);
}

export function apology(rng: Rng, guest: Person): string {
  return rng.pick([
    `Yaşadığınız olumsuzluk için çok özür dileriz ${honorific(guest)}. Konuyu hemen ön büro müdürümüze iletiyorum, kısa süre içinde dönüş yapılacak.`,
    `${honorific(guest)}, çok üzgünüz. Oda numaranızı ve adınızı aldım; yetkili arkadaşımız hemen sizinle ilgilenecek.`,
  ]);
}

export function complaintThanks(rng: Rng): string {
  return rng.pick([
    'İlginiz için teşekkür ederiz, şimdi her şey yolunda.',
    'Teşekkürler, hızlı çözdünüz.',
    'Tamam, teşekkür ederiz.',
  ]);
}

export function cancellationText(rng: Rng, ref: string, stay: Stay): string {
  return rng.pick([
    `Rezervasyonumu iptal etmek istiyorum. Rezervasyon no: ${ref}.`,
    `Maalesef ailevi bir sebeple gelemeyeceğiz. ${ref} numaralı rezervasyonumu iptal etmek istiyorum, kaparo iadesi mümkün mü?`,
    `Merhaba, ${stayRange(stay)} tarihli rezervasyonumuzu (${ref}) iptal etmemiz gerekiyor, ne yapmamız lazım?`,
  ]);
}

export function cancellationAck(guest: Person): string {
  return `Merhaba ${honorific(guest)}, talebinizi aldık; rezervasyon ekibimiz iptal koşullarını kontrol edip size dönecek.`;
}

export function cancellationDone(ref: string): string {
  return `${ref} numaralı rezervasyonunuz iptal edildi. Kaparo iadeniz 7 iş günü içinde kartınıza yansıyacaktır.`;
}

export function dateChangeOffer(): string {
  return 'İptal yerine tarihinizi ücretsiz değiştirebiliriz, kaparonuz geçerli kalır. Eylül veya ekim uygun olur mu?';
}

export function dateChangeAccepted(rng: Rng): string {
  return rng.pick([
    'O zaman eylülün ilk haftasına alalım, teşekkürler.',
    'Ekim ortası olur, lütfen tarihleri güncelleyin.',
  ]);
}

/** A group request and the label it earns (wedding, business trip, or none). */
export function groupAsk(rng: Rng, stay: Stay, size: number): { text: string; label: string | null } {
  return rng.pick([
    {
      text: `Merhaba, ${stayMonth(stay)} ayında ${size} kişilik düğün organizasyonu için otelinizi düşünüyoruz. Konaklama ve düğün yemeği için teklif alabilir miyiz?`,
      label: 'wedding',
    },
    {
      text: `Şirketimiz için ${size} kişilik 3 günlük toplantı ve konaklama planlıyoruz, ${stayRange(stay)}. Toplantı salonunuz var mı?`,
      label: 'business',
    },
    {
      text: `Mezuniyet gezisi için ${size} kişilik bir grubuz, ${stayRange(stay)}. Grup fiyatınız nedir?`,
      label: null,
    },
    {
      text: `Emekli öğretmenler derneği olarak ${size} kişi ${stayRange(stay)} arası gelmek istiyoruz, grup indirimi var mı?`,
      label: null,
    },
  ]);
}

export function groupAck(guest: Person): string {
  return `İlginiz için teşekkürler ${honorific(guest)}. Grup taleplerini satış ekibimiz özel olarak hazırlıyor; bilgilerinizi ilettim, en kısa sürede size dönecekler.`;
}

export function groupWorking(guest: Person, lead: string): string {
  return `Merhaba ${honorific(guest)}, ben ${lead}, satış ekibinden. Talebinizi aldım; oda, salon ve menü seçenekleriyle teklifinizi hazırlayıp birkaç gün içinde ileteceğim.`;
}

export function groupOffer(guest: Person, lead: string, size: number, perPerson: string): string {
  return `Merhaba ${honorific(guest)}, ben ${lead}. ${size} kişilik grubunuz için teklifimizi hazırladık: kişi başı gecelik ${perPerson}, toplantı/organizasyon salonu ve ikramlar dahil. Detaylı teklif e-posta adresinizde.`;
}

export function groupAccept(rng: Rng): string {
  return rng.pick([
    'Teklifinizi yönetimle paylaştık, onaylıyoruz. Sözleşmeyi gönderebilir misiniz?',
    'Gelin ve damat tarafı onayladı, sözleşmeyi bekliyoruz.',
  ]);
}

export function vipAsk(rng: Rng, hotel: HotelVoice, stay: Stay): string {
  return rng.pick([
    `Merhaba, ${stayRange(stay)} arası ${hotel.suite} için müsaitlik soruyorum. Havalimanından VIP transfer ve odada özel karşılama rica ediyoruz.`,
    `Yıllardır misafirinizim, bu yaz ailecek ${stay.nights} gece geleceğiz (${paxText(stay)}). Genel müdürünüzle görüşmek istiyorum.`,
    `Özel yat turu ve ${hotel.suite} konaklaması için bilgi almak istiyorum, ${stayRange(stay)}, ${paxText(stay)}.`,
  ]);
}

export function vipAck(guest: Person): string {
  return `Merhaba ${honorific(guest)}, talebinizle hemen ilgileniyoruz; genel müdürümüz sizinle kişisel olarak iletişime geçecek.`;
}

export function vipOffer(guest: Person, gm: string, hotel: HotelVoice, stay: Stay, quote: Quote): string {
  return `${honorific(guest)}, ben ${gm}, genel müdür. ${stayRange(stay)} için ${hotel.suite} sizin için ayrıldı; VIP transferiniz ve karşılama ikramlarımız bizden. Toplam ${quote.text}.`;
}

export type Ota = 'booking' | 'expedia';

export function otaReference(rng: Rng, ota: Ota): string {
  return ota === 'booking' ? rng.digits(10) : `72${rng.digits(11)}`;
}

export function otaMessage(rng: Rng, ota: Ota, ref: string): { subject: string; text: string } {
  const label = ota === 'booking' ? 'Booking.com' : 'Expedia';
  const text = rng.pick([
    `${label} rezervasyonu ${ref}: Geç giriş yapacağız, gece 01:00 civarı otelde oluruz.`,
    `${label} ${ref} — Bebek yatağı rica ediyoruz, 8 aylık bebeğimiz var.`,
    `${label} ${ref}: Rezervasyonda kahvaltı görünmüyor, her şey dahile yükseltebilir miyiz?`,
    `${label} ${ref}: Havalimanı transferi ekleyebilir misiniz? Uçuşumuz TK2412, saat 14:35.`,
    `${label} ${ref}: Yıldönümümüz için odaya küçük bir pasta sürprizi yapılabilir mi?`,
    `${label} ${ref}: Rezervasyonumu bir gün uzatmak istiyorum, mümkün mü?`,
  ]);
  return { subject: `${label}: misafir mesajı — rezervasyon ${ref}`, text };
}

export function otaReply(rng: Rng, guest: Person): string {
  return rng.pick([
    `Merhaba ${honorific(guest)}, notunuzu rezervasyonunuza ekledik. İyi yolculuklar, görüşmek üzere!`,
    `Sayın ${fullName(guest)}, talebiniz ön büromuza iletildi ve onaylandı. Sizi ağırlamak için sabırsızlanıyoruz.`,
  ]);
}

export function askPhone(): string {
  return 'Size daha hızlı yardımcı olabilmemiz için telefon numaranızı paylaşır mısınız?';
}

export function givePhone(rng: Rng, guest: Person): string {
  return rng.pick([
    localPhone(guest.phone),
    `Tabii, ${localPhone(guest.phone)}`,
    `${localPhone(guest.phone)} – ${fullName(guest)}`,
  ]);
}

export function moveToWhatsApp(): string {
  return 'Detaylı teklifi WhatsApp üzerinden iletebilir miyiz? Numaranıza yazıyoruz 😊';
}

export function whatsAppHello(guest: Person, from: Channel): string {
  switch (from) {
    case Channel.Instagram:
      return `Merhaba, Instagram'dan yazmıştım, ben ${fullName(guest)}.`;
    case Channel.Messenger:
      return `Merhaba, Facebook'tan yazmıştım, ben ${fullName(guest)}.`;
    default:
      return `Merhaba, telefonda görüşmüştük, ben ${fullName(guest)}. Teklifi buradan iletebilir misiniz?`;
  }
}

export function missedCallFollowUp(guest: Person | null): string {
  const name = guest ? ` ${honorific(guest)}` : '';
  return `Merhaba${name}, az önce aramanıza dönüş yaptık ancak ulaşamadık. Size nasıl yardımcı olabiliriz?`;
}

export function phoneSummary(
  kind: 'reservation' | 'support' | 'cancellation' | 'complaint',
  stay: Stay,
  topic: string,
): string {
  switch (kind) {
    case 'reservation':
      return `Telefonda ${stayRange(stay)}, ${paxText(stay)} için fiyat ve müsaitlik sordu.`;
    case 'support':
      return `Telefonda sordu: ${topic}`;
    case 'cancellation':
      return `Telefonda rezervasyon iptali istedi (${topic}).`;
    case 'complaint':
      return `Telefonda şikayet: ${topic}`;
  }
}

export function emailWrap(guest: Person, text: string): string {
  return `Merhaba,\n\n${text}\n\nSaygılarımla,\n${fullName(guest)}`;
}

export const CASE_NOTES = [
  'Misafir akşam 19:00’dan sonra aranmak istiyor.',
  'Geçen yıl da konaklamış, memnun kalmış.',
  'Fiyat itirazı var; GM %10’a kadar indirim onayı verdi.',
  'Misafir WhatsApp’tan yazışmayı tercih ediyor.',
  'Çocuk yaşları teyit edilecek.',
  'Kaparo dekontu bekleniyor.',
  'Misafir Instagram reklamından gelmiş.',
] as const;
