import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('AutomationParty', { description: 'Who: the owner, a user, a team, a hotel role or a RACI role of a step' })
export class AutomationPartyObject {
  @Field({ description: 'owner | user | team | hotel_role | raci' }) kind: string;
  @Field(() => ID, { nullable: true }) userId: string | null;
  @Field(() => String, { nullable: true }) team: string | null;
  @Field(() => String, { nullable: true, description: 'A HotelRole, e.g. supervisor' }) hotelRole: string | null;
  @Field(() => String, { nullable: true, description: 'A RACI process step key' }) raciStep: string | null;
  @Field(() => String, { nullable: true, description: 'R, A, C or I' }) raciRole: string | null;
}

@ObjectType('AutomationTriggerParams')
export class AutomationTriggerParamsObject {
  @Field(() => Int, { nullable: true, description: 'Inactivity: minutes without an answer' })
  inactivityMinutes: number | null;
  @Field(() => String, { nullable: true, description: 'Inactivity: hotel (default) or guest' }) waitingOn:
    string | null;
  @Field(() => String, { nullable: true, description: 'SLA step trigger: the step (any when null)' })
  slaStep: string | null;
  @Field(() => String, { nullable: true, description: 'SLA step trigger: the metric (any when null)' })
  slaMetric: string | null;
  @Field(() => String, { nullable: true, description: "Schedule: 5-field cron in the hotel's time zone" })
  cron: string | null;
}

@ObjectType('AutomationCondition')
export class AutomationConditionObject {
  @Field({ description: 'An automation condition field, e.g. priority, keywords, message_rounds' }) field: string;
  @Field({
    description:
      'is | is_not | contains | not_contains | is_empty | is_not_empty | at_least | at_most | matches | not_matches | inside | outside',
  })
  op: string;
  @Field(() => [String]) values: string[];
  @Field(() => Int, { nullable: true }) number: number | null;
}

@ObjectType('AutomationConditionGroup', { description: 'All (or any) of the conditions and sub-groups hold' })
export class AutomationConditionGroupObject {
  @Field({ description: 'all | any' }) match: string;
  @Field(() => [AutomationConditionObject]) conditions: AutomationConditionObject[];
  @Field(() => [AutomationConditionGroupObject]) groups: AutomationConditionGroupObject[];
}

@ObjectType('AutomationAction')
export class AutomationActionObject {
  @Field({ description: 'An automation action type, e.g. notify, hand_off_to_phone, send_guest_message' }) type: string;
  @Field(() => [String], { description: 'Notify: in_app / email' }) channels: string[];
  @Field(() => AutomationPartyObject, { nullable: true }) target: AutomationPartyObject | null;
  @Field(() => String, { nullable: true }) title: string | null;
  @Field(() => String, { nullable: true, description: 'Text or template ({{guestName}}, {{caseNumber}} ...)' })
  body: string | null;
  @Field(() => String, { nullable: true, description: 'Priority, label, status or ticket kind' }) value: string | null;
  @Field(() => String, { nullable: true }) lostReason: string | null;
  @Field(() => String, { nullable: true, description: 'Webhook URL' }) url: string | null;
  @Field({ description: 'Webhook: a signing secret is stored (never returned)' }) hasSecret: boolean;
  @Field(() => [String], { description: 'Guest message: case / whatsapp / email, tried in order' })
  messageChannels: string[];
  @Field(() => String, { nullable: true, description: 'Hand off to phone: a HandoffReason' }) reason: string | null;
  @Field(() => String, { nullable: true, description: 'Ticket / callback queue (team code)' }) team: string | null;
}

@ObjectType('AutomationDiffEntry', { description: 'One changed field of a version, JSON text before and after' })
export class AutomationDiffEntryObject {
  @Field() path: string;
  @Field(() => String, { nullable: true }) before: string | null;
  @Field(() => String, { nullable: true }) after: string | null;
}

@ObjectType('AutomationRuleDefinition')
export class AutomationRuleDefinitionObject {
  @Field({ description: 'An AutomationTrigger value' }) trigger: string;
  @Field(() => AutomationTriggerParamsObject) params: AutomationTriggerParamsObject;
  @Field(() => AutomationConditionGroupObject) conditions: AutomationConditionGroupObject;
  @Field(() => [AutomationActionObject]) actions: AutomationActionObject[];
  @Field(() => [String], { description: 'The playbook\'s "channel" column, e.g. ticket, email' }) channels: string[];
  @Field(() => AutomationPartyObject, { nullable: true, description: 'The playbook\'s "owner" column' })
  owner: AutomationPartyObject | null;
  @Field(() => String, { nullable: true }) description: string | null;
}

@ObjectType('AutomationRuleVersion')
export class AutomationRuleVersionObject {
  @Field(() => Int) version: number;
  @Field() name: string;
  @Field() enabled: boolean;
  @Field(() => AutomationRuleDefinitionObject) definition: AutomationRuleDefinitionObject;
  @Field(() => [AutomationDiffEntryObject], { description: 'Against the version before (all fields for version 1)' })
  diff: AutomationDiffEntryObject[];
  @Field({ description: 'created | saved | enabled | disabled | rolled_back | deleted' }) change: string;
  @Field(() => Int, { nullable: true, description: 'Rollbacks: the version restored' }) rolledBackTo: number | null;
  @Field(() => String, { nullable: true }) createdByName: string | null;
  @Field() createdAt: Date;
}

@ObjectType('AutomationRule')
export class AutomationRuleObject {
  @Field(() => ID) id: string;
  @Field(() => ID) hotelId: string;
  @Field() name: string;
  @Field() enabled: boolean;
  @Field(() => Int, { description: 'The current version; pass it as expectedVersion when saving' }) version: number;
  @Field({ description: 'An AutomationTrigger value' }) trigger: string;
  @Field(() => AutomationRuleDefinitionObject) definition: AutomationRuleDefinitionObject;
  @Field(() => String, { nullable: true, description: 'The playbook default it was seeded from' })
  defaultKey: string | null;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  @Field(() => String, { nullable: true }) updatedByName: string | null;
  @Field(() => [AutomationRuleVersionObject], {
    nullable: true,
    description: 'Newest first; filled by automationRule (null in lists)',
  })
  versions: AutomationRuleVersionObject[] | null;
}

@ObjectType('AutomationKeywordSet', { description: 'A named keyword list (Turkish-folded, word-boundary matching)' })
export class AutomationKeywordSetObject {
  @Field() name: string;
  @Field(() => [String], { description: 'A trailing * allows suffixes: iptal* matches iptalini' }) keywords: string[];
  @Field() updatedAt: Date;
}
