import { Field, ID, ObjectType } from '@nestjs/graphql';

/** One audit entry as the activity feed shows it (no before/after: those may hold personal data). */
@ObjectType('ActivityEvent')
export class ActivityEventObject {
  @Field(() => ID) id: string;
  @Field(() => ID) hotelId: string;
  @Field({ description: 'An AuditAction value, e.g. membership.added' }) action: string;
  @Field() actorKind: string;
  @Field(() => ID, { nullable: true }) actorId: string | null;
  @Field(() => String, { nullable: true }) actorName: string | null;
  @Field() entityType: string;
  @Field(() => String, { nullable: true }) entityId: string | null;
  @Field() occurredAt: Date;
  @Field(() => String, { nullable: true }) requestId: string | null;
}
