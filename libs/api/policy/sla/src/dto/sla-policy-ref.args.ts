import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString } from 'class-validator';

@ArgsType()
export class SlaPolicyRefArgs {
  @Field(() => ID) @IsString() hotelId: string;
  @Field(() => ID) @IsString() id: string;
}
