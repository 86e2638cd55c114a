import { DynamicModule, Module } from '@nestjs/common';
import { ValidationPipe } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { BatonConfig, BatonGraphqlModule, CoreModule, ValidationFailed } from '@baton/api/core';
import { AuditModule } from '@baton/api/domain/audit';
import { CampaignsModule } from '@baton/api/domain/campaigns';
import { CasesModule } from '@baton/api/domain/cases';
import { GuestsModule } from '@baton/api/domain/guests';
import { IntakeModule, IntakeWebhooksModule } from '@baton/api/domain/intake';
import { ConversationsModule } from '@baton/api/policy/conversations';
import { TenancyModule } from '@baton/api/domain/tenancy';
import { CalendarsModule } from '@baton/api/domain/calendars';
import { NotificationsModule } from '@baton/api/domain/notifications';
import { RaciModule } from '@baton/api/domain/raci';
import { TicketsModule } from '@baton/api/domain/tickets';
import { AutomationsModule } from '@baton/api/policy/automations';
import { RoutingModule } from '@baton/api/policy/routing';
import { SlaModule } from '@baton/api/policy/sla';
import { WorkerModule } from './worker/worker.module';

/** Wiring only. BATON_ROLE decides what this process runs: api (GraphQL + WebSocket), worker (jobs), or all. */
@Module({})
export class AppModule {
  static forRoot(config: BatonConfig): DynamicModule {
    const imports: DynamicModule['imports'] = [
      CoreModule.forRoot(config),
      TenancyModule,
      IntakeModule,
      GuestsModule,
      CasesModule,
      CampaignsModule,
      ConversationsModule,
      CalendarsModule,
      RaciModule,
      TicketsModule,
      NotificationsModule,
      SlaModule,
      AutomationsModule,
      RoutingModule,
    ];
    if (config.runsApi) {
      imports.push(BatonGraphqlModule.forRoot(), AuditModule, IntakeWebhooksModule);
    }
    if (config.runsWorker) {
      imports.push(WorkerModule);
    }
    return {
      module: AppModule,
      imports,
      providers: [
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({
            transform: true,
            forbidUnknownValues: false,
            stopAtFirstError: false,
            exceptionFactory: (errors) => ValidationFailed.fromClassValidator(errors),
          }),
        },
      ],
    };
  }
}
