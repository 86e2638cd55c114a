import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Permission } from '@baton/shared/contracts';
import { Allow, Ctx, RequestContext } from '@baton/api/core';
import { CaseObject } from '../objects/case.object';
import {
  CaseHandoffObject,
  CaseMessageObject,
  CaseNoteObject,
  CaseTransitionObject,
} from '../objects/case-parts.objects';
import { CasePartsLoader } from '../services/case-parts.loader';

/** The timeline of a case, oldest first, loaded in batches across every case of the response. */
@Resolver(() => CaseObject)
export class CaseFieldsResolver {
  constructor(private readonly loader: CasePartsLoader) {}

  @ResolveField(() => [CaseMessageObject])
  @Allow(Permission.CasesRead)
  messages(@Ctx() ctx: RequestContext, @Parent() parent: CaseObject): Promise<CaseMessageObject[]> {
    return this.loader.load(ctx, parent.hotelId, parent.id, 'messages');
  }

  @ResolveField(() => [CaseTransitionObject])
  @Allow(Permission.CasesRead)
  transitions(@Ctx() ctx: RequestContext, @Parent() parent: CaseObject): Promise<CaseTransitionObject[]> {
    return this.loader.load(ctx, parent.hotelId, parent.id, 'transitions');
  }

  @ResolveField(() => [CaseHandoffObject])
  @Allow(Permission.CasesRead)
  handoffs(@Ctx() ctx: RequestContext, @Parent() parent: CaseObject): Promise<CaseHandoffObject[]> {
    return this.loader.load(ctx, parent.hotelId, parent.id, 'handoffs');
  }

  @ResolveField(() => [CaseNoteObject])
  @Allow(Permission.CasesRead)
  notes(@Ctx() ctx: RequestContext, @Parent() parent: CaseObject): Promise<CaseNoteObject[]> {
    return this.loader.load(ctx, parent.hotelId, parent.id, 'notes');
  }
}
