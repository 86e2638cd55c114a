import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DeliveryState } from '@baton/shared/contracts';

@ArgsType()
export class DeliveriesArgs {
  @Field(() => ID) @IsString() hotelId: string;

  @Field(() => String, {
    nullable: true,
    description: 'A DeliveryState value (pending, sent, dead); all when left out',
  })
  @IsOptional()
  @IsEnum(DeliveryState)
  state?: DeliveryState | null;

  @Field(() => Int, { defaultValue: 25, description: '1 … 100' }) @IsInt() @Min(1) @Max(100) first: number;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string | null;
}
