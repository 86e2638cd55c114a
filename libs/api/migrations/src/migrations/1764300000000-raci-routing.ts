import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How a hotel's RACI matrix drives routing: whether new cases and tickets without an owner are assigned to the
 * Responsible party of their step, and at what time of the hotel's day the Informed parties get their digest (null:
 * no digest). Kept on raci_matrix (tenant_id is its key) because they only mean something once a matrix exists, and
 * apart from the matrix document because an agency template copied onto a hotel must not change them.
 */
export class RaciRouting1764300000000 implements MigrationInterface {
  name = 'RaciRouting1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE raci_matrix
        ADD COLUMN auto_assign boolean NOT NULL DEFAULT true,
        ADD COLUMN digest_time text DEFAULT '08:30' CHECK (digest_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE raci_matrix DROP COLUMN digest_time, DROP COLUMN auto_assign`);
  }
}
