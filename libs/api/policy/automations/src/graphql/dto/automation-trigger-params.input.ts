import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, MaxLength } from 'class-validator';

@InputType()
export class AutomationTriggerParamsInput {
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() inactivityMinutes?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(10) waitingOn?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(40) slaStep?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(40) slaMetric?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(120) cron?: string | null;
}
