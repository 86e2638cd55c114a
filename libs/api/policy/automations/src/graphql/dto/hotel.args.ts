import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString } from 'class-validator';

@ArgsType()
export class AutomationHotelArgs {
  @Field(() => ID) @IsString() hotelId: string;
}
