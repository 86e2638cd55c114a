import { Injectable } from '@nestjs/common';
import { RequestContext } from '@baton/api/core';
import { AutomationRunsArgs } from '../graphql/dto/automation-runs.args';
import { AutomationRunConnectionObject } from '../graphql/objects/automation-run.object';
import { encodeRunCursor, listRuns } from '../store/runs.store';

/** The run log, newest first: what each rule did, including failures and loop-protection blocks. */
@Injectable()
export class AutomationRunsService {
  async list(ctx: RequestContext, args: AutomationRunsArgs): Promise<AutomationRunConnectionObject> {
    if (!ctx.inScope(args.hotelId)) {
      return { nodes: [], endCursor: null, hasNextPage: false };
    }
    const { rows, hasNextPage } = await listRuns(ctx, args.hotelId, {
      ruleId: args.ruleId,
      first: args.first ?? 25,
      after: args.after,
    });
    const last = rows[rows.length - 1];
    return {
      nodes: rows.map(({ key: _key, hotelId: _hotelId, ...run }) => run),
      endCursor: last ? encodeRunCursor(last) : null,
      hasNextPage,
    };
  }
}
