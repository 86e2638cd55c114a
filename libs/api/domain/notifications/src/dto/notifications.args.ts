import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

@ArgsType()
export class NotificationsArgs {
  @Field(() => ID, { nullable: true, description: 'One hotel; every hotel of the caller when left out' })
  @IsOptional()
  @IsString()
  hotelId?: string | null;

  @Field({ defaultValue: false }) @IsBoolean() unreadOnly: boolean;

  @Field(() => Int, { defaultValue: 25, description: '1 … 100' }) @IsInt() @Min(1) @Max(100) first: number;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string | null;
}
