export * from './notification.entity';
export * from './delivery.entity';

import { DeliveryEntity } from './delivery.entity';
import { NotificationEntity } from './notification.entity';

export const NOTIFICATIONS_ENTITIES = [NotificationEntity, DeliveryEntity];
