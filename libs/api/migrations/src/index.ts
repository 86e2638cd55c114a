export { migrateDatabase, type MigrateOptions } from './migrate';
export { APP_ROLE, ensureAppRole, deriveAppUrl } from './roles';
export { MIGRATIONS, MIGRATIONS_TABLE } from './data-source';
