import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../roles';

const TENANT_SCOPE = `tenant_id = ANY (baton_tenant_ids())`;

/**
 * Business-hours calendars: a hotel's weekly opening windows (jsonb, validated by the API: several per day, no
 * overlaps) in one IANA time zone, plus closed days (typed in or imported from iCal, idempotent by UID and day).
 * At most one default calendar per hotel (partial unique index); the SLA engine uses it when a policy names none.
 */
export class BusinessCalendars1764200000100 implements MigrationInterface {
  name = 'BusinessCalendars1764200000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE business_calendar (
        tenant_id uuid NOT NULL REFERENCES hotel(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        time_zone text NOT NULL CHECK (length(time_zone) BETWEEN 1 AND 64),
        -- [{ "weekday": 1-7, "start": "HH:mm", "end": "HH:mm" | "24:00" }]
        weekly jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(weekly) = 'array'),
        is_default boolean NOT NULL DEFAULT false,
        version int NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, name)
      );
      CREATE UNIQUE INDEX business_calendar_default_idx ON business_calendar (tenant_id) WHERE is_default;

      CREATE TABLE calendar_holiday (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        calendar_id uuid NOT NULL,
        date date NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        source text NOT NULL CHECK (source IN ('manual', 'ical')),
        -- the VEVENT's UID for imported days (a multi-day event gives one row per day); NULL for typed-in days
        uid text CHECK ((source = 'ical') = (uid IS NOT NULL)),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, calendar_id) REFERENCES business_calendar (tenant_id, id) ON DELETE CASCADE
      );
      CREATE INDEX calendar_holiday_calendar_idx ON calendar_holiday (tenant_id, calendar_id, date);
      CREATE UNIQUE INDEX calendar_holiday_manual_idx ON calendar_holiday (tenant_id, calendar_id, date)
        WHERE source = 'manual';
      CREATE UNIQUE INDEX calendar_holiday_ical_idx ON calendar_holiday (tenant_id, calendar_id, uid, date)
        WHERE source = 'ical';
    `);
    for (const table of ['business_calendar', 'calendar_holiday']) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_scope ON ${table} USING (${TENANT_SCOPE}) WITH CHECK (${TENANT_SCOPE});
      `);
    }
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON business_calendar, calendar_holiday TO ${APP_ROLE};`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_holiday, business_calendar;`);
  }
}
