import { MigrationInterface, QueryRunner } from 'typeorm';

/** Durable timers (H1). (Scaffold: filled in by its owner.) */
export class DurableTimers1764200000000 implements MigrationInterface {
  name = 'DurableTimers1764200000000';

  async up(_q: QueryRunner): Promise<void> {
    // filled in by its owner
  }

  async down(_q: QueryRunner): Promise<void> {
    // filled in by its owner
  }
}
