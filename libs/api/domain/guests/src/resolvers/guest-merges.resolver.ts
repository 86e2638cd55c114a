import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@baton/shared/contracts';
import { Allow, Ctx, RequestContext } from '@baton/api/core';
import { DismissMergeSuggestionArgs } from '../dto/dismiss-merge-suggestion.input';
import { GuestMergesArgs } from '../dto/guest-merges.input';
import { MergeGuestsArgs } from '../dto/merge-guests.input';
import { MergeSuggestionsArgs } from '../dto/merge-suggestions.input';
import { UnmergeGuestsArgs } from '../dto/unmerge-guests.input';
import { GuestMergeObject, MergeSuggestionObject } from '../objects/guest.objects';
import { GuestDirectoryService } from '../services/guest-directory.service';
import { GuestMergesService } from '../services/guest-merges.service';

@Resolver(() => GuestMergeObject)
export class GuestMergesResolver {
  constructor(
    private readonly directory: GuestDirectoryService,
    private readonly merges: GuestMergesService,
  ) {}

  @Query(() => [MergeSuggestionObject], { description: 'Newest first (at most 100)' })
  @Allow(Permission.CasesRead)
  mergeSuggestions(@Ctx() ctx: RequestContext, @Args() args: MergeSuggestionsArgs): Promise<MergeSuggestionObject[]> {
    return this.directory.suggestions(ctx, args.hotelId, args.guestId ?? null, args.status ?? null);
  }

  @Query(() => [GuestMergeObject], { description: 'Merges the guest took part in, newest first, undone ones included' })
  @Allow(Permission.CasesRead)
  guestMerges(@Ctx() ctx: RequestContext, @Args() args: GuestMergesArgs): Promise<GuestMergeObject[]> {
    return this.directory.merges(ctx, args.hotelId, args.guestId);
  }

  @Mutation(() => GuestMergeObject, { description: 'Reversible with unmergeGuests; cases are not moved' })
  @Allow(Permission.CasesWrite)
  mergeGuests(@Ctx() ctx: RequestContext, @Args() args: MergeGuestsArgs): Promise<GuestMergeObject> {
    return this.merges.merge(ctx, args.hotelId, args.survivorId, args.mergedId, args.suggestionId ?? null);
  }

  @Mutation(() => GuestMergeObject, { description: 'Moves back exactly the identities the merge moved' })
  @Allow(Permission.CasesWrite)
  unmergeGuests(@Ctx() ctx: RequestContext, @Args() args: UnmergeGuestsArgs): Promise<GuestMergeObject> {
    return this.merges.unmerge(ctx, args.hotelId, args.mergeId);
  }

  @Mutation(() => MergeSuggestionObject, { description: 'Idempotent; CONFLICT for a merged suggestion' })
  @Allow(Permission.CasesWrite)
  dismissMergeSuggestion(
    @Ctx() ctx: RequestContext,
    @Args() args: DismissMergeSuggestionArgs,
  ): Promise<MergeSuggestionObject> {
    return this.directory.dismiss(ctx, args.hotelId, args.id);
  }
}
