import { HotelRole, RaciRole } from '@baton/shared/contracts';
import type { RaciMatrixParts } from '../dto/raci-matrix-parts';
import { RaciMatrixObject, RaciPartyObject, RaciProblemObject, RaciTemplateObject } from '../objects/raci.objects';
import { HOTEL_ROLES, RaciDocument, RaciPartyDef, RaciRoutingSettings } from '../rules/raci-document';
import { raciProblems } from '../rules/raci-rules';

/** Input → document: names trimmed (class-validator did), roles in rank order, no repeated members. */
export function toDocument(input: RaciMatrixParts): RaciDocument {
  return {
    parties: input.parties.map((p) => ({
      key: p.key,
      name: p.name,
      team: p.team ?? null,
      userIds: [...new Set(p.userIds ?? [])],
      roles: HOTEL_ROLES.filter((role) => (p.roles ?? []).includes(role)),
    })),
    steps: input.steps.map((s) => ({ key: s.key, name: s.name })),
    cells: input.cells.map((c) => ({ step: c.step, party: c.party, role: c.role as RaciRole })),
  };
}

export function userIdsOf(doc: RaciDocument): string[] {
  return [...new Set(doc.parties.flatMap((p) => p.userIds))];
}

/** The same document with each party's explicit members narrowed to `keep`. */
export function keepMembers(doc: RaciDocument, keep: (userId: string) => boolean): RaciDocument {
  return { ...doc, parties: doc.parties.map((p) => ({ ...p, userIds: p.userIds.filter(keep) })) };
}

function toPartyObject(party: RaciPartyDef, names: ReadonlyMap<string, string>): RaciPartyObject {
  return {
    key: party.key,
    name: party.name,
    team: party.team,
    roles: [...party.roles] as HotelRole[],
    userIds: [...party.userIds],
    members: party.userIds.map((userId) => ({ userId, displayName: names.get(userId) ?? userId })),
  };
}

export function problemObjects(doc: RaciDocument): RaciProblemObject[] {
  return raciProblems(doc).map((p) => ({ step: p.step, rule: p.rule, count: p.count }));
}

export function toMatrixObject(
  hotelId: string,
  doc: RaciDocument,
  meta: { version: number; updatedAt: Date | null; updatedBy: string | null; routing: RaciRoutingSettings },
  names: ReadonlyMap<string, string>,
): RaciMatrixObject {
  return {
    hotelId,
    version: meta.version,
    updatedAt: meta.updatedAt,
    updatedByName: meta.updatedBy ? (names.get(meta.updatedBy) ?? null) : null,
    parties: doc.parties.map((p) => toPartyObject(p, names)),
    steps: doc.steps.map((s) => ({ ...s })),
    cells: doc.cells.map((c) => ({ ...c })),
    problems: problemObjects(doc),
    autoAssign: meta.routing.autoAssign,
    digestTime: meta.routing.digestTime,
  };
}

export function toTemplateObject(
  agencyId: string,
  doc: RaciDocument,
  meta: { version: number; updatedAt: Date },
  names: ReadonlyMap<string, string>,
): RaciTemplateObject {
  return {
    agencyId,
    version: meta.version,
    updatedAt: meta.updatedAt,
    parties: doc.parties.map((p) => toPartyObject(p, names)),
    steps: doc.steps.map((s) => ({ ...s })),
    cells: doc.cells.map((c) => ({ ...c })),
  };
}
