import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@baton/shared/contracts';
import { Allow, Ctx, RequestContext } from '@baton/api/core';
import { AutomationRunsService } from '../../services/automation-runs.service';
import { KeywordSetsService } from '../../services/keyword-sets.service';
import { AutomationRunsArgs } from '../dto/automation-runs.args';
import { AutomationHotelArgs } from '../dto/hotel.args';
import { SaveKeywordSetInput } from '../dto/save-keyword-set.input';
import { AutomationKeywordSetObject } from '../objects/automation-rule.object';
import { AutomationRunConnectionObject } from '../objects/automation-run.object';

@Resolver()
export class AutomationRunsResolver {
  constructor(
    private readonly runs: AutomationRunsService,
    private readonly keywordSetsService: KeywordSetsService,
  ) {}

  @Query(() => AutomationRunConnectionObject, {
    description: 'Rule runs, newest first, incl. failures and loop blocks',
  })
  @Allow(Permission.CasesRead)
  automationRuns(@Ctx() ctx: RequestContext, @Args() args: AutomationRunsArgs): Promise<AutomationRunConnectionObject> {
    return this.runs.list(ctx, args);
  }

  @Query(() => [AutomationKeywordSetObject])
  @Allow(Permission.CasesRead)
  keywordSets(@Ctx() ctx: RequestContext, @Args() args: AutomationHotelArgs): Promise<AutomationKeywordSetObject[]> {
    return this.keywordSetsService.list(ctx, args.hotelId);
  }

  @Mutation(() => AutomationKeywordSetObject)
  @Allow(Permission.WorkflowsManage)
  saveKeywordSet(
    @Ctx() ctx: RequestContext,
    @Args('input') input: SaveKeywordSetInput,
  ): Promise<AutomationKeywordSetObject> {
    return this.keywordSetsService.save(ctx, input);
  }
}
