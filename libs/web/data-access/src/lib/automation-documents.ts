/** GraphQL documents of the automation rules (types and the composable: automations.ts). */
import { gql, type TypedDocumentNode } from '@apollo/client/core';

import type {
  AutomationDryRun,
  AutomationKeywordSet,
  AutomationRule,
  AutomationRuleDefinitionInput,
  AutomationRun,
  SaveAutomationRuleInput,
} from './automations';

/**
 * The documents are plain strings (compact selections; a `gql` tag would have the formatter spread every field on a
 * line of its own). Fragments are appended by hand, as the tag would.
 */
const doc = <T, V>(source: string): TypedDocumentNode<T, V> => gql(source) as TypedDocumentNode<T, V>;
const PARTY = 'kind userId team hotelRole raciStep raciRole';
const CONDITION = 'field op values number';
const GROUP = (inner: string) => `match conditions { ${CONDITION} } ${inner}`;
const DEFINITION_FIELDS = `fragment AutomationDefinitionFields on AutomationRuleDefinition {
  trigger params { inactivityMinutes waitingOn slaStep slaMetric cron }
  conditions { ${GROUP(`groups { ${GROUP(`groups { ${GROUP('')} }`)} }`)} }
  actions { type channels target { ${PARTY} } title body value lostReason url hasSecret messageChannels reason team }
  channels owner { ${PARTY} } description
}`;
const RULE_FIELDS = `fragment AutomationRuleFields on AutomationRule {
  id hotelId name enabled version trigger defaultKey createdAt updatedAt updatedByName
  definition { ...AutomationDefinitionFields }
}
${DEFINITION_FIELDS}`;
const RUN_FIELDS = `id ruleId ruleName ruleVersion eventType trigger caseId caseNumber ticketId depth outcome
  actions { type status detail } matchedKeywords error occurredAt`;
const DRY_RUN_FIELDS = `ruleId version days from to eventsScanned casesScanned matchCount casesMatched truncated notes
  actionTotals { type count }
  matches { at trigger eventType caseId caseNumber ticketId ticketNumber matchedKeywords
    actions { type summary key params { name value } } }`;

export const AUTOMATION_RULES_QUERY = doc<
  { automationRules: AutomationRule[]; keywordSets: AutomationKeywordSet[] },
  { hotelId: string }
>(`query AutomationRules($hotelId: ID!) {
  automationRules(hotelId: $hotelId) { ...AutomationRuleFields }
  keywordSets(hotelId: $hotelId) { name keywords updatedAt }
}
${RULE_FIELDS}`);

export const AUTOMATION_RULE_QUERY = doc<{ automationRule: AutomationRule }, { hotelId: string; id: string }>(
  `query AutomationRule($hotelId: ID!, $id: ID!) {
  automationRule(hotelId: $hotelId, id: $id) {
    ...AutomationRuleFields
    versions { version name enabled change rolledBackTo createdByName createdAt diff { path before after }
      definition { ...AutomationDefinitionFields } }
  }
}
${RULE_FIELDS}`,
);

export const AUTOMATION_RUNS_QUERY = doc<
  { automationRuns: { nodes: AutomationRun[]; endCursor: string | null; hasNextPage: boolean } },
  { hotelId: string; ruleId?: string | null; first?: number; after?: string | null }
>(`query AutomationRuns($hotelId: ID!, $ruleId: ID, $first: Int, $after: String) {
  automationRuns(hotelId: $hotelId, ruleId: $ruleId, first: $first, after: $after) {
    nodes { ${RUN_FIELDS} } endCursor hasNextPage
  }
}`);

export interface DryRunVariables {
  hotelId: string;
  ruleId?: string | null;
  version?: number | null;
  definition?: AutomationRuleDefinitionInput | null;
  days: number;
}

export const DRY_RUN_AUTOMATION_RULE_QUERY = doc<{ dryRunAutomationRule: AutomationDryRun }, DryRunVariables>(
  `query DryRunAutomationRule($hotelId: ID!, $ruleId: ID, $version: Int, $definition: AutomationRuleDefinitionInput,
    $days: Int!) {
  dryRunAutomationRule(hotelId: $hotelId, ruleId: $ruleId, version: $version, definition: $definition, days: $days) {
    ${DRY_RUN_FIELDS}
  }
}`,
);

export const SAVE_AUTOMATION_RULE_MUTATION = doc<
  { saveAutomationRule: AutomationRule },
  { input: SaveAutomationRuleInput }
>(`mutation SaveAutomationRule($input: SaveAutomationRuleInput!) {
  saveAutomationRule(input: $input) { ...AutomationRuleFields }
}
${RULE_FIELDS}`);

export const SET_AUTOMATION_RULE_ENABLED_MUTATION = doc<
  { setAutomationRuleEnabled: AutomationRule },
  { input: { hotelId: string; id: string; enabled: boolean; expectedVersion?: number | null } }
>(`mutation SetAutomationRuleEnabled($input: SetAutomationRuleEnabledInput!) {
  setAutomationRuleEnabled(input: $input) { ...AutomationRuleFields }
}
${RULE_FIELDS}`);

export const DELETE_AUTOMATION_RULE_MUTATION = doc<
  { deleteAutomationRule: boolean },
  { hotelId: string; id: string; expectedVersion?: number | null }
>(`mutation DeleteAutomationRule($hotelId: ID!, $id: ID!, $expectedVersion: Int) {
  deleteAutomationRule(hotelId: $hotelId, id: $id, expectedVersion: $expectedVersion)
}`);

export const ROLLBACK_AUTOMATION_RULE_MUTATION = doc<
  { rollbackAutomationRule: AutomationRule },
  { hotelId: string; ruleId: string; version: number; expectedVersion?: number | null }
>(`mutation RollbackAutomationRule($hotelId: ID!, $ruleId: ID!, $version: Int!, $expectedVersion: Int) {
  rollbackAutomationRule(hotelId: $hotelId, ruleId: $ruleId, version: $version, expectedVersion: $expectedVersion) {
    ...AutomationRuleFields
  }
}
${RULE_FIELDS}`);

export const SAVE_KEYWORD_SET_MUTATION = doc<
  { saveKeywordSet: AutomationKeywordSet },
  { input: { hotelId: string; name: string; keywords: string[] } }
>(`mutation SaveKeywordSet($input: SaveKeywordSetInput!) {
  saveKeywordSet(input: $input) { name keywords updatedAt }
}`);
