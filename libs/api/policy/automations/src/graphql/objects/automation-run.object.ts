import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('AutomationRunAction')
export class AutomationRunActionObject {
  @Field() type: string;
  @Field({ description: 'done | skipped | failed | not_run' }) status: string;
  @Field(() => String, { nullable: true }) detail: string | null;
}

@ObjectType('AutomationRun', { description: 'One rule run: what triggered it and what each action did' })
export class AutomationRunObject {
  @Field(() => ID) id: string;
  @Field(() => ID) ruleId: string;
  @Field() ruleName: string;
  @Field(() => Int) ruleVersion: number;
  @Field({ description: 'The domain event (case.message_added ...) or timer:<kind>' }) eventType: string;
  @Field() trigger: string;
  @Field(() => ID, { nullable: true }) caseId: string | null;
  @Field(() => String, { nullable: true }) caseNumber: string | null;
  @Field(() => ID, { nullable: true }) ticketId: string | null;
  @Field(() => Int, { description: 'How many automation hops led to the event (0 = a person or a webhook)' })
  depth: number;
  @Field({ description: 'succeeded | partial | failed | loop_blocked' }) outcome: string;
  @Field(() => [AutomationRunActionObject]) actions: AutomationRunActionObject[];
  @Field(() => [String]) matchedKeywords: string[];
  @Field(() => String, { nullable: true }) error: string | null;
  @Field() occurredAt: Date;
}

@ObjectType('AutomationRunConnection')
export class AutomationRunConnectionObject {
  @Field(() => [AutomationRunObject], { description: 'Newest first' }) nodes: AutomationRunObject[];
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page' }) endCursor: string | null;
  @Field() hasNextPage: boolean;
}

@ObjectType('AutomationParam')
export class AutomationParamObject {
  @Field() name: string;
  @Field() value: string;
}

@ObjectType('AutomationDryRunAction')
export class AutomationDryRunActionObject {
  @Field() type: string;
  @Field({ description: 'What it would have done, in English, e.g. "callback ticket for call_center; ..."' })
  summary: string;
  @Field({ description: 'The same as a message key (notify, hand_off_blocked, message_unreachable ...)' }) key: string;
  @Field(() => [AutomationParamObject], { description: "The message's parameters" }) params: AutomationParamObject[];
}

@ObjectType('AutomationDryRunMatch')
export class AutomationDryRunMatchObject {
  @Field() at: Date;
  @Field() trigger: string;
  @Field() eventType: string;
  @Field(() => ID, { nullable: true }) caseId: string | null;
  @Field(() => String, { nullable: true }) caseNumber: string | null;
  @Field(() => ID, { nullable: true }) ticketId: string | null;
  @Field(() => String, { nullable: true }) ticketNumber: string | null;
  @Field(() => [String]) matchedKeywords: string[];
  @Field(() => [AutomationDryRunActionObject]) actions: AutomationDryRunActionObject[];
}

@ObjectType('AutomationDryRunActionTotal')
export class AutomationDryRunActionTotalObject {
  @Field() type: string;
  @Field(() => Int) count: number;
}

@ObjectType('AutomationDryRun', {
  description: 'What a rule version would have done over the last days; nothing written',
})
export class AutomationDryRunObject {
  @Field(() => ID, { nullable: true }) ruleId: string | null;
  @Field(() => Int, { nullable: true, description: 'The version replayed (null for an unsaved definition)' })
  version: number | null;
  @Field(() => Int) days: number;
  @Field() from: Date;
  @Field() to: Date;
  @Field(() => Int, { description: "Events replayed (of the rule's trigger)" }) eventsScanned: number;
  @Field(() => Int) casesScanned: number;
  @Field(() => Int) matchCount: number;
  @Field(() => Int, { description: 'Distinct cases the rule would have acted on' }) casesMatched: number;
  @Field(() => [AutomationDryRunActionTotalObject]) actionTotals: AutomationDryRunActionTotalObject[];
  @Field(() => [AutomationDryRunMatchObject], { description: 'Oldest first, at most 500' })
  matches: AutomationDryRunMatchObject[];
  @Field({ description: 'More matches than listed' }) truncated: boolean;
  @Field(() => [String], {
    description:
      'Codes of what the replay could not reconstruct: current_fields, case_updates_partial, cases_truncated',
  })
  notes: string[];
}
