import { Injectable } from '@nestjs/common';
import { NotificationChannel, RaciProcessStep, RaciRole } from '@baton/shared/contracts';
import { RequestContext } from '@baton/api/core';
import { Notifications } from '@baton/api/domain/notifications';
import { RaciService } from '@baton/api/domain/raci';
import { ConsultReason, hotelFacts, routingText } from '../steps/routing-texts';

/** What a Consulted party is asked about: the step, why, the case or ticket, and the facts its text names. */
export interface ConsultRequest {
  hotelId: string;
  step: RaciProcessStep | string;
  reason: ConsultReason;
  /** Unique per occasion: the same occasion never asks anyone twice (a retried timer, a replayed event). */
  occasion: string;
  number: string;
  link: { caseId?: string; ticketId?: string };
  values?: Record<string, string | null>;
}

/**
 * "C is asked": when something happens on a step that its Consulted parties should weigh in on (a handoff, a new
 * complaint, content waiting for approval, a breached target) they get an in-app notice asking for their view on
 * the case, with a link to it. The Responsible and Accountable are reached by assignment and escalation instead,
 * so anyone who also holds R or A on the step is not asked again.
 */
@Injectable()
export class RaciConsultation {
  constructor(
    private readonly raci: RaciService,
    private readonly notifications: Notifications,
  ) {}

  async ask(ctx: RequestContext, request: ConsultRequest): Promise<void> {
    const consulted = await this.raci.resolve(ctx, request.hotelId, request.step, RaciRole.Consulted);
    if (consulted.userIds.length === 0) {
      return;
    }
    const reached = new Set([
      ...(await this.raci.resolve(ctx, request.hotelId, request.step, RaciRole.Responsible)).userIds,
      ...(await this.raci.resolve(ctx, request.hotelId, request.step, RaciRole.Accountable)).userIds,
    ]);
    const userIds = consulted.userIds.filter((id) => !reached.has(id));
    if (userIds.length === 0) {
      return;
    }
    const hotel = await hotelFacts(ctx, request.hotelId);
    const stepName = await this.raci.stepName(ctx, request.hotelId, request.step);
    const metric = request.values?.['metric'];
    const values = {
      number: request.number,
      step: stepName,
      ...request.values,
      ...(metric ? { metric: routingText(hotel.locale, `metric.${metric}`, {}) } : {}),
    };
    await this.notifications.notify(ctx, {
      hotelId: request.hotelId,
      userIds,
      kind: 'raci.consulted',
      title: routingText(hotel.locale, 'consultTitle', values),
      body:
        routingText(hotel.locale, `consult.${request.reason}`, values) +
        routingText(hotel.locale, 'consultTail', values),
      link: request.link,
      channels: [NotificationChannel.InApp],
      idempotencyKey: `raci.consulted:${request.reason}:${request.occasion}`,
    });
  }
}
