import { MigrationInterface, QueryRunner } from 'typeorm';

/** In-app notifications and the delivery outbox. (Scaffold: filled in by its owner.) */
export class NotificationsOutbox1764200000500 implements MigrationInterface {
  name = 'NotificationsOutbox1764200000500';

  async up(_q: QueryRunner): Promise<void> {
    // filled in by its owner
  }

  async down(_q: QueryRunner): Promise<void> {
    // filled in by its owner
  }
}
