import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsString } from 'class-validator';

@ArgsType()
export class UnreadCountArgs {
  @Field(() => ID, { nullable: true, description: 'One hotel; every hotel of the caller when left out' })
  @IsOptional()
  @IsString()
  hotelId?: string | null;
}
