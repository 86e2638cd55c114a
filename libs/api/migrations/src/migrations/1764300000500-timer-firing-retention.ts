import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../roles';

/**
 * Retention of durable timer firing records (libs/api/core/src/timers/timer-firing-retention.ts): the worker deletes
 * a hotel's records older than TIMER_FIRING_RETENTION_DAYS in small batches, oldest first.
 *
 * The index lets each batch read the hotel's oldest records in fired_at order instead of walking the hotel's whole
 * slice of the primary key (target, kind, key, version) and filtering it; tenant_id leads it like every index. It
 * costs one more index entry per firing on the hot path, the price of keeping the table the size of the window.
 * The app role gets DELETE; the table's RLS policy (tenant scope, forced) bounds it to the hotel of the transaction.
 */
export class TimerFiringRetention1764300000500 implements MigrationInterface {
  name = 'TimerFiringRetention1764300000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX durable_timer_firing_fired_idx ON durable_timer_firing (tenant_id, fired_at);
      GRANT DELETE ON durable_timer_firing TO ${APP_ROLE};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      REVOKE DELETE ON durable_timer_firing FROM ${APP_ROLE};
      DROP INDEX durable_timer_firing_fired_idx;
    `);
  }
}
