export { default as InboxPage } from './lib/InboxPage.vue';
export { default as CasePage } from './lib/CasePage.vue';
