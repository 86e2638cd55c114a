import { MigrationInterface, QueryRunner } from 'typeorm';

/** Business-hours calendars. (Scaffold: filled in by its owner.) */
export class BusinessCalendars1764200000100 implements MigrationInterface {
  name = 'BusinessCalendars1764200000100';

  async up(_q: QueryRunner): Promise<void> {
    // filled in by its owner
  }

  async down(_q: QueryRunner): Promise<void> {
    // filled in by its owner
  }
}
