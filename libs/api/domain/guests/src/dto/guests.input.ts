import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

@ArgsType()
export class GuestsArgs {
  @Field(() => ID) @IsString() hotelId: string;
  @Field(() => String, {
    nullable: true,
    description:
      'A name (every word, Turkish-folded) or a contact value (normalised: phone, wa id, e-mail, IG/Messenger id)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;
  @Field(() => Int, { nullable: true, description: '1..100, default 25' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'first must be between 1 and 100' })
  @Max(100, { message: 'first must be between 1 and 100' })
  first?: number | null;
}
