/** Hotel-local hour from which the worker generates (and e-mails) the day's summary. */
export const DAILY_SUMMARY_HOUR = 8;
/** How often the worker checks every hotel for a due summary. */
export const DAILY_SUMMARY_CHECK_MS = 60_000;

export const DAILY_SUMMARY_OPTIONS = Symbol('DAILY_SUMMARY_OPTIONS');

export interface DailySummaryOptions {
  /** 0..23; also where the "new campaigns" window of a summary ends (that day at this hour, hotel-local). */
  hour: number;
}

/**
 * DAILY_SUMMARY_HOUR (0..23) overrides the default hour, e.g. for tests or a hotel group that starts earlier. Read
 * once at start; a bad value stops the process like any other configuration error.
 */
export function dailySummaryOptions(env: Record<string, string | undefined> = process.env): DailySummaryOptions {
  const raw = env.DAILY_SUMMARY_HOUR;
  if (raw === undefined || raw === '') {
    return { hour: DAILY_SUMMARY_HOUR };
  }
  const hour = Number(raw);
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) {
    throw new Error(`Configuration error: DAILY_SUMMARY_HOUR must be an hour from 0 to 23, got "${raw}"`);
  }
  return { hour };
}
