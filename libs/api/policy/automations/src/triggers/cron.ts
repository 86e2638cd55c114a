import { CronExpressionParser } from 'cron-parser';

/**
 * Schedule triggers: the next firing of a 5-field cron expression after `after`, read in the hotel's time zone
 * ("0 9 * * 1-5" = weekdays 09:00 at the hotel, whatever the server's zone, DST included).
 */
export function nextCronOccurrence(expression: string, timeZone: string, after: Date): Date {
  const interval = CronExpressionParser.parse(expression, { currentDate: after, tz: timeZone });
  return interval.next().toDate();
}

/** The firings in (from, to], oldest first, at most `limit` (the dry-run replays a window). */
export function cronOccurrences(expression: string, timeZone: string, from: Date, to: Date, limit = 500): Date[] {
  const interval = CronExpressionParser.parse(expression, { currentDate: from, endDate: to, tz: timeZone });
  const out: Date[] = [];
  while (out.length < limit && interval.hasNext()) {
    out.push(interval.next().toDate());
  }
  return out;
}

/** Why an expression is refused (null when it is fine): 5 fields, parseable, and not more often than every 5 minutes. */
export function cronProblem(expression: string, timeZone = 'UTC'): string | null {
  if (expression.trim().split(/\s+/).length !== 5) {
    return 'a cron expression has 5 fields: minute hour day-of-month month day-of-week';
  }
  try {
    const first = nextCronOccurrence(expression, timeZone, new Date('2026-01-05T00:00:00Z'));
    const second = nextCronOccurrence(expression, timeZone, first);
    if (second.getTime() - first.getTime() < 5 * 60_000) {
      return 'a schedule may fire at most every 5 minutes';
    }
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
