import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Channel } from '@baton/shared/contracts';

@InputType()
export class ReplyToCaseInput {
  @Field(() => ID) hotelId: string;
  @Field(() => ID) caseId: string;
  @Field() @IsString() @Matches(/\S/, { message: 'body must not be blank' }) @MaxLength(4096) body: string;
  @Field(() => String, { nullable: true, description: "Defaults to the case's channel; must be replyable" })
  @IsOptional()
  @IsIn(Object.values(Channel), { message: `channel must be one of: ${Object.values(Channel).join(', ')}` })
  channel?: string | null;
}
