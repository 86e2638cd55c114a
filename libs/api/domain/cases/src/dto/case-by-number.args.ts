import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@ArgsType()
export class CaseByNumberArgs {
  @Field(() => ID) hotelId: string;
  @Field({ description: 'e.g. BLK-2026-000123' }) @IsString() @MaxLength(40) number: string;
}
