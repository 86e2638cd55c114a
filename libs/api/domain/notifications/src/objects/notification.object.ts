import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Notification', { description: 'An in-app notification of the calling user' })
export class NotificationObject {
  @Field(() => ID) id: string;
  @Field(() => ID) hotelId: string;
  @Field({ description: 'What it is about, e.g. sla.reminder, automation.notify (dotted, set by the sender)' })
  kind: string;
  @Field() title: string;
  @Field() body: string;
  @Field(() => ID, { nullable: true, description: 'The case it links to (/hotels/:hotelId/cases/:caseId)' })
  caseId: string | null;
  @Field(() => ID, { nullable: true, description: 'The ticket it links to (/hotels/:hotelId/tickets/:ticketId)' })
  ticketId: string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) readAt: Date | null;
}

@ObjectType('NotificationConnection', { description: 'Newest first' })
export class NotificationConnectionObject {
  @Field(() => [NotificationObject]) nodes: NotificationObject[];
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page' }) endCursor: string | null;
  @Field() hasNextPage: boolean;
}

@ObjectType('NotificationEvent', { description: "A change to the subscriber's own notifications in one hotel" })
export class NotificationEventObject {
  @Field({ description: '`created` (notification is set) or `read` (readIds / allRead say which)' }) kind: string;
  @Field(() => ID) hotelId: string;
  @Field(() => NotificationObject, { nullable: true }) notification: NotificationObject | null;
  @Field(() => [ID]) readIds: string[];
  @Field({ description: 'Every notification of the hotel was marked read' }) allRead: boolean;
}
