import { Locale } from '@baton/shared/contracts';
import { watch } from 'vue';
import { createI18n } from 'vue-i18n';

import en, { type MessageSchema } from './en';
import tr from './tr';

export const LOCALE_STORAGE_KEY = 'baton.locale';
export const SUPPORTED_LOCALES: readonly Locale[] = Object.values(Locale);

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

function storedLocale(): Locale | null {
  try {
    const value = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    // Storage blocked (privacy mode): fall back to the browser language.
    return null;
  }
}

function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch (error) {
    console.warn('[baton] cannot remember the language choice', error);
  }
}

/** The user's explicit choice, else English for an English browser, else Turkish. */
export function detectLocale(): Locale {
  const stored = storedLocale();
  if (stored) {
    return stored;
  }
  const browser = typeof navigator !== 'undefined' ? navigator.language.toLowerCase() : '';
  return browser === 'en' || browser.startsWith('en-') ? Locale.En : Locale.Tr;
}

export function createAppI18n() {
  const initial = detectLocale();
  const i18n = createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale: initial,
    fallbackLocale: Locale.Tr,
    messages: { [Locale.Tr]: tr, [Locale.En]: en },
    missingWarn: import.meta.env.DEV,
    fallbackWarn: import.meta.env.DEV,
  });

  document.documentElement.lang = initial;
  // Only an explicit switch is remembered, so an untouched dashboard keeps following the browser language.
  watch(i18n.global.locale, (locale) => {
    if (isLocale(locale)) {
      storeLocale(locale);
      document.documentElement.lang = locale;
    }
  });
  return i18n;
}
