/** English messages of the sla pages. */
export const slaEn = {
  title: 'Sla',
};

export type SlaMessages = typeof slaEn;
