import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

@ArgsType()
export class DailySummariesArgs {
  @Field(() => ID) @IsString() hotelId: string;
  @Field(() => Int, { nullable: true, defaultValue: 14, description: 'Newest first, 1 to 100' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'first must be between 1 and 100' })
  @Max(100, { message: 'first must be between 1 and 100' })
  first?: number | null;
}
