import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { SlaMetric, SlaTimeBasis } from '@baton/shared/contracts';
import { SlaLadderInput } from './sla-ladder.input';

const METRICS = Object.values(SlaMetric) as string[];
const BASES = Object.values(SlaTimeBasis) as string[];
const YEAR_MINUTES = 365 * 24 * 60;

@InputType({ description: 'The target of one metric in a policy' })
export class SlaMetricTargetInput {
  @Field({ description: 'An SlaMetric value' })
  @IsIn(METRICS, { message: `metric must be one of: ${METRICS.join(', ')}` })
  metric: string;

  @Field(() => Int, { description: 'Minutes until due, counted in `basis`' })
  @IsInt({ message: 'minutes must be a whole number' })
  @Min(1, { message: 'minutes must be at least 1' })
  @Max(YEAR_MINUTES, { message: `minutes must be at most ${YEAR_MINUTES}` })
  minutes: number;

  @Field({ description: 'business (the calendar’s working hours) or calendar (around the clock)' })
  @IsIn(BASES, { message: `basis must be one of: ${BASES.join(', ')}` })
  basis: string;

  @Field(() => String, { nullable: true, description: 'RACI process step for routing; omitted = the metric default' })
  @IsOptional()
  @Matches(/^[a-z0-9_]{1,40}$/, { message: 'raciStep must be 1 to 40 characters of a-z, 0-9 and _' })
  raciStep?: string | null;

  @Field(() => SlaLadderInput, { nullable: true, description: 'Omitted = reminder 30, warning 10, escalate' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SlaLadderInput)
  ladder?: SlaLadderInput | null;
}
