import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { WallboardBoard } from '@baton/shared/contracts';

@ArgsType()
export class CreateWallboardTokenArgs {
  @Field(() => ID) hotelId: string;
  @Field() @IsString() @MinLength(2) @MaxLength(80) name: string;
  @Field({ description: 'Which board the TV shows: activity, queue or kpi' })
  @IsIn(Object.values(WallboardBoard), {
    message: `board must be one of: ${Object.values(WallboardBoard).join(', ')}`,
  })
  board: string;
}
