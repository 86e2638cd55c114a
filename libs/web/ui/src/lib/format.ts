/** Pure formatting helpers (no Vue). Locale codes are the dashboard's (`tr`, `en`). */

const INTL_LOCALES: Readonly<Record<string, string>> = {
  tr: 'tr-TR',
  // British English: day-month order and a 24-hour clock, as hotel staff in Türkiye expect.
  en: 'en-GB',
};

export function intlLocale(locale: string): string {
  return INTL_LOCALES[locale] ?? locale;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: string, timeZone: string, withZone: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${withZone ? 'z' : ''}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: withZone ? 'short' : undefined,
    };
    try {
      format = new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone });
    } catch (error) {
      if (!(error instanceof RangeError)) {
        throw error;
      }
      // Unknown IANA zone: show UTC and say so rather than silently using the browser's zone.
      format = new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone: 'UTC', timeZoneName: 'short' });
    }
    dateTimeFormats.set(key, format);
  }
  return format;
}

/** Date and time of `iso` as seen in `timeZone` (the hotel's zone), e.g. "24 Kas 2025 14:05". */
export function formatDateTime(iso: string, locale: string, timeZone: string, withZone = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return dateTimeFormat(locale, timeZone, withZone).format(date);
}

/** "now", "5 minutes ago", "3 hours ago", "yesterday"… Future times (clock skew) read as "now". */
export function formatRelativeTime(iso: string, now: number, locale: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) {
    return '';
  }
  const seconds = Math.min(0, Math.round((at - now) / 1000));
  const abs = Math.abs(seconds);
  const format = new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: 'auto' });
  if (abs < 45) {
    return format.format(0, 'second');
  }
  if (abs < 45 * 60) {
    return format.format(Math.round(seconds / 60), 'minute');
  }
  if (abs < 22 * 3600) {
    return format.format(Math.round(seconds / 3600), 'hour');
  }
  return format.format(Math.round(seconds / 86_400), 'day');
}

/** First segment of an action (`membership.added` → `membership`), used to colour-code the feed. */
export function actionGroup(action: string): string {
  const dot = action.indexOf('.');
  return dot === -1 ? action : action.slice(0, dot);
}
