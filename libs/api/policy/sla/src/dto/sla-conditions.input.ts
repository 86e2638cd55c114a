import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsIn, IsOptional, Matches } from 'class-validator';
import { CasePriority, Channel } from '@baton/shared/contracts';

const CHANNELS = Object.values(Channel) as string[];
const PRIORITIES = Object.values(CasePriority) as string[];
const CODE = /^[a-z0-9_]{1,40}$/;

@InputType({ description: 'Which cases and tickets a policy applies to; an empty or omitted list matches anything' })
export class SlaConditionsInput {
  @Field(() => [String], { nullable: true, description: 'Channel values' })
  @IsOptional()
  @ArrayUnique({ message: 'channels must not repeat a value' })
  @IsIn(CHANNELS, { each: true, message: `channels must contain only: ${CHANNELS.join(', ')}` })
  channels?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'P1 … P4' })
  @IsOptional()
  @ArrayUnique({ message: 'priorities must not repeat a value' })
  @IsIn(PRIORITIES, { each: true, message: `priorities must contain only: ${PRIORITIES.join(', ')}` })
  priorities?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'request_type codes of the hotel dictionary' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ArrayUnique({ message: 'requestTypes must not repeat a value' })
  @Matches(CODE, { each: true, message: 'requestTypes must be dictionary codes' })
  requestTypes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Label codes; matches a target carrying any of them' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ArrayUnique({ message: 'labels must not repeat a value' })
  @Matches(CODE, { each: true, message: 'labels must be dictionary codes' })
  labels?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Team codes of the hotel dictionary' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ArrayUnique({ message: 'teams must not repeat a value' })
  @Matches(CODE, { each: true, message: 'teams must be dictionary codes' })
  teams?: string[] | null;
}
