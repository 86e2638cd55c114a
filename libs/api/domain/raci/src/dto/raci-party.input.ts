import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { HOTEL_ROLES, RACI_KEY_PATTERN } from '../rules/raci-document';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType({ description: 'A column of the matrix' })
export class RaciPartyInput {
  @Field({ description: 'Lower-case letters, digits and _ (1-40), unique in the matrix' })
  @Matches(RACI_KEY_PATTERN, { message: 'party key must be 1-40 lower-case letters, digits or _' })
  key: string;

  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 80, { message: 'party name must be 1 to 80 characters' })
  name: string;

  @Field(() => String, { nullable: true, description: 'A case team key (e.g. call_center), or null' })
  @IsOptional()
  @Matches(RACI_KEY_PATTERN, { message: 'team must be a team key: 1-40 lower-case letters, digits or _' })
  team?: string | null;

  @Field(() => [String], { nullable: true, description: 'Hotel roles whose holders are members' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(HOTEL_ROLES.length)
  @IsIn(HOTEL_ROLES, { each: true, message: `roles must contain only: ${HOTEL_ROLES.join(', ')}` })
  roles?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Explicit members: staff of the hotel or of its agency' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'userIds must be user ids' })
  userIds?: string[] | null;
}
