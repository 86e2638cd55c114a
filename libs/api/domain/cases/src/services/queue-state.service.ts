import { Injectable } from '@nestjs/common';
import { OPEN_CASE_STATUSES } from '@baton/shared/contracts';
import { RequestContext } from '@baton/api/core';
import { QueueStateObject } from '../objects/queue-state.object';

/**
 * The live queue of a hotel. Open = status in OPEN_CASE_STATUSES; unassigned = open without an owner; waiting = open
 * with an unanswered guest message (waiting_since set); oldest waiting = the earliest waiting_since.
 */
@Injectable()
export class QueueStateService {
  async compute(ctx: RequestContext, hotelId: string): Promise<QueueStateObject> {
    ctx.assertInScope(hotelId);
    const rows: Array<{
      channel: string;
      open: number;
      unassigned: number;
      waiting: number;
      oldestWaitingSince: Date | null;
    }> = await ctx.tx.query(
      `SELECT channel, count(*)::int AS open,
              count(*) FILTER (WHERE owner_id IS NULL)::int AS unassigned,
              count(*) FILTER (WHERE waiting_since IS NOT NULL)::int AS waiting,
              min(waiting_since) AS "oldestWaitingSince"
         FROM guest_case
        WHERE tenant_id = $1 AND status = ANY($2::text[])
        GROUP BY channel ORDER BY channel`,
      [hotelId, OPEN_CASE_STATUSES],
    );
    const at = new Date();
    const oldest = rows.reduce<Date | null>(
      (min, row) => (row.oldestWaitingSince && (!min || row.oldestWaitingSince < min) ? row.oldestWaitingSince : min),
      null,
    );
    const sum = (key: 'open' | 'unassigned' | 'waiting') => rows.reduce((total, row) => total + row[key], 0);
    return {
      hotelId,
      open: sum('open'),
      unassigned: sum('unassigned'),
      waiting: sum('waiting'),
      oldestWaitingSince: oldest,
      oldestWaitingSeconds: oldest ? Math.max(0, Math.floor((at.getTime() - oldest.getTime()) / 1000)) : null,
      byChannel: rows,
      at,
    };
  }
}
