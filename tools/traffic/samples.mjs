// Sample data for tools/traffic and tools/bench/ingest: the demo hotels' channel accounts (created by the demo seed)
// and Turkish guests and texts. Pure data and small pickers; no I/O.

/** The channel accounts the demo seed creates per hotel, with the secrets it stores for them. */
export const DEMO_ACCOUNTS = Object.fromEntries(
  [
    ['BLK', 1, 'blk', '902425550101'],
    ['SDE', 2, 'sde', '902427530202'],
    ['BDR', 3, 'bdr', '902523160303'],
  ].map(([code, n, prefix, displayPhone]) => [
    code,
    {
      code,
      whatsapp: {
        phoneNumberId: `10000000000000${n}`,
        displayPhoneNumber: displayPhone,
        businessAccountId: `20000000000000${n}`,
        secret: 'demo-whatsapp-app-secret',
      },
      instagram: { id: `1784140000000000${n}`, secret: 'demo-meta-app-secret' },
      messenger: { id: `10000000000010${n}`, secret: 'demo-meta-app-secret' },
      formKey: `${prefix}-web`,
      email: { key: `${prefix}-mail`, secret: 'demo-intake-secret', address: `rezervasyon@${prefix}.demo.baton` },
      ota: { key: `${prefix}-ota`, secret: 'demo-intake-secret' },
      pbx: { key: `${prefix}-pbx`, secret: 'demo-intake-secret', number: `+${displayPhone}` },
    },
  ]),
);

export const HOTEL_CODES = Object.keys(DEMO_ACCOUNTS);

export const FIRST_NAMES = [
  'Ayşe',
  'Çağla',
  'Gülşen',
  'İsmail',
  'Ömer',
  'Şükrü',
  'Ümit',
  'Ilgaz',
  'Doğan',
  'Ebru',
  'Hülya',
  'Özlem',
  'Mehmet',
  'Büşra',
  'Çetin',
  'Ertuğrul',
  'Işıl',
  'Gökçe',
  'Süleyman',
  'Şebnem',
  'Tuğba',
  'Yiğit',
  'Nilüfer',
  'Barış',
];

export const LAST_NAMES = [
  'Yılmaz',
  'Kaya',
  'Demir',
  'Şahin',
  'Çelik',
  'Yıldız',
  'Öztürk',
  'Aydın',
  'Özdemir',
  'Arslan',
  'Doğan',
  'Kılıç',
  'Aslan',
  'Çetin',
  'Koç',
  'Kurt',
  'Özkan',
  'Şimşek',
  'Güneş',
  'Ünal',
  'Erdoğan',
  'Akgül',
  'Işık',
  'Bozkurt',
];

/** First messages of a conversation, as guests write them (typos and missing diacritics are realistic too). */
export const MESSAGES = [
  'Merhaba, 14-21 Temmuz arası 2 yetişkin 1 çocuk için fiyat alabilir miyim?',
  'İyi günler, deniz manzaralı odanız müsait mi? Balayı için geliyoruz 🙂',
  'Rezervasyonumu iptal etmek istiyorum, ücret iadesi nasıl oluyor?',
  'Havalimanı transferi var mı? Uçağımız gece 01:30’da iniyor.',
  'Odada klima çalışmıyor, 3 kez aradım kimse gelmedi. Şikayetçiyim!',
  'Ağustos’ta her şey dahil konsept geçerli mi? Çocuklar için aquapark açık mı?',
  'Erken rezervasyon indirimi hâlâ geçerli mi? Şubat sonuna kadar diyordunuz.',
  'Engelli erişimi olan oda var mı? Babam tekerlekli sandalye kullanıyor.',
  'Spa randevusu almak istiyorum, yarın öğleden sonra için müsaitlik var mı?',
  'Köpeğimle konaklayabilir miyim? 8 kg, çok uslu 🐶',
  'Geç çıkış yapabilir miyiz? Dönüş uçağımız saat 19:00’da.',
  'Faturayı şirket adına kesebilir misiniz? Vergi no: 1234567890',
  'Düğün organizasyonu için 120 kişilik salon fiyatı öğrenebilir miyim?',
  'Geçen yıl kaldık, çok memnun kaldık. Bu yıl da aynı odayı istiyoruz (312 numara).',
  'ıslak havlular toplanmamış, oda temizliği yapılmadı. ÇOK ÜZGÜNÜM ama böyle olmaz',
  'İstanbul’dan geliyoruz, otopark ücretsiz mi?',
];

/** Follow-ups within the same conversation. */
export const FOLLOW_UPS = [
  'Teşekkürler, dönüşünüzü bekliyorum.',
  'Kapora ne kadar? IBAN gönderebilir misiniz?',
  'Tamam, o zaman 3 gece yapalım.',
  'Çocuk 6 yaşında, ücretsiz mi?',
  'Şu an ödeme yaptım, dekont ekte.',
  'Merhaba, hâlâ cevap bekliyorum…',
  'Güzel, onaylıyorum 👍',
  'Peki kahvaltı dahil mi?',
];

export const EMAIL_SUBJECTS = [
  'Rezervasyon talebi – Temmuz',
  'Fiyat teklifi hk.',
  'Grup rezervasyonu (24 kişi)',
  'İptal ve iade talebi',
  'Şikâyet: oda temizliği',
  'Kurumsal anlaşma teklifi',
];

export const OTA_SOURCES = [
  { name: 'Booking.com', prefix: 'BDC', domain: 'guest.booking.com' },
  { name: 'Expedia', prefix: 'EXP', domain: 'm.expediapartnercentral.com' },
  { name: 'Hotels.com', prefix: 'HTL', domain: 'guest.hotels.com' },
  { name: 'Etstur', prefix: 'ETS', domain: 'misafir.etstur.com' },
];

export const AGENTS = ['Emre Demir', 'Selin Öztürk', 'Gizem Aydın', 'Zeynep Kaya'];

export const UTM_SETS = [
  { utm_source: 'google', utm_medium: 'cpc', utm_campaign: 'yaz-erken-rezervasyon', utm_content: 'aile-paketi' },
  { utm_source: 'instagram', utm_medium: 'social', utm_campaign: 'balayi-2026', utm_content: 'reel-gun-batimi' },
  { utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'sömestr-fırsatı', utm_content: 'üst-banner' },
  { utm_source: 'facebook', utm_medium: 'paid', utm_campaign: 'yaz-erken-rezervasyon', utm_content: 'carousel' },
  {},
];

export const LOCATIONS = [
  { latitude: 36.8621, longitude: 31.0563, name: 'Antalya Havalimanı', address: 'Yenigöl, 07230 Muratpaşa/Antalya' },
  { latitude: 36.7665, longitude: 31.3888, name: 'Side Antik Kenti', address: 'Side, 07330 Manavgat/Antalya' },
  { latitude: 37.0344, longitude: 27.4305, name: 'Bodrum Kalesi', address: 'Çarşı, 48400 Bodrum/Muğla' },
];

export const BUTTONS = [
  { text: 'Evet, onaylıyorum', payload: 'CONFIRM_BOOKING' },
  { text: 'Hayır, iptal', payload: 'CANCEL_BOOKING' },
  { text: 'Temsilciyle görüşmek istiyorum', payload: 'TALK_TO_AGENT' },
];

export const IMAGE_CAPTIONS = ['Dekont ekte', 'Odadaki kırık lavabo', 'Pasaport fotoğrafı', ''];

/** A random element (Math.random: traffic needs variety, not reproducibility). */
export const pick = (list) => list[Math.floor(Math.random() * list.length)];
export const randomInt = (min, max) => min + Math.floor(Math.random() * (max - min + 1));
export const randomDigits = (n) => Array.from({ length: n }, () => randomInt(0, 9)).join('');

/** ASCII e-mail local part from a Turkish name: "Şükrü Öztürk" → "sukru.ozturk". */
export function emailLocalPart(name) {
  const map = { ç: 'c', ğ: 'g', ı: 'i', ö: 'o', ş: 's', ü: 'u' };
  return name
    .toLocaleLowerCase('tr')
    .replace(/[çğıöşü]/g, (c) => map[c])
    .normalize('NFKD')
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/\s+/g, '.');
}

/**
 * A guest as every channel sees them: one Turkish mobile number (WhatsApp wa_id = the same digits, the PBX caller
 * number), one name (web form, e-mail, WhatsApp profile), an IG-scoped and a page-scoped id.
 */
export function makeGuest(index = randomInt(0, 1e6)) {
  const name = `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
  const digits = `905${pick(['30', '32', '33', '35', '42', '44', '52', '55'])}${randomDigits(7)}`;
  return {
    name,
    phone: `+${digits}`,
    waId: digits,
    email: `${emailLocalPart(name)}${index % 7 === 0 ? randomInt(1, 99) : ''}@${pick(['gmail.com', 'hotmail.com', 'yandex.com.tr', 'outlook.com'])}`,
    igsid: `1${randomDigits(16)}`,
    psid: `2${randomDigits(15)}`,
  };
}
