import { MigrationInterface, QueryRunner } from 'typeorm';

/** Automation rules. (Scaffold: filled in by its owner.) */
export class Automations1764200000600 implements MigrationInterface {
  name = 'Automations1764200000600';

  async up(_q: QueryRunner): Promise<void> {
    // filled in by its owner
  }

  async down(_q: QueryRunner): Promise<void> {
    // filled in by its owner
  }
}
