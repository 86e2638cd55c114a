import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@baton/shared/contracts';
import { Allow, Ctx, RequestContext } from '@baton/api/core';
import { DailySummariesArgs } from '../dto/daily-summaries.input';
import { GenerateDailySummaryArgs } from '../dto/generate-daily-summary.input';
import { DailySummaryObject } from '../objects/campaigns.objects';
import { DailySummaryService } from '../services/daily-summary.service';

@Resolver(() => DailySummaryObject)
export class DailySummariesResolver {
  constructor(private readonly summaries: DailySummaryService) {}

  @Query(() => [DailySummaryObject], { description: 'Newest first (the dashboard shows the latest)' })
  @Allow(Permission.CasesRead)
  dailySummaries(@Ctx() ctx: RequestContext, @Args() args: DailySummariesArgs): Promise<DailySummaryObject[]> {
    return this.summaries.list(ctx, args.hotelId, args.first ?? undefined);
  }

  @Mutation(() => DailySummaryObject, {
    description: "Run now: generates (and e-mails) the hotel's summary for date (default today); idempotent per day",
  })
  @Allow(Permission.CampaignsManage)
  generateDailySummary(
    @Ctx() ctx: RequestContext,
    @Args() args: GenerateDailySummaryArgs,
  ): Promise<DailySummaryObject> {
    return this.summaries.generate(ctx, args.hotelId, args.date);
  }
}
