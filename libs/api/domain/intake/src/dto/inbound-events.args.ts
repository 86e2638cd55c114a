import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

@ArgsType()
export class InboundEventsArgs {
  @Field(() => ID) @IsString() hotelId: string;
  @Field(() => Boolean, { nullable: true, description: 'Only events not processed yet (including given-up ones)' })
  @IsOptional()
  @IsBoolean()
  pendingOnly?: boolean | null;
  @Field(() => Int, { nullable: true, defaultValue: 50, description: '1..200, newest first' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'first must be between 1 and 200' })
  @Max(200, { message: 'first must be between 1 and 200' })
  first?: number | null;
}
