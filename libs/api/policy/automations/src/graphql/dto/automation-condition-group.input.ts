import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { GroupMatch } from '../../model/rule-definition';
import { AutomationConditionInput } from './automation-condition.input';

@InputType({ description: 'all / any of the conditions and sub-groups (nested at most 3 deep)' })
export class AutomationConditionGroupInput {
  @Field() @IsIn(Object.values(GroupMatch), { message: 'match must be all or any' }) match: string;
  @Field(() => [AutomationConditionInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(40)
  @ValidateNested({ each: true })
  @Type(() => AutomationConditionInput)
  conditions?: AutomationConditionInput[] | null;
  @Field(() => [AutomationConditionGroupInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => AutomationConditionGroupInput)
  groups?: AutomationConditionGroupInput[] | null;
}
