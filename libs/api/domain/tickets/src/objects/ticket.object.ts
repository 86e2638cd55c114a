import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

/**
 * A ticket or task as the API shows it. `notes` and `transitions` are resolve-fields (TicketFieldsResolver), loaded in
 * one batch per request. Other libraries may add resolve-fields (the SLA state) to this type by its class.
 */
@ObjectType('Ticket')
export class TicketObject {
  @Field(() => ID) id: string;
  @Field(() => ID) hotelId: string;
  @Field({ description: 'Human-readable, sequential per hotel, e.g. BLK-T-000123' }) number: string;
  @Field({ description: 'A TicketKind value: ticket, task, callback (phone follow-up), approval' }) kind: string;
  @Field({ description: 'A category code of the hotel (ticketCategories)' }) category: string;
  @Field({ description: 'P1 (urgent) … P4' }) priority: string;
  @Field() title: string;
  @Field() description: string;
  @Field({ description: 'A TicketStatus value' }) status: string;
  @Field(() => ID, { nullable: true }) ownerId: string | null;
  @Field(() => String, { nullable: true }) ownerName: string | null;
  @Field(() => String, { nullable: true, description: 'A team code of the hotel dictionary' }) team: string | null;
  @Field(() => ID, { nullable: true, description: 'The case this ticket belongs to (same hotel)' })
  caseId: string | null;
  @Field(() => String, { nullable: true }) caseNumber: string | null;
  @Field({ description: 'manual (a person) or rule (an automation)' }) source: string;
  @Field(() => ID, { nullable: true, description: 'The automation rule that created it' }) ruleId: string | null;
  @Field(() => ID, { nullable: true }) createdById: string | null;
  @Field(() => String, { nullable: true }) createdByName: string | null;
  @Field(() => Date, { nullable: true, description: 'A due hint set by the creator (SLA clocks keep their own)' })
  dueAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'First status change away from open, or first note by a person' })
  firstResponseAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the hotel resolved it (resolved or awaiting confirmation)' })
  resolvedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it was closed or cancelled' }) closedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'A TicketClosure value, set when closed' }) closure:
    string | null;
  @Field(() => Int, { description: 'Days a resolved ticket waits for the guest before closing as no_answer' })
  confirmationDays: number;
  @Field(() => Date, { nullable: true, description: 'While awaiting confirmation: when it closes without an answer' })
  confirmationDueAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Approvals: approved or rejected' })
  approvalDecision: string | null;
  @Field(() => String, { nullable: true }) approvalNote: string | null;
  @Field(() => String, { nullable: true }) decidedByName: string | null;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
  @Field(() => [String], { description: 'Statuses changeTicketStatus accepts next' }) allowedTransitions: string[];
  @Field(() => Int, { description: 'Bumped by every change; pass it to updateTicket to refuse stale edits' })
  version: number;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType('TicketNote')
export class TicketNoteObject {
  @Field(() => ID) id: string;
  @Field(() => ID) ticketId: string;
  @Field(() => String, { nullable: true }) authorName: string | null;
  @Field() body: string;
  @Field() createdAt: Date;
}

@ObjectType('TicketTransition')
export class TicketTransitionObject {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true, description: 'null for the creation of the ticket' }) fromStatus:
    string | null;
  @Field() toStatus: string;
  @Field(() => String, { nullable: true, description: 'How a closed ticket was closed' }) closure: string | null;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field(() => String, { nullable: true }) actorName: string | null;
  @Field() occurredAt: Date;
}

@ObjectType('TicketCategory')
export class TicketCategoryObject {
  @Field() code: string;
  @Field() labelTr: string;
  @Field() labelEn: string;
  @Field(() => Int) sort: number;
  @Field() active: boolean;
}
