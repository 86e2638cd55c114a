import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { TicketFilter } from './ticket-filter.input';

@ArgsType()
export class TicketsArgs {
  @Field(() => ID) hotelId: string;

  @Field(() => TicketFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => TicketFilter)
  filter?: TicketFilter | null;

  @Field(() => Int, { defaultValue: 25, description: '1 … 100' })
  first: number;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string | null;
}
