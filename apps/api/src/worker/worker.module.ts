import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TimerFiringRetention } from '@baton/api/core';
import { TimerFiringPruner } from './timer-firing-pruner';
import { TimerPoller } from './timer-poller';
import { WorkerHeartbeat } from './worker-heartbeat';

/**
 * Worker role: the @nestjs/schedule loops (heartbeat, durable timers and the retention of their firing records;
 * automations hang on the timers).
 */
@Module({
  imports: [ScheduleModule.forRoot()],
  providers: [WorkerHeartbeat, TimerPoller, TimerFiringRetention, TimerFiringPruner],
})
export class WorkerModule {}
