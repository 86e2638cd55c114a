/** English messages of the tickets pages. */
export const ticketsEn = {
  title: 'Tickets',
};

export type TicketsMessages = typeof ticketsEn;
