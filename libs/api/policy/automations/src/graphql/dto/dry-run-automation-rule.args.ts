import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';
import { AutomationRuleDefinitionInput } from './automation-rule-definition.input';

@ArgsType()
export class DryRunAutomationRuleArgs {
  @Field(() => ID) @IsString() hotelId: string;
  @Field(() => ID, { nullable: true, description: 'A saved rule (its current version unless `version`)' })
  @IsOptional()
  @IsString()
  ruleId?: string | null;
  @Field(() => AutomationRuleDefinitionInput, { nullable: true, description: 'An unsaved definition (editor)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AutomationRuleDefinitionInput)
  definition?: AutomationRuleDefinitionInput | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) version?: number | null;
  @Field(() => Int, { description: '1 … 90' })
  @IsInt()
  @Min(1, { message: 'days must be 1 to 90' })
  @Max(90, { message: 'days must be 1 to 90' })
  days: number;
}
