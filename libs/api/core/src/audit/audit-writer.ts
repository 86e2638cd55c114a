import { Injectable } from '@nestjs/common';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { randomUUID } from 'node:crypto';
import { ActorKind, AuditAction, TenantEvent, tenantChannel } from '@baton/shared/contracts';
import { actorId, actorName } from '../context/principal';
import { RequestContext } from '../context/request-context';
import { AuditLogEntity } from './audit-log.entity';

export interface AuditEntry {
  tenantId: string;
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** The live shape of an audit row: no before/after (they may hold personal data), only who did what to which entity. */
export interface ActivityEventPayload {
  id: string;
  hotelId: string;
  action: string;
  actorKind: string;
  actorId: string | null;
  actorName: string | null;
  entityType: string;
  entityId: string | null;
  occurredAt: string;
  requestId: string | null;
}

export function toActivityEvent(row: AuditLogEntity): ActivityEventPayload {
  return {
    id: row.id,
    hotelId: row.tenantId,
    action: row.action,
    actorKind: row.actorKind,
    actorId: row.actorId,
    actorName: row.actorName,
    entityType: row.entityType,
    entityId: row.entityId,
    occurredAt: row.occurredAt.toISOString(),
    requestId: row.requestId,
  };
}

/**
 * Writes audit rows inside the caller's transaction and queues the activity event for after commit, so an audited
 * change and its trail commit or roll back together and subscribers never see an event for a rolled-back change.
 */
@Injectable()
export class AuditWriter {
  async record(ctx: RequestContext, entry: AuditEntry): Promise<ActivityEventPayload> {
    ctx.assertInScope(entry.tenantId);
    const principal = ctx.principal;
    const repo = ctx.tx.getRepository(AuditLogEntity);
    const row = repo.create({
      tenantId: entry.tenantId,
      id: randomUUID(),
      occurredAt: new Date(),
      actorKind: principal?.kind ?? ActorKind.System,
      actorId: principal ? actorId(principal) : null,
      actorName: principal ? actorName(principal) : null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      requestId: ctx.requestId,
    });
    // TypeORM's deep-partial type cannot express jsonb columns holding arbitrary records.
    await repo.insert(row as QueryDeepPartialEntity<AuditLogEntity>);
    const event = toActivityEvent(row);
    ctx.publishAfterCommit(tenantChannel(entry.tenantId, TenantEvent.Activity), event);
    return event;
  }
}
