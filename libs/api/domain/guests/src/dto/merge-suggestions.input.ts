import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { MergeSuggestionStatus } from '@baton/shared/contracts';

@ArgsType()
export class MergeSuggestionsArgs {
  @Field(() => ID) @IsString() hotelId: string;
  @Field(() => ID, { nullable: true, description: 'Only suggestions where this guest is either side' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  guestId?: string | null;
  @Field(() => String, { nullable: true, description: 'open | merged | dismissed (default: all)' })
  @IsOptional()
  @IsIn(Object.values(MergeSuggestionStatus), {
    message: `status must be one of: ${Object.values(MergeSuggestionStatus).join(', ')}`,
  })
  status?: string | null;
}
