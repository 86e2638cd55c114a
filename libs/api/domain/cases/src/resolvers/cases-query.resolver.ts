import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { DictionaryKind, Permission } from '@baton/shared/contracts';
import { Allow, Ctx, RequestContext } from '@baton/api/core';
import { CaseByNumberArgs } from '../dto/case-by-number.args';
import { CaseRefArgs } from '../dto/case-ref.args';
import { CasesArgs } from '../dto/cases.args';
import { DictionaryArgs } from '../dto/dictionary.args';
import { CaseConnectionObject } from '../objects/case-connection.object';
import { CaseObject } from '../objects/case.object';
import { DictionaryEntryObject } from '../objects/dictionary-entry.object';
import { QueueStateObject } from '../objects/queue-state.object';
import { CaseQueriesService } from '../services/case-queries.service';
import { Dictionaries } from '../services/dictionaries.service';
import { QueueStateService } from '../services/queue-state.service';

@Resolver(() => CaseObject)
export class CasesQueryResolver {
  constructor(
    private readonly queries: CaseQueriesService,
    private readonly queue: QueueStateService,
    private readonly dictionaries: Dictionaries,
  ) {}

  @Query(() => CaseConnectionObject, { description: 'Newest first; first 1..100' })
  @Allow(Permission.CasesRead)
  cases(@Ctx() ctx: RequestContext, @Args() args: CasesArgs): Promise<CaseConnectionObject> {
    return this.queries.list(ctx, args.hotelId, args.filter, args.first, args.after);
  }

  @Query(() => CaseObject, { name: 'case', description: 'NOT_FOUND when missing or not yours' })
  @Allow(Permission.CasesRead)
  caseById(@Ctx() ctx: RequestContext, @Args() args: CaseRefArgs): Promise<CaseObject> {
    return this.queries.get(ctx, args.hotelId, args.id);
  }

  @Query(() => CaseObject)
  @Allow(Permission.CasesRead)
  caseByNumber(@Ctx() ctx: RequestContext, @Args() args: CaseByNumberArgs): Promise<CaseObject> {
    return this.queries.byNumber(ctx, args.hotelId, args.number);
  }

  @Query(() => QueueStateObject)
  // Counts only, no personal data: queue wallboards (KPI-only tokens) may show them.
  @Allow(Permission.KpisRead)
  queueState(
    @Ctx() ctx: RequestContext,
    @Args('hotelId', { type: () => ID }) hotelId: string,
  ): Promise<QueueStateObject> {
    return this.queue.compute(ctx, hotelId);
  }

  @Query(() => [DictionaryEntryObject], { description: 'Defaults are seeded on first use' })
  @Allow(Permission.CasesRead)
  dictionary(@Ctx() ctx: RequestContext, @Args() args: DictionaryArgs): Promise<DictionaryEntryObject[]> {
    return this.dictionaries.list(ctx, args.hotelId, (args.kind as DictionaryKind | null | undefined) ?? null);
  }
}
