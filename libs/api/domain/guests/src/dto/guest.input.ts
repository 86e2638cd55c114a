import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@ArgsType()
export class GuestArgs {
  @Field(() => ID) @IsString() hotelId: string;
  @Field(() => ID) @IsString() @MaxLength(100) id: string;
}
