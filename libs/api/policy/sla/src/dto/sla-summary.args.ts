import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsDate, IsString } from 'class-validator';
import { Type } from 'class-transformer';

@ArgsType()
export class SlaSummaryArgs {
  @Field(() => ID) @IsString() hotelId: string;
  @Field({ description: 'Clocks started at or after this instant' }) @Type(() => Date) @IsDate() from: Date;
  @Field({ description: 'Clocks started before this instant' }) @Type(() => Date) @IsDate() to: Date;
}
