import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { CaseFilter } from './case-filter.input';

@ArgsType()
export class CasesArgs {
  @Field(() => ID) hotelId: string;

  @Field(() => CaseFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CaseFilter)
  filter?: CaseFilter | null;

  @Field(() => Int, { defaultValue: 25, description: '1 … 100' })
  first: number;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string | null;
}
