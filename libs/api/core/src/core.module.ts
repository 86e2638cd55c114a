import { DynamicModule, Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { deriveAppUrl } from '@baton/api/migrations';
import { AccessTokens } from './auth/access-tokens';
import { AuditLogEntity } from './audit/audit-log.entity';
import { AuditWriter } from './audit/audit-writer';
import { BatonConfig } from './config/baton-config';
import { BatonConfigModule } from './config/config.module';
import { TenantTransactions } from './db/tenant-transactions';
import { SecretBox } from './crypto/secret-box';
import { Mailer } from './mail/mailer';
import { DomainEvents } from './events/domain-events';
import { DurableTimers, TimerHandlers } from './timers/durable-timers';
import { ProbeTimerHandler } from './timers/probe-timer';
import { TimerBatches } from './timers/timer-batch';
import { TimerRunner } from './timers/timer-runner';
import { TimerWakeups } from './timers/timer-wakeups';
import { WorkSignals } from './events/work-signals';
import { ShutdownState } from './lifecycle/shutdown-state';
import { HealthController } from './observability/health.controller';
import { HttpMetricsMiddleware } from './observability/http-metrics.middleware';
import { loggerOptions } from './observability/logger-options';
import { MetricsController } from './observability/metrics.controller';
import { Metrics } from './observability/metrics';
import { PubSubModule } from './pubsub/pubsub.module';

export function appDatabaseUrl(config: BatonConfig): string {
  return config.DATABASE_APP_URL ?? deriveAppUrl(config.DATABASE_URL, config.DATABASE_APP_PASSWORD);
}

/** Infrastructure shared by every process role: config, logs, the app-role database pool, pub/sub, health, metrics. */
@Global()
@Module({})
export class CoreModule implements NestModule {
  static forRoot(config: BatonConfig): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        BatonConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config)),
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: appDatabaseUrl(config),
          // The schema comes from reviewed migrations only.
          synchronize: false,
          migrationsRun: false,
          autoLoadEntities: true,
          retryAttempts: 1,
          retryDelay: 500,
          extra: { max: config.DATABASE_POOL_SIZE, application_name: `baton-${config.BATON_ROLE}` },
        }),
        TypeOrmModule.forFeature([AuditLogEntity]),
        PubSubModule,
      ],
      providers: [
        Metrics,
        TenantTransactions,
        AuditWriter,
        ShutdownState,
        AccessTokens,
        SecretBox,
        Mailer,
        WorkSignals,
        DomainEvents,
        DurableTimers,
        TimerHandlers,
        TimerWakeups,
        TimerBatches,
        TimerRunner,
        ProbeTimerHandler,
      ],
      controllers: [HealthController, MetricsController],
      exports: [
        Metrics,
        TenantTransactions,
        AuditWriter,
        ShutdownState,
        AccessTokens,
        SecretBox,
        Mailer,
        WorkSignals,
        DomainEvents,
        DurableTimers,
        TimerHandlers,
        TimerWakeups,
        TimerRunner,
        TypeOrmModule,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*');
  }
}
