import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { WorkerHeartbeat } from './worker-heartbeat';

/** Worker role: the @nestjs/schedule loop that later issues hang durable timers and automations on. */
@Module({ imports: [ScheduleModule.forRoot()], providers: [WorkerHeartbeat] })
export class WorkerModule {}
