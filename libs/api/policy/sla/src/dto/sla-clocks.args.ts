import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional, IsString } from 'class-validator';

@ArgsType()
export class SlaClocksArgs {
  @Field(() => ID) @IsString() hotelId: string;
  @Field({ description: 'case or ticket' })
  @IsIn(['case', 'ticket'], { message: 'targetType must be case or ticket' })
  targetType: string;
  @Field(() => ID) @IsString() targetId: string;
  @Field(() => Boolean, { nullable: true, description: 'Also the clocks replaced when a different policy applied' })
  @IsOptional()
  @IsBoolean()
  includeReplaced?: boolean | null;
}
