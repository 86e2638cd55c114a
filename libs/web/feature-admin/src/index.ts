export { default as SlaPage } from './lib/SlaPage.vue';
export { default as AutomationsPage } from './lib/AutomationsPage.vue';
export { default as RaciPage } from './lib/RaciPage.vue';
export { default as NotificationsPage } from './lib/NotificationsPage.vue';
