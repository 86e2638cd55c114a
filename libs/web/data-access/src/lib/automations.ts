/** Automation rules: types and the composable of the rule editor (documents: automation-documents.ts). */
import type { TypedDocumentNode } from '@apollo/client/core';
import { ref, toValue, watch, type MaybeRefOrGetter, type Ref } from 'vue';

import { useBatonClient } from './baton-client';
import { useMutationRunner } from './composables/use-mutation-runner';
import { errorCodeOf, type RequestErrorCode } from './errors';
import {
  AUTOMATION_RULE_QUERY,
  AUTOMATION_RULES_QUERY,
  AUTOMATION_RUNS_QUERY,
  DELETE_AUTOMATION_RULE_MUTATION,
  DRY_RUN_AUTOMATION_RULE_QUERY,
  ROLLBACK_AUTOMATION_RULE_MUTATION,
  SAVE_AUTOMATION_RULE_MUTATION,
  SAVE_KEYWORD_SET_MUTATION,
  SET_AUTOMATION_RULE_ENABLED_MUTATION,
  type DryRunVariables,
} from './automation-documents';
import type { DateTimeString } from './types';

export * from './automation-documents';

export interface AutomationParty {
  kind: string;
  userId?: string | null;
  team?: string | null;
  hotelRole?: string | null;
  raciStep?: string | null;
  raciRole?: string | null;
}

export interface AutomationCondition {
  field: string;
  op: string;
  values: string[];
  number?: number | null;
}

export interface AutomationConditionGroup {
  match: string;
  conditions: AutomationCondition[];
  groups: AutomationConditionGroup[];
}

export interface AutomationAction {
  type: string;
  channels: string[];
  target: AutomationParty | null;
  title: string | null;
  body: string | null;
  value: string | null;
  lostReason: string | null;
  url: string | null;
  /** Output only: a signing secret is stored. */
  hasSecret?: boolean;
  /** Input only: a new secret ('' removes it; omitted keeps it). */
  secret?: string | null;
  messageChannels: string[];
  reason: string | null;
  team: string | null;
}

export interface AutomationTriggerParams {
  inactivityMinutes: number | null;
  waitingOn: string | null;
  slaStep: string | null;
  slaMetric: string | null;
  cron: string | null;
}

export interface AutomationRuleDefinition {
  trigger: string;
  params: AutomationTriggerParams;
  conditions: AutomationConditionGroup;
  actions: AutomationAction[];
  channels: string[];
  owner: AutomationParty | null;
  description: string | null;
}

export interface AutomationDiffEntry {
  path: string;
  before: string | null;
  after: string | null;
}

export interface AutomationRuleVersion {
  version: number;
  name: string;
  enabled: boolean;
  definition: AutomationRuleDefinition;
  diff: AutomationDiffEntry[];
  change: string;
  rolledBackTo: number | null;
  createdByName: string | null;
  createdAt: DateTimeString;
}

export interface AutomationRule {
  id: string;
  hotelId: string;
  name: string;
  enabled: boolean;
  version: number;
  trigger: string;
  definition: AutomationRuleDefinition;
  defaultKey: string | null;
  createdAt: DateTimeString;
  updatedAt: DateTimeString;
  updatedByName: string | null;
  versions: AutomationRuleVersion[] | null;
}

export interface AutomationRun {
  id: string;
  ruleId: string;
  ruleName: string;
  ruleVersion: number;
  eventType: string;
  trigger: string;
  caseId: string | null;
  caseNumber: string | null;
  ticketId: string | null;
  depth: number;
  outcome: string;
  actions: Array<{ type: string; status: string; detail: string | null }>;
  matchedKeywords: string[];
  error: string | null;
  occurredAt: DateTimeString;
}

export interface AutomationDryRun {
  ruleId: string | null;
  version: number | null;
  days: number;
  from: DateTimeString;
  to: DateTimeString;
  eventsScanned: number;
  casesScanned: number;
  matchCount: number;
  casesMatched: number;
  actionTotals: Array<{ type: string; count: number }>;
  matches: Array<{
    at: DateTimeString;
    trigger: string;
    eventType: string;
    caseId: string | null;
    caseNumber: string | null;
    ticketId: string | null;
    ticketNumber: string | null;
    matchedKeywords: string[];
    actions: Array<{ type: string; summary: string; key: string; params: Array<{ name: string; value: string }> }>;
  }>;
  truncated: boolean;
  notes: string[];
}

export interface AutomationKeywordSet {
  name: string;
  keywords: string[];
  updatedAt: DateTimeString;
}

/** `input AutomationRuleDefinitionInput` (hasSecret is not part of it). */
export type AutomationRuleDefinitionInput = Omit<AutomationRuleDefinition, 'actions'> & {
  actions: Array<Omit<AutomationAction, 'hasSecret'>>;
};

export interface SaveAutomationRuleInput {
  hotelId: string;
  id?: string | null;
  expectedVersion?: number | null;
  name: string;
  enabled?: boolean | null;
  definition: AutomationRuleDefinitionInput;
}

export interface UseAutomations {
  readonly rules: Readonly<Ref<AutomationRule[]>>;
  readonly keywordSets: Readonly<Ref<AutomationKeywordSet[]>>;
  readonly runs: Readonly<Ref<AutomationRun[]>>;
  readonly loading: Readonly<Ref<boolean>>;
  readonly error: Readonly<Ref<RequestErrorCode | null>>;
  readonly busy: Readonly<Ref<boolean>>;
  reload(): Promise<void>;
  /** One rule with its versions. */
  detail(id: string): Promise<AutomationRule>;
  /** Creates or saves a new version; rejects with the Apollo error (STALE_VERSION, BAD_USER_INPUT …). */
  save(input: Omit<SaveAutomationRuleInput, 'hotelId'>): Promise<AutomationRule>;
  setEnabled(rule: AutomationRule, enabled: boolean): Promise<AutomationRule>;
  remove(rule: AutomationRule): Promise<void>;
  rollback(rule: AutomationRule, version: number): Promise<AutomationRule>;
  dryRun(args: Omit<DryRunVariables, 'hotelId'>): Promise<AutomationDryRun>;
  saveKeywordSet(name: string, keywords: string[]): Promise<AutomationKeywordSet>;
}

/**
 * The rule editor's data, read outside the Apollo cache (`no-cache`): the editor owns its draft, and every change
 * reloads the list and the recent runs, which a rule's actions may just have added to.
 */
export function useAutomations(hotelId: MaybeRefOrGetter<string | null | undefined>): UseAutomations {
  const { apollo } = useBatonClient();
  const rules = ref<AutomationRule[]>([]);
  const keywordSets = ref<AutomationKeywordSet[]>([]);
  const runs = ref<AutomationRun[]>([]);
  const loading = ref(false);
  const error = ref<RequestErrorCode | null>(null);
  const runner = useMutationRunner({ owner: 'useAutomations', hotelId, refresh: () => reload() });
  const { busy, hotel, run } = runner;

  async function reload(): Promise<void> {
    const id = toValue(hotelId);
    if (!id) {
      return;
    }
    loading.value = true;
    try {
      const [list, recent] = await Promise.all([
        apollo.query({ query: AUTOMATION_RULES_QUERY, variables: { hotelId: id }, fetchPolicy: 'no-cache' }),
        apollo.query({ query: AUTOMATION_RUNS_QUERY, variables: { hotelId: id, first: 50 }, fetchPolicy: 'no-cache' }),
      ]);
      rules.value = list.data.automationRules;
      keywordSets.value = list.data.keywordSets;
      runs.value = recent.data.automationRuns.nodes;
      error.value = null;
    } catch (failure) {
      error.value = errorCodeOf(failure);
    } finally {
      loading.value = false;
    }
  }

  /** Outside the cache, like the reads: every change reloads the editor's lists anyway. */
  const mutate = <T, V extends Record<string, unknown>>(mutation: TypedDocumentNode<T, V>, variables: V) =>
    runner.mutate(mutation, variables, { fetchPolicy: 'no-cache' });

  watch(
    () => toValue(hotelId),
    () => void reload(),
    { immediate: true },
  );

  return {
    rules,
    keywordSets,
    runs,
    loading,
    error,
    busy,
    reload,
    async detail(id) {
      const { data } = await apollo.query({
        query: AUTOMATION_RULE_QUERY,
        variables: { hotelId: hotel(), id },
        fetchPolicy: 'no-cache',
      });
      return data.automationRule;
    },
    save: (input) =>
      run(
        async () =>
          (await mutate(SAVE_AUTOMATION_RULE_MUTATION, { input: { ...input, hotelId: hotel() } })).saveAutomationRule,
      ),
    setEnabled: (rule, enabled) =>
      run(
        async () =>
          (
            await mutate(SET_AUTOMATION_RULE_ENABLED_MUTATION, {
              input: { hotelId: hotel(), id: rule.id, enabled, expectedVersion: rule.version },
            })
          ).setAutomationRuleEnabled,
      ),
    remove: (rule) =>
      run(async () => {
        await mutate(DELETE_AUTOMATION_RULE_MUTATION, { hotelId: hotel(), id: rule.id, expectedVersion: rule.version });
      }),
    rollback: (rule, version) =>
      run(
        async () =>
          (
            await mutate(ROLLBACK_AUTOMATION_RULE_MUTATION, {
              hotelId: hotel(),
              ruleId: rule.id,
              version,
              expectedVersion: rule.version,
            })
          ).rollbackAutomationRule,
      ),
    dryRun: (args) =>
      run(
        async () => {
          const { data } = await apollo.query({
            query: DRY_RUN_AUTOMATION_RULE_QUERY,
            variables: { hotelId: hotel(), ...args },
            fetchPolicy: 'no-cache',
          });
          return data.dryRunAutomationRule;
        },
        { refresh: false },
      ),
    saveKeywordSet: (name, keywords) =>
      run(
        async () =>
          (await mutate(SAVE_KEYWORD_SET_MUTATION, { input: { hotelId: hotel(), name, keywords } })).saveKeywordSet,
      ),
  };
}
