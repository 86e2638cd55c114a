import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsString } from 'class-validator';
import { IsLocalDate } from './local-date.validators';

@ArgsType()
export class GenerateDailySummaryArgs {
  @Field(() => ID) @IsString() hotelId: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, hotel-local; default today; not in the future' })
  @IsOptional()
  @IsLocalDate()
  date?: string | null;
}
