import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tickets and tasks. (Scaffold: filled in by its owner.) */
export class Tickets1764200000400 implements MigrationInterface {
  name = 'Tickets1764200000400';

  async up(_q: QueryRunner): Promise<void> {
    // filled in by its owner
  }

  async down(_q: QueryRunner): Promise<void> {
    // filled in by its owner
  }
}
