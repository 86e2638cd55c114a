import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IntakeController } from './controllers/intake.controller';
import { IntakeHttpFilter } from './controllers/intake-http.error';
import { META_WEBHOOK_PATH, MetaWebhookReceiver, WHATSAPP_WEBHOOK_PATH } from './controllers/meta-webhook-receiver';
import { MetaWebhooksController } from './controllers/meta-webhooks.controller';
import { WebhookIntake } from './controllers/webhook-intake';
import { INTAKE_ENTITIES } from './entities';
import { ChannelAccountsResolver } from './resolvers/channel-accounts.resolver';
import { ChannelAccountsService } from './services/channel-accounts.service';
import { ChannelRouter } from './services/channel-router';
import { InboundEventStore } from './services/inbound-event-store';
import { InboundEventsQueue } from './services/inbound-events-queue';
import { IntakeMetrics } from './services/intake-metrics';
import { IntakePressure } from './services/intake-pressure';
import { MetaGraphClient } from './services/meta-graph.client';
import { OutboundSender } from './services/outbound-sender';
import { WebFormRateLimiter } from './services/webform-rate-limiter';

/**
 * Omnichannel intake services: channel accounts (AdminSettings), the routing of provider accounts to hotels, the
 * inbound_event store and the queue the worker claims from, and the outbound sender for replies. Every role needs
 * these; the HTTP endpoints live in IntakeWebhooksModule, which only API processes import.
 */
@Module({
  imports: [TypeOrmModule.forFeature(INTAKE_ENTITIES)],
  providers: [
    ChannelAccountsService,
    ChannelAccountsResolver,
    ChannelRouter,
    InboundEventStore,
    InboundEventsQueue,
    IntakeMetrics,
    IntakePressure,
    MetaGraphClient,
    OutboundSender,
  ],
  exports: [
    IntakePressure,
    ChannelRouter,
    InboundEventStore,
    InboundEventsQueue,
    IntakeMetrics,
    OutboundSender,
    ChannelAccountsService,
  ],
})
export class IntakeModule {}

/** The webhook and intake endpoints (`/webhooks/*`, `/intake/*`): API processes only, so workers serve no webhooks. */
@Module({
  imports: [IntakeModule],
  providers: [WebFormRateLimiter, WebhookIntake, IntakeHttpFilter, MetaWebhookReceiver],
  controllers: [MetaWebhooksController, IntakeController],
})
export class IntakeWebhooksModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(MetaWebhookReceiver)
      .forRoutes(
        { path: WHATSAPP_WEBHOOK_PATH, method: RequestMethod.POST },
        { path: META_WEBHOOK_PATH, method: RequestMethod.POST },
      );
  }
}
