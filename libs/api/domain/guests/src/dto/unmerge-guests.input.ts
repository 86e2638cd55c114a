import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@ArgsType()
export class UnmergeGuestsArgs {
  @Field(() => ID) @IsString() hotelId: string;
  @Field(() => ID) @IsString() @MaxLength(100) mergeId: string;
}
