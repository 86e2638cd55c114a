import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsString, Matches, MaxLength } from 'class-validator';

@InputType({ description: 'Creates or replaces a named keyword list of the hotel' })
export class SaveKeywordSetInput {
  @Field(() => ID) @IsString() hotelId: string;
  @Field({ description: 'a-z, 0-9 and _, e.g. cancellation' })
  @IsString()
  @Matches(/^[a-z0-9_]{1,40}$/, { message: 'name must be 1 to 40 characters of a-z, 0-9 and _' })
  name: string;
  @Field(() => [String], { description: 'Words or phrases; a trailing * allows suffixes' })
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(80, { each: true })
  keywords: string[];
}
