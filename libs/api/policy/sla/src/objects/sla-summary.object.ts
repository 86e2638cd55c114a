import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('SlaMetricSummary', { description: 'Outcomes of the clocks of one metric started in a period' })
export class SlaMetricSummaryObject {
  @Field() metric: string;
  @Field(() => Int) total: number;
  @Field(() => Int, { description: 'Stopped before due' }) met: number;
  @Field(() => Int, { description: 'Stopped after due' }) metLate: number;
  @Field(() => Int, { description: 'Breached (met late or still open past due)' }) breached: number;
  @Field(() => Int, { description: 'Breaches escalated to the Accountable or a supervisor' }) escalated: number;
  @Field(() => Int, { description: 'Reminders sent' }) reminded: number;
  @Field(() => Int, { description: 'Still running or paused, not yet due' }) open: number;
}
