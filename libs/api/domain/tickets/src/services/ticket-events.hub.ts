import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { TenantEvent } from '@baton/shared/contracts';
import { LocalFeed, Metrics, PubSubPort, TenantFanout } from '@baton/api/core';
import { TicketEventObject } from '../objects/ticket-event.object';
import { TicketEventPayload } from './ticket-events';
import { reviveTicketRecord, toTicketObject } from './ticket-record';

function toEventObject(payload: TicketEventPayload): TicketEventObject {
  return {
    hotelId: payload.hotelId,
    kind: payload.kind,
    ticketId: payload.ticketId,
    ticketNumber: payload.ticketNumber,
    at: new Date(payload.at),
    ticket: toTicketObject(reviveTicketRecord(payload.ticket)),
  };
}

/**
 * `ticketEvents`: one pub/sub subscription per hotel and process, fanned out locally; each event is mapped once into
 * an object shared by every subscriber (tickets carry no field masked per reader).
 */
@Injectable()
export class TicketEventsHub implements OnModuleDestroy {
  private readonly fanout: TenantFanout<TicketEventPayload, TicketEventObject>;

  constructor(pubsub: PubSubPort, metrics: Metrics) {
    this.fanout = new TenantFanout(pubsub, metrics, TenantEvent.Tickets, toEventObject);
  }

  /** Call only after authorising the subscriber for the hotel. */
  subscribe(hotelId: string): LocalFeed<TicketEventObject> {
    return this.fanout.subscribe(hotelId);
  }

  onModuleDestroy(): void {
    this.fanout.close();
  }
}
