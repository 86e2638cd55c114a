import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

/**
 * A case as the API shows it. `contact` is masked unless the caller holds cases.write or pii.reveal on the hotel.
 * messages, transitions, handoffs and notes are resolve-fields (CaseFieldsResolver), loaded in one batch per request.
 */
@ObjectType('Case')
export class CaseObject {
  @Field(() => ID) id: string;
  @Field(() => ID) hotelId: string;
  @Field({ description: 'Human-readable, sequential per hotel and year, e.g. BLK-2026-000123' }) number: string;
  @Field(() => ID) guestId: string;
  @Field({ description: 'A CaseStatus value' }) status: string;
  @Field(() => String, { nullable: true, description: 'A request_type code of the hotel dictionary' })
  requestType: string | null;
  @Field({ description: 'P1 (urgent) … P4' }) priority: string;
  @Field() source: string;
  @Field({ description: 'A Channel value' }) channel: string;
  @Field(() => ID, { nullable: true }) campaignId: string | null;
  @Field(() => String, { nullable: true }) utmSource: string | null;
  @Field(() => String, { nullable: true }) utmMedium: string | null;
  @Field(() => String, { nullable: true }) utmCampaign: string | null;
  @Field(() => String, { nullable: true }) utmContent: string | null;
  @Field(() => [String], { description: 'Label codes of the hotel dictionary' }) labels: string[];
  @Field(() => ID, { nullable: true }) ownerId: string | null;
  @Field(() => String, { nullable: true }) ownerName: string | null;
  @Field(() => String, { nullable: true, description: 'A team code of the hotel dictionary' }) team: string | null;
  @Field(() => String, { nullable: true }) guestName: string | null;
  @Field(() => String, { nullable: true, description: 'Masked without cases.write or pii.reveal on the hotel' })
  contact: string | null;
  @Field(() => String, { nullable: true }) requestText: string | null;
  @Field(() => Int, { description: 'Guest→hotel exchanges: a guest wrote, then the hotel answered' })
  messageRounds: number;
  @Field(() => Date, { nullable: true }) firstResponseAt: Date | null;
  @Field(() => Int, { nullable: true, description: 'Seconds from case creation to the first hotel response' })
  firstResponseSeconds: number | null;
  @Field(() => Date, { nullable: true }) lastInboundAt: Date | null;
  @Field(() => Date, { nullable: true }) lastOutboundAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'Oldest unanswered guest message; null when answered' })
  waitingSince: Date | null;
  @Field(() => String, { nullable: true }) lostReason: string | null;
  @Field(() => Date, { nullable: true }) closedAt: Date | null;
  @Field(() => ID, { nullable: true }) mergedIntoId: string | null;
  @Field(() => [String], { description: 'MandatoryCaseField values still empty (a handoff needs none)' })
  missingMandatoryFields: string[];
  @Field(() => [String], { description: 'Statuses changeCaseStatus accepts next' }) allowedTransitions: string[];
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}
