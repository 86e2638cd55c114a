import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString } from 'class-validator';

/** One rule of one hotel (read or delete). */
@ArgsType()
export class AutomationRuleRefArgs {
  @Field(() => ID) @IsString() hotelId: string;
  @Field(() => ID) @IsString() id: string;
  @Field(() => Int, { nullable: true, description: 'Delete: the version the decision is based on' })
  @IsOptional()
  @IsInt()
  expectedVersion?: number | null;
}
