import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsString } from 'class-validator';

@ArgsType()
export class ReorderSlaPoliciesArgs {
  @Field(() => ID) @IsString() hotelId: string;
  @Field(() => [ID], { description: 'Every policy id of the hotel, in the new order (first match wins)' })
  @ArrayMaxSize(200)
  @ArrayUnique({ message: 'ids must not repeat a policy' })
  @IsString({ each: true })
  ids: string[];
}
