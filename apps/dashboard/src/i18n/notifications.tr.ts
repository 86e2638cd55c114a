/** Turkish messages of the notifications pages; the shape is the English one. */
import type { NotificationsMessages } from './notifications.en';

export const notificationsTr: NotificationsMessages = {
  title: 'Bildirimler',
  subtitle: 'Bu oteldeki bildirimleriniz, en yenisi önce. Okunmamışlar üstte kalır.',
  loading: 'Bildirimler yükleniyor…',
  loadError: 'Bildirimler yüklenemedi.',
  empty: 'Henüz bildirim yok.',
  unreadCount: 'Okunmamış bildirim yok | 1 okunmamış | {count} okunmamış',
  unread: 'Okunmamış',
  read: 'Okundu',
  markRead: 'Okundu işaretle',
  markAllRead: 'Tümünü okundu işaretle',
  openCase: 'Talebi aç',
  openTicket: 'Kaydı aç',
  deliveries: {
    title: 'Başarısız gönderimler',
    subtitle:
      'Henüz gönderilemeyen e-postalar ve webhook’lar. Kalıcı olarak başarısız olanlar yalnızca siz isteyince yeniden denenir.',
    loadError: 'Gönderimler yüklenemedi.',
    empty: 'Bekleyen yok: tüm e-postalar ve webhook’lar gönderildi.',
    dead: 'Gönderilemedi',
    pending: 'Yeniden denenecek',
    channel: 'Kanal',
    target: 'Alıcı',
    state: 'Durum',
    attempts: 'Deneme',
    lastError: 'Son hata',
    nextAttempt: 'Sonraki deneme',
    retry: 'Yeniden dene',
    retrying: 'Yeniden deneniyor…',
    retryError: 'Gönderim yeniden sıraya alınamadı.',
    signed: 'imzalı',
    channels: {
      email: 'E-posta',
      webhook: 'Webhook',
    },
    noError: '—',
  },
};
