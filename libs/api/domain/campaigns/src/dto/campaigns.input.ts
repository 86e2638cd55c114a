import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString } from 'class-validator';

@ArgsType()
export class CampaignsArgs {
  @Field(() => ID) @IsString() hotelId: string;
  @Field(() => Boolean, { nullable: true, description: "Only campaigns running today (hotel's time zone)" })
  @IsOptional()
  @IsBoolean()
  activeOnly?: boolean | null;
}
