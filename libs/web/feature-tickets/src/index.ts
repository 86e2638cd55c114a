export { default as TicketsPage } from './lib/TicketsPage.vue';
export { default as TicketPage } from './lib/TicketPage.vue';
