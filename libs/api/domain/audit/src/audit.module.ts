import { Module } from '@nestjs/common';
import { ActivityResolver } from './activity.resolver';
import { ActivityService } from './activity.service';

/** Reading the audit trail: the recent-activity query and the live hotelActivity subscription. */
@Module({ providers: [ActivityService, ActivityResolver] })
export class AuditModule {}
