import './styles.css';

import { createBatonClient } from '@baton/web/data-access';
import { createApp } from 'vue';

import App from './App.vue';
import { createAppI18n } from './i18n';
import { createAppRouter } from './router';

const baton = createBatonClient();
const i18n = createAppI18n();
const router = createAppRouter(baton.session);

createApp(App).use(i18n).use(baton).use(router).mount('#app');
