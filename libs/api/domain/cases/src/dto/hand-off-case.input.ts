import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Channel, HandoffReason } from '@baton/shared/contracts';

@InputType()
export class HandOffCaseInput {
  @Field(() => ID) hotelId: string;
  @Field(() => ID) id: string;
  @Field({ description: 'A team code of the hotel dictionary' }) @IsString() @MaxLength(40) toTeam: string;
  @Field(() => String, { nullable: true, description: 'A Channel value, when the conversation moves channel' })
  @IsOptional()
  @IsIn(Object.values(Channel), { message: `toChannel must be one of: ${Object.values(Channel).join(', ')}` })
  toChannel?: string | null;
  @Field({ description: 'A HandoffReason value' })
  @IsIn(Object.values(HandoffReason), {
    message: `reason must be one of: ${Object.values(HandoffReason).join(', ')}`,
  })
  reason: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(1000) note?: string | null;
}
