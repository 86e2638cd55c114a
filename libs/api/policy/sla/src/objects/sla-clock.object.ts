import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('SlaClock', { description: 'One SLA measurement of a case or ticket' })
export class SlaClockObject {
  @Field(() => ID) id: string;
  @Field(() => ID) hotelId: string;
  @Field({ description: 'case or ticket' }) targetType: string;
  @Field(() => ID) targetId: string;
  @Field({ description: 'An SlaMetric value' }) metric: string;
  @Field({ description: 'An SlaClockState value' }) state: string;
  @Field() startedAt: Date;
  @Field({ description: 'For a paused clock: when it would fall due if it resumed now' }) dueAt: Date;
  @Field(() => Date, { nullable: true }) stoppedAt: Date | null;
  @Field(() => Int, {
    description:
      'Seconds left until due at the time of the query (working time for a business basis; negative when overdue)',
  })
  remainingSeconds: number;
  @Field(() => Int) targetMinutes: number;
  @Field({ description: 'business or calendar' }) basis: string;
  @Field(() => Date, { nullable: true }) pausedSince: Date | null;
  @Field(() => [String], { description: 'SlaStep values fired so far' }) stepsFired: string[];
  @Field(() => Date, { nullable: true }) breachedAt: Date | null;
  @Field(() => Date, { nullable: true }) escalatedAt: Date | null;
  @Field(() => ID, { nullable: true }) policyId: string | null;
  @Field() policyName: string;
}
