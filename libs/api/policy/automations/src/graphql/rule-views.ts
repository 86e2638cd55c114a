import type { Party, RuleAction, RuleDefinition } from '../model/rule-definition';
import type { RuleRow, VersionRow } from '../store/rules.store';
import type {
  AutomationActionObject,
  AutomationPartyObject,
  AutomationRuleDefinitionObject,
  AutomationRuleObject,
  AutomationRuleVersionObject,
} from './objects/automation-rule.object';

/** GraphQL views of stored rules. A webhook's sealed secret never leaves: only `hasSecret`. */
export function toDefinitionObject(def: RuleDefinition): AutomationRuleDefinitionObject {
  const params = def.params ?? {};
  return {
    trigger: def.trigger,
    params: {
      inactivityMinutes: params.inactivityMinutes ?? null,
      waitingOn: params.waitingOn ?? null,
      slaStep: params.slaStep ?? null,
      slaMetric: params.slaMetric ?? null,
      cron: params.cron ?? null,
    },
    conditions: def.conditions,
    actions: def.actions.map(toActionObject),
    channels: def.channels ?? [],
    owner: def.owner ? toPartyObject(def.owner) : null,
    description: def.description ?? null,
  } as AutomationRuleDefinitionObject;
}

function toActionObject(a: RuleAction): AutomationActionObject {
  return {
    type: a.type,
    channels: a.channels ?? [],
    target: a.target ? toPartyObject(a.target) : null,
    title: a.title ?? null,
    body: a.body ?? null,
    value: a.value ?? null,
    lostReason: a.lostReason ?? null,
    url: a.url ?? null,
    hasSecret: !!a.secretSealed,
    messageChannels: a.messageChannels ?? [],
    reason: a.reason ?? null,
    team: a.team ?? null,
  };
}

function toPartyObject(p: Party): AutomationPartyObject {
  return {
    kind: p.kind,
    userId: p.userId ?? null,
    team: p.team ?? null,
    hotelRole: p.hotelRole ?? null,
    raciStep: p.raciStep ?? null,
    raciRole: p.raciRole ?? null,
  };
}

export function toRuleObject(row: RuleRow, versions: VersionRow[] | null = null): AutomationRuleObject {
  return {
    id: row.id,
    hotelId: row.hotelId,
    name: row.name,
    enabled: row.enabled,
    version: row.version,
    trigger: row.trigger,
    definition: toDefinitionObject(row.definition),
    defaultKey: row.defaultKey,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    updatedByName: row.updatedByName,
    versions: versions ? versions.map(toVersionObject) : null,
  };
}

export function toVersionObject(v: VersionRow): AutomationRuleVersionObject {
  return {
    version: v.version,
    name: v.name,
    enabled: v.enabled,
    definition: toDefinitionObject(v.definition),
    diff: v.diff,
    change: v.change,
    rolledBackTo: v.rolledBackTo,
    createdByName: v.createdByName,
    createdAt: v.createdAt,
  };
}
