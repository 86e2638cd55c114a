/** Turkish messages of the tickets pages; the shape is the English one. */
import type { TicketsMessages } from './tickets.en';

export const ticketsTr: TicketsMessages = {
  title: 'Tickets',
};
