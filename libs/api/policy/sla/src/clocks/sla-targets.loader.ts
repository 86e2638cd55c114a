import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@baton/shared/contracts';
import { BatonError, RequestContext } from '@baton/api/core';
import { loadCase } from '@baton/api/domain/cases';
import { loadTicket } from '@baton/api/domain/tickets';
import { SlaClockRow } from './clock-store';
import { caseTarget, SlaTarget, ticketTarget } from './sla-targets';

/** Re-reads the case or ticket a clock measures (a timer fires long after the event that started it). */
@Injectable()
export class SlaTargets {
  async load(
    ctx: RequestContext,
    row: Pick<SlaClockRow, 'hotelId' | 'targetType' | 'targetId'>,
  ): Promise<SlaTarget | null> {
    try {
      return row.targetType === 'case'
        ? caseTarget(await loadCase(ctx, row.hotelId, row.targetId))
        : ticketTarget(await loadTicket(ctx, row.hotelId, row.targetId));
    } catch (error) {
      if (error instanceof BatonError && error.code === ErrorCode.NotFound) {
        return null;
      }
      throw error;
    }
  }
}
