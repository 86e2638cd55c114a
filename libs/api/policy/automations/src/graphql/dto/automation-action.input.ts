import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ActionType } from '../../model/rule-definition';
import { AutomationPartyInput } from './automation-party.input';

@InputType({ description: 'One action; which fields matter depends on the type' })
export class AutomationActionInput {
  @Field()
  @IsIn(Object.values(ActionType), { message: `type must be one of: ${Object.values(ActionType).join(', ')}` })
  type: string;
  @Field(() => [String], { nullable: true, description: 'Notify: in_app / email' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @IsString({ each: true })
  channels?: string[] | null;
  @Field(() => AutomationPartyInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AutomationPartyInput)
  target?: AutomationPartyInput | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) title?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2000) body?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(40) value?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(40) lostReason?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2000) url?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Webhook signing secret, write-only. Omitted keeps the stored one (same URL); empty removes it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  secret?: string | null;
  @Field(() => [String], { nullable: true, description: 'Guest message: case / whatsapp / email, in order' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @IsString({ each: true })
  messageChannels?: string[] | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(40) reason?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(40) team?: string | null;
}
