import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Half days: a calendar holiday may carry its own working windows for its date (e.g. an arife, the eve of a bayram,
 * open 09:00–13:00) instead of closing the whole day. `[]` (every existing row) keeps the old meaning: closed all day.
 * Same jsonb shape as business_calendar.weekly without the weekday, validated by the API. No new table: the existing
 * RLS policy, grants and indexes of calendar_holiday cover the column.
 */
export class HolidayWindows1764300000200 implements MigrationInterface {
  name = 'HolidayWindows1764300000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- [{ "start": "HH:mm", "end": "HH:mm" | "24:00" }]
      ALTER TABLE calendar_holiday
        ADD COLUMN windows jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(windows) = 'array');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE calendar_holiday DROP COLUMN windows;`);
  }
}
