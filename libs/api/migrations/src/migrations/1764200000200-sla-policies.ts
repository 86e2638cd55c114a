import { MigrationInterface, QueryRunner } from 'typeorm';

/** SLA policies and clocks. (Scaffold: filled in by its owner.) */
export class SlaPolicies1764200000200 implements MigrationInterface {
  name = 'SlaPolicies1764200000200';

  async up(_q: QueryRunner): Promise<void> {
    // filled in by its owner
  }

  async down(_q: QueryRunner): Promise<void> {
    // filled in by its owner
  }
}
