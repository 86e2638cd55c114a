import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@baton/shared/contracts';
import { Allow, Ctx, RequestContext } from '@baton/api/core';
import { ApplyRaciTemplateInput } from '../dto/apply-raci-template.input';
import { RaciTemplateArgs } from '../dto/raci-template.args';
import { SaveRaciTemplateInput } from '../dto/save-raci-template.input';
import { RaciMatrixObject, RaciTemplateObject } from '../objects/raci.objects';
import { RaciTemplatesService } from '../services/raci-templates.service';

@Resolver(() => RaciTemplateObject)
export class RaciTemplateResolver {
  constructor(private readonly templates: RaciTemplatesService) {}

  @Query(() => RaciTemplateObject, { nullable: true, description: "The agency's template (null: none saved yet)" })
  @Allow(Permission.WorkflowsManage)
  raciTemplate(@Ctx() ctx: RequestContext, @Args() args: RaciTemplateArgs): Promise<RaciTemplateObject | null> {
    return this.templates.template(ctx, args.agencyId);
  }

  @Mutation(() => RaciTemplateObject, { description: "Replaces the agency's template (agency staff only)" })
  @Allow(Permission.WorkflowsManage)
  saveRaciTemplate(
    @Ctx() ctx: RequestContext,
    @Args('input') input: SaveRaciTemplateInput,
  ): Promise<RaciTemplateObject> {
    return this.templates.save(ctx, input);
  }

  @Mutation(() => [RaciMatrixObject], {
    description:
      "Copies an agency template or a hotel's matrix onto hotels the caller manages (their matrices, in order)",
  })
  @Allow(Permission.WorkflowsManage)
  applyRaciTemplate(
    @Ctx() ctx: RequestContext,
    @Args('input') input: ApplyRaciTemplateInput,
  ): Promise<RaciMatrixObject[]> {
    return this.templates.apply(ctx, input);
  }
}
