export { default as CampaignsPage } from './lib/CampaignsPage.vue';
