import { DictionaryKind } from '@baton/shared/contracts';

export interface DefaultDictionaryEntry {
  code: string;
  labelTr: string;
  labelEn: string;
}

/**
 * What a hotel starts with: seeded lazily (first read or validation of a kind the hotel has no entries of), and used
 * by the demo seed. Sort order is the list order (10, 20, ...).
 */
export const DEFAULT_DICTIONARY: Readonly<Record<DictionaryKind, readonly DefaultDictionaryEntry[]>> = {
  [DictionaryKind.RequestType]: [
    { code: 'reservation', labelTr: 'Rezervasyon', labelEn: 'Reservation' },
    { code: 'quote', labelTr: 'Fiyat teklifi', labelEn: 'Quote' },
    { code: 'group', labelTr: 'Grup', labelEn: 'Group' },
    { code: 'support', labelTr: 'Destek', labelEn: 'Support' },
    { code: 'complaint', labelTr: 'Şikayet', labelEn: 'Complaint' },
    { code: 'cancellation', labelTr: 'İptal', labelEn: 'Cancellation' },
    { code: 'vip', labelTr: 'VIP', labelEn: 'VIP' },
    { code: 'ota', labelTr: 'OTA', labelEn: 'OTA' },
  ],
  [DictionaryKind.Label]: [
    { code: 'honeymoon', labelTr: 'Balayı', labelEn: 'Honeymoon' },
    { code: 'family', labelTr: 'Aile', labelEn: 'Family' },
    { code: 'early_booking', labelTr: 'Erken rezervasyon', labelEn: 'Early booking' },
    { code: 'spa', labelTr: 'Spa', labelEn: 'Spa' },
    { code: 'transfer', labelTr: 'Transfer', labelEn: 'Transfer' },
    { code: 'repeat_guest', labelTr: 'Tekrar gelen misafir', labelEn: 'Repeat guest' },
    { code: 'wedding', labelTr: 'Düğün', labelEn: 'Wedding' },
    { code: 'business', labelTr: 'İş seyahati', labelEn: 'Business trip' },
  ],
  [DictionaryKind.LostReason]: [
    { code: 'price', labelTr: 'Fiyat', labelEn: 'Price' },
    { code: 'availability', labelTr: 'Müsaitlik yok', labelEn: 'No availability' },
    { code: 'no_answer', labelTr: 'Yanıt alınamadı', labelEn: 'No answer' },
    { code: 'competitor', labelTr: 'Rakip otel', labelEn: 'Competitor' },
    { code: 'dates_changed', labelTr: 'Tarihler değişti', labelEn: 'Dates changed' },
    { code: 'other', labelTr: 'Diğer', labelEn: 'Other' },
  ],
  [DictionaryKind.Team]: [
    { code: 'smm_agency', labelTr: 'Sosyal medya ajansı', labelEn: 'Social media agency' },
    { code: 'call_center', labelTr: 'Çağrı merkezi', labelEn: 'Call center' },
    { code: 'reservations', labelTr: 'Rezervasyon', labelEn: 'Reservations' },
    { code: 'sales', labelTr: 'Satış', labelEn: 'Sales' },
    { code: 'front_office', labelTr: 'Ön büro', labelEn: 'Front office' },
    { code: 'gm', labelTr: 'Genel müdür', labelEn: 'General manager' },
  ],
};
