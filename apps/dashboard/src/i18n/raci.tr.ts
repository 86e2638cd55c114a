/** Turkish messages of the raci pages; the shape is the English one. */
import type { RaciMessages } from './raci.en';

export const raciTr: RaciMessages = {
  title: 'Raci',
};
