import type { Rng } from './traffic-random';

/** Turkish guests for the demo: names, E.164 mobile numbers, e-mails and Meta-scoped ids, all unique per hotel. */

const FEMALE = (
  'Ayşe Fatma Zeynep Elif Emine Hatice Merve Büşra Özge Gülşen Şeyma Çiğdem Dilek Gökçe İrem Işıl ' +
  'Sevgi Nur Ebru Tuğba Esra Derya Sibel Pınar Yağmur Ülkü Şule Gül Öykü Ilgın Damla Buse Nazlı Melike ' +
  'Cansu Duygu Aslı Şebnem Gülay Özlem Müge Nilüfer Hülya Gönül Songül Çağla İpek Sıla Bengü Ece'
).split(' ');

const MALE = (
  'Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim İsmail Osman Yusuf Ömer Ramazan Halil Süleyman ' +
  'Çağlar Oğuz Barış Gökhan Tolga Uğur Şükrü Ümit Özgür Cem Serkan Volkan Kağan Doğan İlker Tuncay ' +
  'Onur Kerem Berk Sinan Çetin Görkem Tarık Levent Yiğit Alper Ozan Eren Taner Fırat Ilgaz Gürkan ' +
  'Şener Ertuğrul'
).split(' ');

const SURNAMES = (
  'Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan Çetin ' +
  'Kara Koç Kurt Özkan Şimşek Polat Öz Erdoğan Güneş Aksoy Çakır Bulut Keskin Ünal Güler Tekin Karaca ' +
  'Işık Korkmaz Özer Altun Eren Uçar Çiftçi Acar Gündoğdu Sarı Ateş Tunç Gök Bozkurt Uysal Akgül ' +
  'Ağaoğlu Karagöz Büyükşahin Dağlı Sönmez İnce Başaran Çağlayan Güçlü Türkmen Erdem Kocabıyık Şen ' +
  'Yücel Özbek Kahraman Ekinci Ilıcak Gürsoy Çolak Duman'
).split(' ');

const MAIL_DOMAINS = ['gmail.com', 'gmail.com', 'gmail.com', 'hotmail.com', 'yahoo.com', 'icloud.com', 'outlook.com'];
/** Turkcell 53x, Vodafone 54x, Türk Telekom 50x/55x. */
const MOBILE_PREFIXES =
  '530 531 532 533 535 536 537 538 539 541 542 543 544 545 546 505 506 507 551 552 553 555 559'.split(' ');

export type Gender = 'f' | 'm';

export interface Person {
  firstName: string;
  lastName: string;
  gender: Gender;
  /** E.164, e.g. +905321234567. */
  phone: string;
  email: string;
  instagramId: string;
  messengerId: string;
}

export function fullName(p: Pick<Person, 'firstName' | 'lastName'>): string {
  return `${p.firstName} ${p.lastName}`;
}

/** "Ayşe Hanım" / "Mehmet Bey": how the hotel addresses a guest. */
export function honorific(p: Pick<Person, 'firstName' | 'gender'>): string {
  return `${p.firstName} ${p.gender === 'f' ? 'Hanım' : 'Bey'}`;
}

const ASCII: Record<string, string> = { ç: 'c', ğ: 'g', ı: 'i', i: 'i', ö: 'o', ş: 's', ü: 'u' };

/** "Gülşen Ağaoğlu" → "gulsen.agaoglu" (e-mail local parts are ASCII). */
export function asciiSlug(value: string): string {
  return value
    .toLocaleLowerCase('tr-TR')
    .replace(/[çğıiöşü]/g, (c) => ASCII[c] ?? c)
    .replace(/[^a-z0-9]+/g, '.');
}

/** +905321234567 → "0532 123 45 67" (how guests type their number). */
export function localPhone(e164: string): string {
  const d = e164.slice(3);
  return `0${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6, 8)} ${d.slice(8, 10)}`;
}

/** Generates people whose contact values never collide within one hotel (guest_identity is unique per value). */
export class PeoplePool {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Rng) {}

  person(): Person {
    const rng = this.rng;
    const gender: Gender = rng.chance(0.52) ? 'f' : 'm';
    const firstName = rng.pick(gender === 'f' ? FEMALE : MALE);
    const lastName = rng.pick(SURNAMES);
    return {
      firstName,
      lastName,
      gender,
      phone: this.unique(() => `+90${rng.pick(MOBILE_PREFIXES)}${rng.digits(7)}`),
      email: this.unique(() => this.email(firstName, lastName)),
      instagramId: this.unique(() => rng.digits(16)),
      messengerId: this.unique(() => rng.digits(16)),
    };
  }

  /** Someone with the same name (the same guest writing again, as the matcher will suspect): new contact values. */
  namesake(p: Person): Person {
    return {
      firstName: p.firstName,
      lastName: p.lastName,
      gender: p.gender,
      phone: this.similarPhone(p.phone),
      email: this.unique(() => this.email(p.firstName, p.lastName)),
      instagramId: this.unique(() => this.rng.digits(16)),
      messengerId: this.unique(() => this.rng.digits(16)),
    };
  }

  /**
   * The same line under another operator prefix (0532 written as 0542): the last 7 digits agree, which is what the
   * guest matcher calls a similar phone.
   */
  similarPhone(phone: string): string {
    return this.unique(
      () => `+90${this.rng.pick(MOBILE_PREFIXES.filter((p) => p !== phone.slice(3, 6)))}${phone.slice(-7)}`,
    );
  }

  /** The relay address an OTA gives for one booking (unique per reservation). */
  otaRelay(p: Person, ota: 'booking' | 'expedia', reference: string): string {
    const local = asciiSlug(`${p.firstName}.${p.lastName}`);
    return this.unique(() =>
      ota === 'booking'
        ? `${local}.${reference.slice(-6)}@guest.booking.com`
        : `${reference}@m.expediapartnercentral.com`,
    );
  }

  private email(firstName: string, lastName: string): string {
    const rng = this.rng;
    const first = asciiSlug(firstName);
    const last = asciiSlug(lastName);
    const local = rng.pick([
      `${first}.${last}`,
      `${first}${last}`,
      `${first}.${last}${rng.int(1, 99)}`,
      `${first[0]}${last}`,
    ]);
    return `${local}@${rng.pick(MAIL_DOMAINS)}`;
  }

  private unique(make: () => string): string {
    for (let attempt = 0; attempt < 50; attempt++) {
      const value = make();
      if (!this.used.has(value)) {
        this.used.add(value);
        return value;
      }
    }
    throw new Error('PeoplePool: could not find a unique value');
  }
}
