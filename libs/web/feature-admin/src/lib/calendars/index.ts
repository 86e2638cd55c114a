export { default as CalendarsPanel } from './CalendarsPanel.vue';
