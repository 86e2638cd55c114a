import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NOTIFICATIONS_ENTITIES } from './entities';
import { DeliveryWorker } from './jobs/delivery.worker';
import { DELIVERY_OPTIONS, deliveryOptions } from './notifications.options';
import { DeliveriesResolver } from './resolvers/deliveries.resolver';
import { NotificationsResolver } from './resolvers/notifications.resolver';
import { Deliveries } from './services/deliveries.service';
import { DeliveryKicks } from './services/delivery-kicks';
import { DeliveryOutbox } from './services/delivery-outbox';
import { DeliverySender } from './services/delivery-sender';
import { NotificationEventsHub } from './services/notification-events.hub';
import { NotificationInbox } from './services/notification-inbox.service';
import { Notifications } from './services/notifications.service';
import { Recipients } from './services/recipients';

/**
 * In-app notifications and the delivery outbox (e-mail, signed webhooks). Notifications and Deliveries are exported
 * for policies (SLA, automations), which call them inside their own transactions. The DeliveryWorker is provided in
 * every role but only started where ScheduleModule runs (the worker).
 */
@Module({
  imports: [TypeOrmModule.forFeature(NOTIFICATIONS_ENTITIES)],
  providers: [
    { provide: DELIVERY_OPTIONS, useFactory: () => deliveryOptions() },
    Recipients,
    DeliveryKicks,
    Deliveries,
    Notifications,
    NotificationInbox,
    NotificationEventsHub,
    DeliveryOutbox,
    DeliverySender,
    DeliveryWorker,
    NotificationsResolver,
    DeliveriesResolver,
  ],
  exports: [Notifications, Deliveries],
})
export class NotificationsModule {}
