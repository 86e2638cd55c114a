import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Delivery', {
  description: 'One outbound e-mail or webhook of the outbox. Webhook signing secrets are write-only: never returned',
})
export class DeliveryObject {
  @Field(() => ID) id: string;
  @Field(() => ID) hotelId: string;
  @Field({ description: '`email` or `webhook`' }) channel: string;
  @Field({ description: 'E-mail address, or the webhook URL without credentials and with query values masked' })
  target: string;
  @Field(() => String, { nullable: true }) subject: string | null;
  @Field({ description: 'A DeliveryState value: pending, sent, dead' }) state: string;
  @Field(() => Int, { description: 'Attempts made since it was queued (or last retried by hand)' }) attempts: number;
  @Field(() => Int) maxAttempts: number;
  @Field(() => Date, { nullable: true, description: 'When the next attempt is due (pending only)' })
  nextAttemptAt: Date | null;
  @Field(() => String, { nullable: true }) lastError: string | null;
  @Field(() => Int, { nullable: true, description: 'HTTP status (webhooks) or SMTP reply code of the last attempt' })
  lastStatus: number | null;
  @Field({ description: 'Webhook requests carry X-Baton-Signature' }) signed: boolean;
  @Field(() => String, { nullable: true, description: 'What queued it, e.g. notification, automation_rule' })
  sourceKind: string | null;
  @Field(() => String, { nullable: true }) sourceId: string | null;
  @Field(() => Date, { nullable: true }) sentAt: Date | null;
  @Field(() => Date, { nullable: true }) deadAt: Date | null;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType('DeliveryConnection', { description: 'Newest first' })
export class DeliveryConnectionObject {
  @Field(() => [DeliveryObject]) nodes: DeliveryObject[];
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page' }) endCursor: string | null;
  @Field() hasNextPage: boolean;
}
