import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('SlaLadder')
export class SlaLadderObject {
  @Field(() => Int, { nullable: true }) reminderMinutesBefore: number | null;
  @Field(() => Int, { nullable: true }) warningMinutesBefore: number | null;
  @Field() escalate: boolean;
}

@ObjectType('SlaMetricTarget')
export class SlaMetricTargetObject {
  @Field({ description: 'An SlaMetric value' }) metric: string;
  @Field(() => Int) minutes: number;
  @Field({ description: 'business or calendar' }) basis: string;
  @Field({ description: 'RACI process step used for routing' }) raciStep: string;
  @Field(() => SlaLadderObject) ladder: SlaLadderObject;
}

@ObjectType('SlaConditions')
export class SlaConditionsObject {
  @Field(() => [String]) channels: string[];
  @Field(() => [String]) priorities: string[];
  @Field(() => [String]) requestTypes: string[];
  @Field(() => [String]) labels: string[];
  @Field(() => [String]) teams: string[];
}

@ObjectType('SlaPolicy', { description: 'The first enabled policy (by position) whose conditions match applies' })
export class SlaPolicyObject {
  @Field(() => ID) id: string;
  @Field(() => ID) hotelId: string;
  @Field() name: string;
  @Field(() => Int) position: number;
  @Field() enabled: boolean;
  @Field(() => ID, { nullable: true, description: 'null = the hotel’s default calendar' }) calendarId: string | null;
  @Field(() => SlaConditionsObject) conditions: SlaConditionsObject;
  @Field(() => [String]) pauseStatuses: string[];
  @Field(() => [SlaMetricTargetObject], { description: 'In SlaMetric order; metrics without a target are absent' })
  targets: SlaMetricTargetObject[];
  @Field(() => Int, { description: 'Send it back with saveSlaPolicy' }) version: number;
  @Field() updatedAt: Date;
}
