export * from './channel-account.entity';
export * from './channel-route.entity';
export * from './inbound-event.entity';

import { ChannelAccountEntity } from './channel-account.entity';
import { ChannelRouteEntity } from './channel-route.entity';
import { InboundEventEntity } from './inbound-event.entity';

export const INTAKE_ENTITIES = [ChannelAccountEntity, ChannelRouteEntity, InboundEventEntity];
