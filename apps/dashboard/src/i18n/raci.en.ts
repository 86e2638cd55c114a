/** English messages of the raci pages. */
export const raciEn = {
  title: 'Raci',
};

export type RaciMessages = typeof raciEn;
