import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString, Matches, MaxLength } from 'class-validator';

@ArgsType()
export class UpdateGuestArgs {
  @Field(() => ID) @IsString() hotelId: string;
  @Field(() => ID) @IsString() @MaxLength(100) id: string;
  @Field()
  @IsString()
  @Matches(/\S/, { message: 'displayName must be 1 to 200 characters' })
  @MaxLength(200, { message: 'displayName must be 1 to 200 characters' })
  displayName: string;
}
