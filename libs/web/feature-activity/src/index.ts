export { default as HotelsPage } from './lib/HotelsPage.vue';
