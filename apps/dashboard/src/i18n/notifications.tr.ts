/** Turkish messages of the notifications pages; the shape is the English one. */
import type { NotificationsMessages } from './notifications.en';

export const notificationsTr: NotificationsMessages = {
  title: 'Notifications',
};
