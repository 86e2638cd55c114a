/** English messages of the notifications pages. */
export const notificationsEn = {
  title: 'Notifications',
};

export type NotificationsMessages = typeof notificationsEn;
