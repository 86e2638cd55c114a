import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('CaseMessage')
export class CaseMessageObject {
  @Field(() => ID) id: string;
  @Field(() => ID) caseId: string;
  @Field({ description: 'inbound or outbound' }) direction: string;
  @Field() channel: string;
  @Field({ description: 'A MessageContentType value' }) contentType: string;
  @Field() body: string;
  @Field(() => String, {
    nullable: true,
    description: 'JSON text (media id, caption, location, call details, form fields, e-mail subject)',
  })
  attachment: string | null;
  @Field(() => String, { nullable: true }) providerMessageId: string | null;
  @Field(() => String, { nullable: true }) authorName: string | null;
  @Field() occurredAt: Date;
  @Field(() => String, { nullable: true, description: 'Outbound only: a DeliveryStatus value' })
  deliveryStatus: string | null;
  @Field(() => Date, { nullable: true }) deliveryUpdatedAt: Date | null;
  @Field(() => Int) attempts: number;
  @Field(() => String, { nullable: true }) lastError: string | null;
}

@ObjectType('CaseTransition')
export class CaseTransitionObject {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true, description: 'null for the creation of the case' }) fromStatus: string | null;
  @Field() toStatus: string;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field(() => String, { nullable: true }) actorName: string | null;
  @Field() occurredAt: Date;
}

@ObjectType('CaseHandoff')
export class CaseHandoffObject {
  @Field(() => ID) id: string;
  @Field(() => ID) caseId: string;
  @Field(() => String, { nullable: true }) fromTeam: string | null;
  @Field(() => String, { nullable: true }) fromChannel: string | null;
  @Field() toTeam: string;
  @Field(() => String, { nullable: true }) toChannel: string | null;
  @Field({ description: 'A HandoffReason value' }) reason: string;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field() requestedAt: Date;
  @Field(() => String, { nullable: true }) requestedByName: string | null;
  @Field(() => Date, { nullable: true }) acceptedAt: Date | null;
  @Field(() => String, { nullable: true }) acceptedByName: string | null;
  @Field(() => Int, { nullable: true, description: 'acceptedAt - requestedAt, the handoff SLA measure' })
  secondsToAccept: number | null;
}

@ObjectType('CaseNote')
export class CaseNoteObject {
  @Field(() => ID) id: string;
  @Field(() => ID) caseId: string;
  @Field(() => String, { nullable: true }) authorName: string | null;
  @Field() body: string;
  @Field() createdAt: Date;
}
