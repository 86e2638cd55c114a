import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { TenantEvent } from '@baton/shared/contracts';
import { LocalFeed, Metrics, PubSubPort, TenantFanout } from '@baton/api/core';
import { SlaEventPayload } from '../clocks/sla-events';
import { SlaEventObject } from '../objects/sla-event.object';

function toEventObject(payload: SlaEventPayload): SlaEventObject {
  return { ...payload, dueAt: new Date(payload.dueAt), at: new Date(payload.at) };
}

/**
 * `slaEvents`: one pub/sub subscription per hotel and process, fanned out locally. An SLA event carries no personal
 * data, so each event becomes one object shared by every subscriber.
 */
@Injectable()
export class SlaEventsHub implements OnModuleDestroy {
  private readonly fanout: TenantFanout<SlaEventPayload, SlaEventObject>;

  constructor(pubsub: PubSubPort, metrics: Metrics) {
    this.fanout = new TenantFanout(pubsub, metrics, TenantEvent.Sla, toEventObject);
  }

  /** Call only after authorising the subscriber for the hotel. */
  subscribe(hotelId: string): LocalFeed<SlaEventObject> {
    return this.fanout.subscribe(hotelId);
  }

  onModuleDestroy(): void {
    this.fanout.close();
  }
}
