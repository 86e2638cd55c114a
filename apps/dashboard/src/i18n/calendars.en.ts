/** English messages of the business-hours calendar editor. */
export const calendarsEn = {
  title: 'Business hours',
};

export type CalendarsMessages = typeof calendarsEn;
