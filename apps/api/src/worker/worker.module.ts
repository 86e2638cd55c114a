import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TimerPoller } from './timer-poller';
import { WorkerHeartbeat } from './worker-heartbeat';

/** Worker role: the @nestjs/schedule loops (heartbeat, durable timers; automations hang on the timers). */
@Module({ imports: [ScheduleModule.forRoot()], providers: [WorkerHeartbeat, TimerPoller] })
export class WorkerModule {}
