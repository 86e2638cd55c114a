/** Turkish messages of the business-hours calendar editor; the shape is the English one. */
import type { CalendarsMessages } from './calendars.en';

export const calendarsTr: CalendarsMessages = {
  title: 'Çalışma saatleri',
};
