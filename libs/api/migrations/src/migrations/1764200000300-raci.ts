import { MigrationInterface, QueryRunner } from 'typeorm';

/** RACI matrix. (Scaffold: filled in by its owner.) */
export class Raci1764200000300 implements MigrationInterface {
  name = 'Raci1764200000300';

  async up(_q: QueryRunner): Promise<void> {
    // filled in by its owner
  }

  async down(_q: QueryRunner): Promise<void> {
    // filled in by its owner
  }
}
