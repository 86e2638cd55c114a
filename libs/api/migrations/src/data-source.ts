import { DataSource } from 'typeorm';
import { Foundation1764000000000 } from './migrations/1764000000000-foundation';
import { IntakeGuestsCases1764100000000 } from './migrations/1764100000000-intake-guests-cases';
import { InboundStoreFunction1764100000100 } from './migrations/1764100000100-inbound-store-function';
import { DurableTimers1764200000000 } from './migrations/1764200000000-durable-timers';
import { BusinessCalendars1764200000100 } from './migrations/1764200000100-business-calendars';
import { SlaPolicies1764200000200 } from './migrations/1764200000200-sla-policies';
import { Raci1764200000300 } from './migrations/1764200000300-raci';
import { Tickets1764200000400 } from './migrations/1764200000400-tickets';
import { NotificationsOutbox1764200000500 } from './migrations/1764200000500-notifications-outbox';
import { Automations1764200000600 } from './migrations/1764200000600-automations';
import { RaciRouting1764300000000 } from './migrations/1764300000000-raci-routing';
import { HolidayWindows1764300000200 } from './migrations/1764300000200-holiday-windows';
import { TimerFiringRetention1764300000500 } from './migrations/1764300000500-timer-firing-retention';

/** Ordered list of migrations; append only, never edit a migration that has shipped. */
export const MIGRATIONS = [
  Foundation1764000000000,
  IntakeGuestsCases1764100000000,
  InboundStoreFunction1764100000100,
  DurableTimers1764200000000,
  BusinessCalendars1764200000100,
  SlaPolicies1764200000200,
  Raci1764200000300,
  Tickets1764200000400,
  NotificationsOutbox1764200000500,
  Automations1764200000600,
  RaciRouting1764300000000,
  HolidayWindows1764300000200,
  TimerFiringRetention1764300000500,
];

export const MIGRATIONS_TABLE = 'baton_migrations';

export function createMigrationDataSource(ownerUrl: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url: ownerUrl,
    migrations: MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
  });
}
