import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { AutomationTrigger } from '@baton/shared/contracts';
import { AutomationActionInput } from './automation-action.input';
import { AutomationConditionGroupInput } from './automation-condition-group.input';
import { AutomationPartyInput } from './automation-party.input';
import { AutomationTriggerParamsInput } from './automation-trigger-params.input';

@InputType()
export class AutomationRuleDefinitionInput {
  @Field()
  @IsIn(Object.values(AutomationTrigger), {
    message: `trigger must be one of: ${Object.values(AutomationTrigger).join(', ')}`,
  })
  trigger: string;
  @Field(() => AutomationTriggerParamsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AutomationTriggerParamsInput)
  params?: AutomationTriggerParamsInput | null;
  @Field(() => AutomationConditionGroupInput, { nullable: true, description: 'Omitted: always' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AutomationConditionGroupInput)
  conditions?: AutomationConditionGroupInput | null;
  @Field(() => [AutomationActionInput])
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => AutomationActionInput)
  actions: AutomationActionInput[];
  @Field(() => [String], { nullable: true, description: 'The "channel" column; computed from the actions when empty' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(7)
  @IsString({ each: true })
  channels?: string[] | null;
  @Field(() => AutomationPartyInput, { nullable: true, description: 'The "owner" column' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AutomationPartyInput)
  owner?: AutomationPartyInput | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(500) description?: string | null;
}
