import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';

@ArgsType()
export class MergeGuestsArgs {
  @Field(() => ID) @IsString() hotelId: string;
  @Field(() => ID, { description: 'The guest that stays' }) @IsString() @MaxLength(100) survivorId: string;
  @Field(() => ID, { description: 'The guest merged into the survivor' }) @IsString() @MaxLength(100) mergedId: string;
  @Field(() => ID, { nullable: true, description: 'The suggestion being accepted (its reasons are kept)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  suggestionId?: string | null;
}
