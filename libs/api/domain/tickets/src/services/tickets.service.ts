import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditAction, CasePriority, TicketKind, TicketStatus } from '@baton/shared/contracts';
import { AuditWriter, BatonError, RequestContext } from '@baton/api/core';
import { AssignTicketInput } from '../dto/assign-ticket.input';
import { ChangeTicketStatusInput } from '../dto/change-ticket-status.input';
import { CreateTicketInput } from '../dto/create-ticket.input';
import { UpdateTicketInput } from '../dto/update-ticket.input';
import { TicketEntity } from '../entities/ticket.entity';
import { TicketNoteObject } from '../objects/ticket.object';
import { TicketsError, ticketsError } from '../tickets.errors';
import { TicketCategories } from './ticket-categories.service';
import { reloadAndPublish, TicketEventKind } from './ticket-events';
import { actor, insertNote, recordTransition } from './ticket-history';
import { TicketNumbers } from './ticket-numbers';
import { TicketRecord, loadTicket } from './ticket-record';
import { TicketReferences } from './ticket-references';
import { DEFAULT_CONFIRMATION_DAYS, defaultTicketCategory } from './ticket-rules';
import { TicketWorkflowService } from './ticket-workflow.service';

/** Who creates a ticket: a person (manual) or an automation rule, and how deep in a chain of reactions it is. */
export interface TicketOrigin {
  source?: 'manual' | 'rule';
  /** Required with source 'rule'. */
  ruleId?: string;
  /** Handler hops that led here; an automation passes its triggering event's depth + 1. */
  depth?: number;
}

export type CreateTicket = CreateTicketInput & TicketOrigin;

type Changes = QueryDeepPartialEntity<TicketEntity>;
const EDITABLE = ['category', 'priority', 'title', 'description', 'team', 'dueAt', 'confirmationDays'] as const;

function same(a: unknown, b: unknown): boolean {
  const norm = (value: unknown) => (value instanceof Date ? value.toISOString() : value);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

/**
 * Tickets and tasks: creating (by people or rules), editing, assigning, notes and reading one. Status changes,
 * closure confirmation and approvals live in TicketWorkflowService; `changeStatus` is here too so that other libraries
 * (automations) need only this service. Every change is audited and published.
 */
@Injectable()
export class TicketsService {
  constructor(
    private readonly audit: AuditWriter,
    private readonly numbers: TicketNumbers,
    private readonly categories: TicketCategories,
    private readonly references: TicketReferences,
    private readonly workflow: TicketWorkflowService,
  ) {}

  async create(ctx: RequestContext, input: CreateTicket): Promise<TicketRecord> {
    const { hotelId } = input;
    ctx.assertInScope(hotelId);
    const kind = (input.kind ?? TicketKind.Ticket) as TicketKind;
    if (!Object.values(TicketKind).includes(kind)) {
      throw BatonError.badInput(`kind must be one of: ${Object.values(TicketKind).join(', ')}`, { field: 'kind' });
    }
    const source = input.source ?? 'manual';
    if (source === 'rule' && !input.ruleId) {
      throw BatonError.badInput('A ticket created by a rule names the rule', { field: 'ruleId' });
    }
    const category = input.category ?? defaultTicketCategory(kind);
    await this.categories.assertActive(ctx, hotelId, category);
    if (input.ownerId) {
      await this.references.assertMember(ctx, hotelId, input.ownerId);
    }
    if (input.team) {
      await this.references.assertTeam(ctx, hotelId, input.team);
    }
    if (input.caseId) {
      await this.references.assertCase(ctx, hotelId, input.caseId);
    }
    // Last, so the counter row stays locked for as short a time as possible.
    const number = await this.numbers.allocate(ctx, hotelId);
    const id = randomUUID();
    const who = actor(ctx);
    await ctx.tx.getRepository(TicketEntity).insert({
      tenantId: hotelId,
      id,
      number,
      kind,
      category,
      priority: (input.priority ?? CasePriority.P3) as CasePriority,
      title: input.title.trim(),
      description: input.description?.trim() ?? '',
      status: TicketStatus.Open,
      ownerId: input.ownerId ?? null,
      team: input.team ?? null,
      caseId: input.caseId ?? null,
      source,
      ruleId: source === 'rule' ? (input.ruleId ?? null) : null,
      createdById: who.id,
      createdByName: who.name,
      dueAt: input.dueAt ?? null,
      confirmationDays: input.confirmationDays ?? DEFAULT_CONFIRMATION_DAYS,
    });
    await recordTransition(ctx, hotelId, id, { from: null, to: TicketStatus.Open });
    const created = await reloadAndPublish(ctx, hotelId, id, TicketEventKind.Opened, {
      depth: input.depth,
      detail: { source, ruleId: input.ruleId ?? null },
    });
    await this.audit.record(ctx, {
      tenantId: hotelId,
      action: AuditAction.TicketCreated,
      entityType: 'ticket',
      entityId: id,
      after: {
        number,
        kind,
        category,
        priority: created.priority,
        caseId: created.caseId,
        ownerId: created.ownerId,
        source,
        ruleId: created.ruleId,
      },
    });
    return created;
  }

  /** Omitted fields stay; `version`, when given, must be the current one (STALE_VERSION otherwise). */
  async update(ctx: RequestContext, input: UpdateTicketInput): Promise<TicketRecord> {
    const { hotelId } = input;
    const before = await loadTicket(ctx, hotelId, input.id, { lock: true });
    if (input.version !== undefined && input.version !== null && input.version !== before.version) {
      throw ticketsError(TicketsError.StaleVersion, { currentVersion: before.version });
    }
    const changes: Changes = {};
    if (input.category !== undefined && input.category !== null) {
      await this.categories.assertActive(ctx, hotelId, input.category);
      changes.category = input.category;
    }
    if (input.priority !== undefined && input.priority !== null) {
      changes.priority = input.priority as CasePriority;
    }
    if (input.title !== undefined && input.title !== null) {
      changes.title = input.title.trim();
    }
    if (input.description !== undefined) {
      changes.description = input.description?.trim() ?? '';
    }
    if (input.team !== undefined) {
      if (input.team !== null) {
        await this.references.assertTeam(ctx, hotelId, input.team);
      }
      changes.team = input.team;
    }
    if (input.dueAt !== undefined) {
      changes.dueAt = input.dueAt;
    }
    if (input.confirmationDays !== undefined && input.confirmationDays !== null) {
      changes.confirmationDays = input.confirmationDays;
    }
    const changed = EDITABLE.filter((key) => key in changes && !same(changes[key], before[key]));
    if (changed.length === 0) {
      return before;
    }
    await this.write(ctx, before, changes);
    const after = await reloadAndPublish(ctx, hotelId, before.id, TicketEventKind.Updated, { detail: { changed } });
    await this.audit.record(ctx, {
      tenantId: hotelId,
      action: AuditAction.TicketUpdated,
      entityType: 'ticket',
      entityId: before.id,
      before: Object.fromEntries(changed.map((key) => [key, before[key]])),
      after: Object.fromEntries(changed.map((key) => [key, after[key]])),
    });
    return after;
  }

  async assign(ctx: RequestContext, input: AssignTicketInput, options: { depth?: number } = {}): Promise<TicketRecord> {
    const { hotelId } = input;
    const before = await loadTicket(ctx, hotelId, input.id, { lock: true });
    const changes: Changes = {};
    if (input.ownerId !== undefined) {
      if (input.ownerId !== null) {
        await this.references.assertMember(ctx, hotelId, input.ownerId);
      }
      changes.ownerId = input.ownerId;
    }
    if (input.team !== undefined) {
      if (input.team !== null) {
        await this.references.assertTeam(ctx, hotelId, input.team);
      }
      changes.team = input.team;
    }
    const changed = (['ownerId', 'team'] as const).filter((key) => key in changes && changes[key] !== before[key]);
    if (changed.length === 0) {
      return before;
    }
    await this.write(ctx, before, changes);
    const after = await reloadAndPublish(ctx, hotelId, before.id, TicketEventKind.Updated, {
      depth: options.depth,
      detail: { changed, previousOwnerId: before.ownerId },
    });
    await this.audit.record(ctx, {
      tenantId: hotelId,
      action: AuditAction.TicketUpdated,
      entityType: 'ticket',
      entityId: before.id,
      before: { ownerId: before.ownerId, team: before.team },
      after: { ownerId: after.ownerId, team: after.team },
    });
    return after;
  }

  changeStatus(ctx: RequestContext, input: ChangeTicketStatusInput, options: { depth?: number } = {}) {
    return this.workflow.changeStatus(ctx, input, options);
  }

  /** An internal note; a person's first note counts as the first response. */
  async addNote(
    ctx: RequestContext,
    hotelId: string,
    ticketId: string,
    body: string,
    options: { depth?: number } = {},
  ): Promise<TicketNoteObject> {
    const record = await loadTicket(ctx, hotelId, ticketId, { lock: true });
    const note = await insertNote(ctx, hotelId, record.id, body.trim());
    await ctx.tx.query(
      `UPDATE ticket SET updated_at = now(),
              first_response_at = CASE WHEN $3 THEN coalesce(first_response_at, now()) ELSE first_response_at END
        WHERE tenant_id = $1 AND id = $2`,
      [hotelId, record.id, ctx.userId !== null],
    );
    await this.audit.record(ctx, {
      tenantId: hotelId,
      action: AuditAction.TicketNoteAdded,
      entityType: 'ticket',
      entityId: record.id,
      after: { noteId: note.id },
    });
    await reloadAndPublish(ctx, hotelId, record.id, TicketEventKind.NoteAdded, {
      depth: options.depth,
      detail: { noteId: note.id },
    });
    return note;
  }

  get(ctx: RequestContext, hotelId: string, id: string): Promise<TicketRecord> {
    return loadTicket(ctx, hotelId, id);
  }

  private async write(ctx: RequestContext, before: TicketRecord, changes: Changes): Promise<void> {
    await ctx.tx
      .getRepository(TicketEntity)
      .update(
        { tenantId: before.hotelId, id: before.id },
        { ...changes, updatedAt: () => 'now()', version: () => 'version + 1' },
      );
  }
}
