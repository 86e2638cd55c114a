import { ActorKind, AuditAction } from '@baton/shared/contracts';

import type { MessageSchema } from './en';
import { nestByDot, type ActionMessages, type ActorKindMessages } from './nest';

const actions: ActionMessages = {
  [AuditAction.MembershipAdded]: 'Üyelik eklendi',
  [AuditAction.MembershipRoleChanged]: 'Üyelik rolü değiştirildi',
  [AuditAction.MembershipRemoved]: 'Üyelik kaldırıldı',
  [AuditAction.ApiKeyCreated]: 'API anahtarı oluşturuldu',
  [AuditAction.ApiKeyRevoked]: 'API anahtarı iptal edildi',
  [AuditAction.WallboardTokenCreated]: 'Pano erişim anahtarı oluşturuldu',
  [AuditAction.WallboardTokenRevoked]: 'Pano erişim anahtarı iptal edildi',
  [AuditAction.HotelSettingsUpdated]: 'Otel ayarları güncellendi',
  [AuditAction.HotelCreated]: 'Otel oluşturuldu',
};

const actorKinds: ActorKindMessages = {
  [ActorKind.User]: 'Kullanıcı',
  [ActorKind.ApiKey]: 'API anahtarı',
  [ActorKind.Wallboard]: 'Pano',
  [ActorKind.System]: 'Sistem',
};

const tr: MessageSchema = {
  app: {
    name: 'Baton',
  },
  common: {
    networkError: 'Sunucuya ulaşılamıyor. Bağlantınızı kontrol edin; yeniden denemeye devam ediyoruz.',
  },
  language: {
    label: 'Dil',
    short: { tr: 'TR', en: 'EN' },
    names: { tr: 'Türkçe', en: 'English' },
  },
  shell: {
    logout: 'Çıkış yap',
  },
  login: {
    title: "Baton'a giriş yapın",
    subtitle: 'Otelleriniz için misafir iletişimi.',
    email: 'E-posta',
    emailPlaceholder: "ad{'@'}otel.com",
    password: 'Parola',
    submit: 'Giriş yap',
    submitting: 'Giriş yapılıyor…',
    footnote: 'Giriş yapamıyor musunuz? Otel yöneticinize başvurun.',
    errors: {
      invalidCredentials: 'E-posta veya parola hatalı.',
      invalidInput: 'Geçerli bir e-posta adresi ve parola girin.',
      rateLimited: 'Çok fazla deneme yapıldı. Biraz bekleyip yeniden deneyin.',
      network: 'Sunucuya ulaşılamıyor. Bağlantınızı kontrol edip yeniden deneyin.',
      unknown: 'Giriş yapılamadı. Lütfen yeniden deneyin.',
    },
  },
  hotels: {
    title: 'Oteller',
    loading: 'Oteller yükleniyor…',
    empty: 'Henüz erişiminiz olan bir otel yok.',
    loadError: 'Oteller yüklenemedi.',
  },
  activity: {
    title: 'Etkinlik',
    timeZone: 'Saat dilimi: {zone}',
    loading: 'Etkinlikler yükleniyor…',
    empty: 'Henüz etkinlik yok. Yeni olaylar gerçekleştikçe burada görünür.',
    noHotel: 'Etkinliklerini görmek için bir otel seçin.',
    loadError: 'Etkinlikler yüklenemedi.',
    by: '{actor} tarafından',
    unknownAction: 'Etkinlik: {action}',
    actions: nestByDot(actions),
    actorKinds,
  },
  connection: {
    state: {
      live: 'Canlı',
      connecting: 'Bağlanıyor…',
      offline: 'Bağlantı yok',
    },
    hint: {
      live: 'Yeni olaylar anında görünür.',
      connecting: 'Canlı güncellemelere bağlanılıyor…',
      offline: 'Canlı güncellemeler durdu; otomatik olarak yeniden bağlanılıyor.',
    },
  },
};

export default tr;
