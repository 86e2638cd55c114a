import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@baton/shared/contracts';
import { Allow, Ctx, RequestContext } from '@baton/api/core';
import { DryRunService } from '../../dry-run/dry-run.service';
import { AutomationRulesService } from '../../services/automation-rules.service';
import { AutomationRuleRefArgs } from '../dto/automation-rule-ref.args';
import { DryRunAutomationRuleArgs } from '../dto/dry-run-automation-rule.args';
import { AutomationHotelArgs } from '../dto/hotel.args';
import { RollbackAutomationRuleArgs } from '../dto/rollback-automation-rule.args';
import { SaveAutomationRuleInput } from '../dto/save-automation-rule.input';
import { SetAutomationRuleEnabledInput } from '../dto/set-automation-rule-enabled.input';
import { AutomationRuleObject } from '../objects/automation-rule.object';
import { AutomationDryRunObject } from '../objects/automation-run.object';

@Resolver(() => AutomationRuleObject)
export class AutomationRulesResolver {
  constructor(
    private readonly rules: AutomationRulesService,
    private readonly dryRuns: DryRunService,
  ) {}

  @Query(() => [AutomationRuleObject], { description: "The hotel's rules (the playbook defaults on first access)" })
  @Allow(Permission.CasesRead)
  automationRules(@Ctx() ctx: RequestContext, @Args() args: AutomationHotelArgs): Promise<AutomationRuleObject[]> {
    return this.rules.list(ctx, args.hotelId);
  }

  @Query(() => AutomationRuleObject, { description: 'One rule with its versions (newest first)' })
  @Allow(Permission.CasesRead)
  automationRule(@Ctx() ctx: RequestContext, @Args() args: AutomationRuleRefArgs): Promise<AutomationRuleObject> {
    return this.rules.get(ctx, args.hotelId, args.id);
  }

  @Query(() => AutomationDryRunObject, {
    description: 'Replays a rule version (or an unsaved definition) over the last `days` days; writes nothing',
  })
  @Allow(Permission.CasesRead)
  dryRunAutomationRule(
    @Ctx() ctx: RequestContext,
    @Args() args: DryRunAutomationRuleArgs,
  ): Promise<AutomationDryRunObject> {
    return this.dryRuns.dryRun(ctx, args);
  }

  @Mutation(() => AutomationRuleObject, { description: 'Creates a rule or saves its next version; STALE_VERSION' })
  @Allow(Permission.WorkflowsManage)
  saveAutomationRule(
    @Ctx() ctx: RequestContext,
    @Args('input') input: SaveAutomationRuleInput,
  ): Promise<AutomationRuleObject> {
    return this.rules.save(ctx, input);
  }

  @Mutation(() => AutomationRuleObject, { description: 'A new version with enabled changed' })
  @Allow(Permission.WorkflowsManage)
  setAutomationRuleEnabled(
    @Ctx() ctx: RequestContext,
    @Args('input') input: SetAutomationRuleEnabledInput,
  ): Promise<AutomationRuleObject> {
    return this.rules.setEnabled(ctx, input);
  }

  @Mutation(() => Boolean, { description: 'Deletes a rule (its versions and runs stay readable in the audit)' })
  @Allow(Permission.WorkflowsManage)
  deleteAutomationRule(@Ctx() ctx: RequestContext, @Args() args: AutomationRuleRefArgs): Promise<boolean> {
    return this.rules.delete(ctx, args.hotelId, args.id, args.expectedVersion);
  }

  @Mutation(() => AutomationRuleObject, { description: 'A new version equal to an old one' })
  @Allow(Permission.WorkflowsManage)
  rollbackAutomationRule(
    @Ctx() ctx: RequestContext,
    @Args() args: RollbackAutomationRuleArgs,
  ): Promise<AutomationRuleObject> {
    return this.rules.rollback(ctx, args.hotelId, args.ruleId, args.version, args.expectedVersion);
  }
}
