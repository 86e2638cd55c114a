import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Permission } from '@baton/shared/contracts';
import { Allow, Ctx, RequestContext } from '@baton/api/core';
import { AcceptHandoffArgs } from '../dto/accept-handoff.args';
import { AddCaseNoteArgs } from '../dto/add-case-note.args';
import { AssignCaseInput } from '../dto/assign-case.input';
import { ChangeCaseStatusInput } from '../dto/change-case-status.input';
import { HandOffCaseInput } from '../dto/hand-off-case.input';
import { MergeCasesArgs } from '../dto/merge-cases.args';
import { UpdateCaseInput } from '../dto/update-case.input';
import { CaseHandoffObject, CaseNoteObject } from '../objects/case-parts.objects';
import { CaseObject } from '../objects/case.object';
import { CaseEditingService } from '../services/case-editing.service';
import { CaseMergeService } from '../services/case-merge.service';
import { CaseRecord, revealsContact, toCaseObject } from '../services/case-record';
import { CaseWorkflowService } from '../services/case-workflow.service';

@Resolver(() => CaseObject)
export class CaseMutationsResolver {
  constructor(
    private readonly editing: CaseEditingService,
    private readonly workflow: CaseWorkflowService,
    private readonly merging: CaseMergeService,
  ) {}

  @Mutation(() => CaseObject, { description: 'Omitted fields stay; dictionary fields take active codes only' })
  @Allow(Permission.CasesWrite)
  async updateCase(@Ctx() ctx: RequestContext, @Args('input') input: UpdateCaseInput): Promise<CaseObject> {
    return this.view(ctx, await this.editing.update(ctx, input));
  }

  @Mutation(() => CaseObject, { description: 'Follows CASE_TRANSITIONS; lost needs a lostReason' })
  @Allow(Permission.CasesWrite)
  async changeCaseStatus(@Ctx() ctx: RequestContext, @Args('input') input: ChangeCaseStatusInput): Promise<CaseObject> {
    return this.view(ctx, await this.workflow.changeStatus(ctx, input));
  }

  @Mutation(() => CaseObject)
  @Allow(Permission.CasesWrite)
  async assignCase(@Ctx() ctx: RequestContext, @Args('input') input: AssignCaseInput): Promise<CaseObject> {
    return this.view(ctx, await this.editing.assign(ctx, input));
  }

  @Mutation(() => CaseHandoffObject, { description: 'MANDATORY_FIELDS_MISSING until guest name, contact, request' })
  @Allow(Permission.CasesWrite)
  handOffCase(@Ctx() ctx: RequestContext, @Args('input') input: HandOffCaseInput): Promise<CaseHandoffObject> {
    return this.workflow.handOff(ctx, input);
  }

  @Mutation(() => CaseHandoffObject, { description: 'The accepting user becomes the owner' })
  @Allow(Permission.CasesWrite)
  acceptHandoff(@Ctx() ctx: RequestContext, @Args() args: AcceptHandoffArgs): Promise<CaseHandoffObject> {
    return this.workflow.acceptHandoff(ctx, args.hotelId, args.handoffId);
  }

  @Mutation(() => CaseNoteObject, { description: 'Internal; never sent to the guest' })
  @Allow(Permission.CasesWrite)
  addCaseNote(@Ctx() ctx: RequestContext, @Args() args: AddCaseNoteArgs): Promise<CaseNoteObject> {
    return this.editing.addNote(ctx, args.hotelId, args.caseId, args.body);
  }

  @Mutation(() => CaseObject, { description: 'Both open, same guest; returns the survivor' })
  @Allow(Permission.CasesWrite)
  async mergeCases(@Ctx() ctx: RequestContext, @Args() args: MergeCasesArgs): Promise<CaseObject> {
    return this.view(ctx, await this.merging.merge(ctx, args.hotelId, args.survivorId, args.mergedId));
  }

  private view(ctx: RequestContext, record: CaseRecord): CaseObject {
    return toCaseObject(record, revealsContact(ctx, record.hotelId));
  }
}
