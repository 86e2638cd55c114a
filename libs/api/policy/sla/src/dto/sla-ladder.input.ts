import { Field, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

const WEEK_MINUTES = 7 * 24 * 60;

@InputType({ description: 'The ladder of one metric; minutes are counted in the metric basis (business or calendar)' })
export class SlaLadderInput {
  @Field(() => Int, { nullable: true, description: 'Reminder this many minutes before due; null = none' })
  @IsOptional()
  @IsInt({ message: 'reminderMinutesBefore must be a whole number of minutes' })
  @Min(1, { message: 'reminderMinutesBefore must be at least 1' })
  @Max(WEEK_MINUTES, { message: `reminderMinutesBefore must be at most ${WEEK_MINUTES}` })
  reminderMinutesBefore?: number | null;

  @Field(() => Int, { nullable: true, description: 'Final warning this many minutes before due; null = none' })
  @IsOptional()
  @IsInt({ message: 'warningMinutesBefore must be a whole number of minutes' })
  @Min(1, { message: 'warningMinutesBefore must be at least 1' })
  @Max(WEEK_MINUTES, { message: `warningMinutesBefore must be at most ${WEEK_MINUTES}` })
  warningMinutesBefore?: number | null;

  @Field({ description: 'Escalate a breach to the RACI Accountable (or the supervisors)' })
  @IsBoolean()
  escalate: boolean;
}
