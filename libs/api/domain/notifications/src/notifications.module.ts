import { Module } from '@nestjs/common';

/** (Scaffold: filled in by its owner.) */
@Module({})
export class NotificationsModule {}
