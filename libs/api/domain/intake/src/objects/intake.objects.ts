import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ChannelAccount')
export class ChannelAccountObject {
  @Field(() => ID) id: string;
  @Field(() => ID) hotelId: string;
  @Field({ description: 'whatsapp, instagram, messenger, webform, email, ota or pbx' }) provider: string;
  @Field({ description: 'phone_number_id, IG account id, page id, form key or account key' }) externalId: string;
  @Field() displayName: string;
  @Field() active: boolean;
  @Field({ description: 'The secret itself is never returned' }) hasAppSecret: boolean;
  @Field() hasAccessToken: boolean;
  @Field() hasVerifyToken: boolean;
  @Field({ description: 'The path the provider must call on this API, e.g. /webhooks/whatsapp' }) webhookUrl: string;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType('InboundEvent')
export class InboundEventObject {
  @Field(() => ID) id: string;
  @Field() provider: string;
  @Field() externalId: string;
  @Field() kind: string;
  @Field() occurredAt: Date;
  @Field() receivedAt: Date;
  @Field(() => Date, { nullable: true }) processedAt: Date | null;
  @Field(() => Int) attempts: number;
  @Field(() => String, { nullable: true }) lastError: string | null;
}
