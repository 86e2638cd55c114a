import './lib/theme.css';

export * from './lib/types';
export * from './lib/format';
export * from './lib/use-now';
export { default as ActivityFeed } from './lib/ActivityFeed.vue';
export { default as AppShell } from './lib/AppShell.vue';
export { default as ConnectionBadge } from './lib/ConnectionBadge.vue';
export { default as HotelList } from './lib/HotelList.vue';
export { default as LanguageSwitcher } from './lib/LanguageSwitcher.vue';
export { default as LoginForm } from './lib/LoginForm.vue';
