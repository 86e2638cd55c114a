import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';
import { CaseStatus, TicketStatus } from '@baton/shared/contracts';
import { SlaConditionsInput } from './sla-conditions.input';
import { SlaMetricTargetInput } from './sla-metric-target.input';

/** Case statuses, and ticket statuses such as awaiting_confirmation, in which the clocks stop. */
export const PAUSABLE_STATUSES = [
  ...new Set([...Object.values(CaseStatus), ...Object.values(TicketStatus)]),
] as string[];

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType({ description: 'Creates a policy (no id, appended last) or replaces one (id + the version it was read at)' })
export class SaveSlaPolicyInput {
  @Field(() => ID) @IsString() hotelId: string;

  @Field(() => ID, { nullable: true, description: 'Omit to create' })
  @IsOptional()
  @IsString()
  id?: string | null;

  @Field(() => Int, { nullable: true, description: 'Required with id: STALE_VERSION when the policy moved on' })
  @IsOptional()
  @IsInt()
  version?: number | null;

  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 120, { message: 'name must be 1 to 120 characters' })
  name: string;

  @Field(() => Boolean, { nullable: true, description: 'Omitted = enabled' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'A business-hours calendar of the hotel; null = its default' })
  @IsOptional()
  @IsUUID('all', { message: 'calendarId must be a calendar id' })
  calendarId?: string | null;

  @Field(() => SlaConditionsInput, { nullable: true, description: 'Omitted = applies to everything' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SlaConditionsInput)
  conditions?: SlaConditionsInput | null;

  @Field(() => [String], { nullable: true, description: 'Statuses in which the clocks stop (e.g. quoted)' })
  @IsOptional()
  @ArrayUnique({ message: 'pauseStatuses must not repeat a status' })
  @IsIn(PAUSABLE_STATUSES, {
    each: true,
    message: `pauseStatuses must contain only: ${PAUSABLE_STATUSES.join(', ')}`,
  })
  pauseStatuses?: string[] | null;

  @Field(() => [SlaMetricTargetInput], { description: 'One target per metric; a metric left out has none' })
  @ArrayMinSize(1, { message: 'targets must name at least one metric' })
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => SlaMetricTargetInput)
  targets: SlaMetricTargetInput[];
}
