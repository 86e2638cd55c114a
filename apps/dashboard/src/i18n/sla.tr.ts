/** Turkish messages of the sla pages; the shape is the English one. */
import type { SlaMessages } from './sla.en';

export const slaTr: SlaMessages = {
  title: 'Sla',
};
