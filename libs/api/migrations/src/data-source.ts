import { DataSource } from 'typeorm';
import { Foundation1764000000000 } from './migrations/1764000000000-foundation';
import { IntakeGuestsCases1764100000000 } from './migrations/1764100000000-intake-guests-cases';

/** Ordered list of migrations; append only, never edit a migration that has shipped. */
export const MIGRATIONS = [Foundation1764000000000, IntakeGuestsCases1764100000000];

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
