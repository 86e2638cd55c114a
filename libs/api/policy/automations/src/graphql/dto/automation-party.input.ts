import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PartyKind } from '../../model/rule-definition';

@InputType({
  description: 'Who: owner | user (userId) | team (team) | hotel_role (hotelRole) | raci (raciStep, raciRole)',
})
export class AutomationPartyInput {
  @Field()
  @IsIn(Object.values(PartyKind), { message: `kind must be one of: ${Object.values(PartyKind).join(', ')}` })
  kind: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() userId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(40) team?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(40) hotelRole?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(60) raciStep?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(1) raciRole?: string | null;
}
