import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditAction, CaseEventKind, CasePriority, DictionaryKind } from '@baton/shared/contracts';
import { AuditWriter, RequestContext } from '@baton/api/core';
import { CasesError, casesError } from '../cases.errors';
import { AssignCaseInput } from '../dto/assign-case.input';
import { UpdateCaseInput } from '../dto/update-case.input';
import { CaseNoteEntity } from '../entities/case-history.entities';
import { GuestCaseEntity } from '../entities/guest-case.entity';
import { CaseNoteObject } from '../objects/case-parts.objects';
import { appendSearchText, blankToNull, searchText } from './case-activity';
import { reloadAndPublish } from './case-events';
import { CaseRecord, loadCase } from './case-record';
import { actor } from './case-transitions';
import { Dictionaries } from './dictionaries.service';
import { HotelMembers } from './hotel-members';

type Changes = QueryDeepPartialEntity<GuestCaseEntity>;

/** Personal data never goes into the audit trail's before/after: only the fact that it changed. */
const PII_FIELDS = new Set(['guestName', 'contact', 'requestText']);

function auditView(record: CaseRecord, fields: string[]): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const field of fields) {
    view[field] = PII_FIELDS.has(field) ? '[redacted]' : record[field as keyof CaseRecord];
  }
  return view;
}

/** Editing a case's fields, its owner and team, and its internal notes. Every change is audited and published. */
@Injectable()
export class CaseEditingService {
  constructor(
    private readonly audit: AuditWriter,
    private readonly dictionaries: Dictionaries,
    private readonly members: HotelMembers,
  ) {}

  /** `options.depth`: how deep in a chain of automatic reactions the change is (0 = a person); its event carries it. */
  async update(ctx: RequestContext, input: UpdateCaseInput, options: { depth?: number } = {}): Promise<CaseRecord> {
    const { hotelId } = input;
    const before = await loadCase(ctx, hotelId, input.id, { lock: true });
    const changes: Changes = {};
    if (input.requestType !== undefined) {
      await this.dictionaries.assertActive(
        ctx,
        hotelId,
        DictionaryKind.RequestType,
        nonNull(input.requestType),
        'requestType',
      );
      changes.requestType = input.requestType;
    }
    if (input.priority !== undefined && input.priority !== null) {
      changes.priority = input.priority as CasePriority;
    }
    if (input.labels !== undefined && input.labels !== null) {
      await this.dictionaries.assertActive(ctx, hotelId, DictionaryKind.Label, input.labels, 'labels');
      changes.labels = input.labels;
    }
    if (input.team !== undefined) {
      await this.dictionaries.assertActive(ctx, hotelId, DictionaryKind.Team, nonNull(input.team), 'team');
      changes.team = input.team;
    }
    for (const field of ['guestName', 'contact', 'requestText'] as const) {
      if (input[field] !== undefined) {
        changes[field] = blankToNull(input[field]);
      }
    }
    const changed = Object.keys(changes).filter(
      (key) => JSON.stringify(changes[key as keyof Changes]) !== JSON.stringify(before[key as keyof CaseRecord]),
    );
    if (changed.length === 0) {
      return before;
    }
    await ctx.tx
      .getRepository(GuestCaseEntity)
      .update({ tenantId: hotelId, id: before.id }, { ...changes, updatedAt: () => 'now()' });
    await appendSearchText(
      ctx,
      hotelId,
      before.id,
      searchText(
        changed.includes('guestName') ? input.guestName : null,
        changed.includes('requestText') ? input.requestText : null,
      ),
    );
    const after = await reloadAndPublish(ctx, hotelId, before.id, CaseEventKind.Updated, {
      detail: { changed },
      depth: options.depth,
    });
    await this.audit.record(ctx, {
      tenantId: hotelId,
      action: AuditAction.CaseUpdated,
      entityType: 'case',
      entityId: before.id,
      before: auditView(before, changed),
      after: auditView(after, changed),
    });
    return after;
  }

  async assign(ctx: RequestContext, input: AssignCaseInput, options: { depth?: number } = {}): Promise<CaseRecord> {
    const { hotelId } = input;
    const before = await loadCase(ctx, hotelId, input.id, { lock: true });
    const changes: Changes = {};
    if (input.ownerId !== undefined) {
      if (input.ownerId !== null && !(await this.members.isMember(ctx, hotelId, input.ownerId))) {
        throw casesError(CasesError.NotAMember, { field: 'ownerId' });
      }
      changes.ownerId = input.ownerId;
    }
    if (input.team !== undefined) {
      await this.dictionaries.assertActive(ctx, hotelId, DictionaryKind.Team, nonNull(input.team), 'team');
      changes.team = input.team;
    }
    if (Object.keys(changes).length === 0) {
      return before;
    }
    await ctx.tx
      .getRepository(GuestCaseEntity)
      .update({ tenantId: hotelId, id: before.id }, { ...changes, updatedAt: () => 'now()' });
    const after = await reloadAndPublish(ctx, hotelId, before.id, CaseEventKind.Updated, {
      queue: true,
      detail: { changed: ['ownerId', 'team'], previousOwnerId: before.ownerId },
      depth: options.depth,
    });
    await this.audit.record(ctx, {
      tenantId: hotelId,
      action: AuditAction.CaseAssigned,
      entityType: 'case',
      entityId: before.id,
      before: { ownerId: before.ownerId, team: before.team },
      after: { ownerId: after.ownerId, team: after.team },
    });
    return after;
  }

  async addNote(ctx: RequestContext, hotelId: string, caseId: string, body: string): Promise<CaseNoteObject> {
    const record = await loadCase(ctx, hotelId, caseId, { lock: true });
    const who = actor(ctx);
    const note = ctx.tx.getRepository(CaseNoteEntity).create({
      tenantId: hotelId,
      id: randomUUID(),
      caseId: record.id,
      authorId: ctx.userId,
      authorName: who.name,
      body: body.trim(),
      createdAt: new Date(),
    });
    await ctx.tx.getRepository(CaseNoteEntity).insert(note);
    await this.audit.record(ctx, {
      tenantId: hotelId,
      action: AuditAction.CaseNoteAdded,
      entityType: 'case',
      entityId: record.id,
      after: { noteId: note.id },
    });
    await reloadAndPublish(ctx, hotelId, record.id, CaseEventKind.NoteAdded);
    return {
      id: note.id,
      caseId: note.caseId,
      authorName: note.authorName,
      body: note.body,
      createdAt: note.createdAt,
    };
  }
}

function nonNull(value: string | null | undefined): string[] {
  return value === null || value === undefined ? [] : [value];
}
