export { default as LoginPage } from './lib/LoginPage.vue';
export { loginErrorKey, safeRedirect } from './lib/login-errors';
