import { Injectable, OnModuleInit } from '@nestjs/common';
import { TimerKind } from '@baton/shared/contracts';
import { DomainEvents, TimerHandlers } from '@baton/api/core';
import { CASE_DOMAIN_EVENT, isCaseDomainEvent } from '@baton/api/domain/cases';
import { isTicketDomainEvent, TICKET_DOMAIN_EVENT } from '@baton/api/domain/tickets';
import { SlaLadder } from '../clocks/sla-ladder.service';
import { CaseSlaReactor } from './case-sla.reactor';
import { TicketSlaReactor } from './ticket-sla.reactor';

/**
 * Wires the engine in every process role: case and ticket domain events (handled in the transaction of the change,
 * just before COMMIT) and the TimerKind.SlaStep handler (run by the worker's timer runner in a transaction of its own).
 */
@Injectable()
export class SlaEngine implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly timerHandlers: TimerHandlers,
    private readonly cases: CaseSlaReactor,
    private readonly tickets: TicketSlaReactor,
    private readonly ladder: SlaLadder,
  ) {}

  onModuleInit(): void {
    for (const type of Object.values(CASE_DOMAIN_EVENT)) {
      this.events.on(type, async (ctx, event) => {
        if (isCaseDomainEvent(event)) {
          await this.cases.handle(ctx, event);
        }
      });
    }
    for (const type of Object.values(TICKET_DOMAIN_EVENT)) {
      this.events.on(type, async (ctx, event) => {
        if (isTicketDomainEvent(event)) {
          await this.tickets.handle(ctx, event);
        }
      });
    }
    this.timerHandlers.register(TimerKind.SlaStep, (ctx, timer) => this.ladder.onTimer(ctx, timer));
  }
}
