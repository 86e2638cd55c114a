import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CasePriority, CaseStatus, Channel } from '@baton/shared/contracts';

const list = (values: object) => Object.values(values).join(', ');

@InputType()
export class CaseFilter {
  @Field(() => [String], { nullable: true, description: 'CaseStatus values' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsIn(Object.values(CaseStatus), { each: true, message: `status must be among: ${list(CaseStatus)}` })
  status?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Channel values' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsIn(Object.values(Channel), { each: true, message: `channel must be among: ${list(Channel)}` })
  channel?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'P1 … P4' })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsIn(Object.values(CasePriority), { each: true, message: `priority must be among: ${list(CasePriority)}` })
  priority?: string[] | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'ownerId must be a user id' })
  ownerId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only cases without an owner' })
  @IsOptional()
  @IsBoolean()
  unassigned?: boolean | null;

  @Field(() => String, { nullable: true, description: 'A label code' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  label?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Full-text (Turkish, accent-insensitive, web-search syntax) over guest name, request text, messages',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'guestIds must be guest ids' })
  guestIds?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  utmCampaign?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only new, open, in_progress, handed_off and quoted cases' })
  @IsOptional()
  @IsBoolean()
  openOnly?: boolean | null;
}
