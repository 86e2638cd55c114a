import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Min } from 'class-validator';

@ArgsType()
export class RollbackAutomationRuleArgs {
  @Field(() => ID) @IsString() hotelId: string;
  @Field(() => ID) @IsString() ruleId: string;
  @Field(() => Int, { description: 'The version to restore (a new version equal to it is created)' })
  @IsInt()
  @Min(1)
  version: number;
  @Field(() => Int, { nullable: true, description: 'The current version the decision is based on' })
  @IsOptional()
  @IsInt()
  expectedVersion?: number | null;
}
