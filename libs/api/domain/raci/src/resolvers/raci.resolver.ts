import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@baton/shared/contracts';
import { Allow, Ctx, RequestContext } from '@baton/api/core';
import { RaciMatrixArgs } from '../dto/raci-matrix.args';
import { SaveRaciMatrixInput } from '../dto/save-raci-matrix.input';
import { RaciMatrixObject, RaciProblemObject } from '../objects/raci.objects';
import { RaciService } from '../services/raci.service';

@Resolver(() => RaciMatrixObject)
export class RaciResolver {
  constructor(private readonly raci: RaciService) {}

  @Query(() => RaciMatrixObject, { description: "The hotel's RACI matrix (version 0: not saved yet, default steps)" })
  @Allow(Permission.CasesRead)
  raciMatrix(@Ctx() ctx: RequestContext, @Args() args: RaciMatrixArgs): Promise<RaciMatrixObject> {
    return this.raci.matrix(ctx, args.hotelId);
  }

  @Mutation(() => RaciMatrixObject, {
    description:
      'Replaces the whole matrix; RACI_INVALID (details.problems), STALE_VERSION or BAD_USER_INPUT store nothing',
  })
  @Allow(Permission.WorkflowsManage)
  saveRaciMatrix(@Ctx() ctx: RequestContext, @Args('input') input: SaveRaciMatrixInput): Promise<RaciMatrixObject> {
    return this.raci.save(ctx, input);
  }

  @Mutation(() => [RaciProblemObject], {
    description: 'The rule problems saving this matrix would meet (nothing is stored; version is not checked)',
  })
  @Allow(Permission.WorkflowsManage)
  validateRaciMatrix(
    @Ctx() ctx: RequestContext,
    @Args('input') input: SaveRaciMatrixInput,
  ): Promise<RaciProblemObject[]> {
    return this.raci.validate(ctx, input);
  }
}
