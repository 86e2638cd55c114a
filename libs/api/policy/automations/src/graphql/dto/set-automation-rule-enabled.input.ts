import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsOptional, IsString } from 'class-validator';

@InputType()
export class SetAutomationRuleEnabledInput {
  @Field(() => ID) @IsString() hotelId: string;
  @Field(() => ID) @IsString() id: string;
  @Field() @IsBoolean() enabled: boolean;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() expectedVersion?: number | null;
}
