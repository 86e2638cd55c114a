import { Field, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { ConditionField, ConditionOp } from '../../model/rule-definition';

@InputType()
export class AutomationConditionInput {
  @Field()
  @IsIn(Object.values(ConditionField), { message: `field must be one of: ${Object.values(ConditionField).join(', ')}` })
  field: string;
  @Field()
  @IsIn(Object.values(ConditionOp), { message: `op must be one of: ${Object.values(ConditionOp).join(', ')}` })
  op: string;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  values?: string[] | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() number?: number | null;
}
