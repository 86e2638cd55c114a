import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ChannelQueueCount')
export class ChannelQueueCountObject {
  @Field() channel: string;
  @Field(() => Int) open: number;
  @Field(() => Int) unassigned: number;
  @Field(() => Int) waiting: number;
  @Field(() => Date, { nullable: true }) oldestWaitingSince: Date | null;
}

/** Open = status in OPEN_CASE_STATUSES; unassigned = open without owner; waiting = open with an unanswered message. */
@ObjectType('QueueState')
export class QueueStateObject {
  @Field(() => ID) hotelId: string;
  @Field(() => Int) open: number;
  @Field(() => Int) unassigned: number;
  @Field(() => Int) waiting: number;
  @Field(() => Date, { nullable: true }) oldestWaitingSince: Date | null;
  @Field(() => Int, { nullable: true, description: 'Seconds since oldestWaitingSince, as of `at`' })
  oldestWaitingSeconds: number | null;
  @Field(() => [ChannelQueueCountObject]) byChannel: ChannelQueueCountObject[];
  @Field({ description: 'When these counts were computed' }) at: Date;
}
