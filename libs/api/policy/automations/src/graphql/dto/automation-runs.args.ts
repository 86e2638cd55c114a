import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

@ArgsType()
export class AutomationRunsArgs {
  @Field(() => ID) @IsString() hotelId: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() ruleId?: string | null;
  @Field(() => Int, { nullable: true, description: '1 … 100, default 25' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  first?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() after?: string | null;
}
