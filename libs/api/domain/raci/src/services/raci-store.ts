import { Injectable } from '@nestjs/common';
import { RequestContext } from '@baton/api/core';
import { RaciAssignmentEntity, RaciMatrixEntity, RaciPartyEntity, RaciStepEntity } from '../entities/raci.entities';
import type { RaciDocument, RaciRoutingSettings } from '../rules/raci-document';

export interface StoredMatrix {
  version: number;
  updatedAt: Date;
  updatedBy: string | null;
  doc: RaciDocument;
  routing: RaciRoutingSettings;
}

/** Rows of a hotel's matrix. Writes replace the whole matrix; the version row serialises concurrent writers. */
@Injectable()
export class RaciStore {
  async load(ctx: RequestContext, hotelId: string): Promise<StoredMatrix | null> {
    const head = await ctx.tx.getRepository(RaciMatrixEntity).findOneBy({ tenantId: hotelId });
    if (!head) {
      return null;
    }
    // One after the other: a transaction is one connection.
    const parties = await ctx.tx
      .getRepository(RaciPartyEntity)
      .find({ where: { tenantId: hotelId }, order: { position: 'ASC' } });
    const steps = await ctx.tx
      .getRepository(RaciStepEntity)
      .find({ where: { tenantId: hotelId }, order: { position: 'ASC' } });
    const cells = await ctx.tx.getRepository(RaciAssignmentEntity).findBy({ tenantId: hotelId });
    const stepOrder = new Map(steps.map((s, i) => [s.key, i]));
    const partyOrder = new Map(parties.map((p, i) => [p.key, i]));
    const rank = (c: RaciAssignmentEntity) =>
      (stepOrder.get(c.stepKey) ?? 0) * 1000 + (partyOrder.get(c.partyKey) ?? 0);
    return {
      version: head.version,
      updatedAt: head.updatedAt,
      updatedBy: head.updatedBy,
      routing: { autoAssign: head.autoAssign, digestTime: head.digestTime },
      doc: {
        parties: parties.map((p) => ({
          key: p.key,
          name: p.name,
          team: p.team,
          userIds: p.userIds,
          roles: p.roles,
        })),
        steps: steps.map((s) => ({ key: s.key, name: s.name })),
        cells: [...cells]
          .sort((a, b) => rank(a) - rank(b))
          .map((c) => ({ step: c.stepKey, party: c.partyKey, role: c.role })),
      },
    };
  }

  /** The routing settings of a hotel that has a matrix, else null. */
  async routing(ctx: RequestContext, hotelId: string): Promise<RaciRoutingSettings | null> {
    const head = await ctx.tx.getRepository(RaciMatrixEntity).findOneBy({ tenantId: hotelId });
    return head ? { autoAssign: head.autoAssign, digestTime: head.digestTime } : null;
  }

  /** Stores the settings (call after bump, which created the row or holds its lock). */
  async saveRouting(ctx: RequestContext, hotelId: string, routing: RaciRoutingSettings): Promise<void> {
    await ctx.tx
      .getRepository(RaciMatrixEntity)
      .update({ tenantId: hotelId }, { autoAssign: routing.autoAssign, digestTime: routing.digestTime });
  }

  async version(ctx: RequestContext, hotelId: string): Promise<number> {
    const head = await ctx.tx.getRepository(RaciMatrixEntity).findOneBy({ tenantId: hotelId });
    return head?.version ?? 0;
  }

  /**
   * Moves the version from `expected` (0: no matrix yet) to the next one; null when someone else moved it first.
   * The UPDATE waits for a concurrent writer and then re-checks the version, so exactly one of two racing saves wins.
   */
  async bump(ctx: RequestContext, hotelId: string, expected: number, userId: string | null): Promise<number | null> {
    const rows =
      expected === 0
        ? await ctx.tx.query<Array<{ version: number }>>(
            `INSERT INTO raci_matrix (tenant_id, version, updated_at, updated_by) VALUES ($1, 1, now(), $2)
             ON CONFLICT (tenant_id) DO NOTHING RETURNING version`,
            [hotelId, userId],
          )
        : await ctx.tx.query<Array<{ version: number }>>(
            `WITH moved AS (
               UPDATE raci_matrix SET version = version + 1, updated_at = now(), updated_by = $3
                WHERE tenant_id = $1 AND version = $2 RETURNING version)
             SELECT version FROM moved`,
            [hotelId, expected, userId],
          );
    return rows[0]?.version ?? null;
  }

  /** Next version whatever the current one (copying a template onto a hotel replaces its matrix outright). */
  async forceBump(ctx: RequestContext, hotelId: string, userId: string | null): Promise<number> {
    const rows = await ctx.tx.query<Array<{ version: number }>>(
      `INSERT INTO raci_matrix (tenant_id, version, updated_at, updated_by) VALUES ($1, 1, now(), $2)
       ON CONFLICT (tenant_id) DO UPDATE
         SET version = raci_matrix.version + 1, updated_at = now(), updated_by = EXCLUDED.updated_by
       RETURNING version`,
      [hotelId, userId],
    );
    return rows[0].version;
  }

  /** Replaces parties, steps and cells (call after bump/forceBump, which holds the version row's lock). */
  async replaceRows(ctx: RequestContext, hotelId: string, doc: RaciDocument): Promise<void> {
    // Deleting steps and parties cascades to their cells.
    await ctx.tx.getRepository(RaciStepEntity).delete({ tenantId: hotelId });
    await ctx.tx.getRepository(RaciPartyEntity).delete({ tenantId: hotelId });
    if (doc.parties.length > 0) {
      await ctx.tx.getRepository(RaciPartyEntity).insert(
        doc.parties.map((p, position) => ({
          tenantId: hotelId,
          key: p.key,
          name: p.name,
          team: p.team,
          position,
          userIds: p.userIds,
          roles: p.roles,
        })),
      );
    }
    if (doc.steps.length > 0) {
      await ctx.tx
        .getRepository(RaciStepEntity)
        .insert(doc.steps.map((s, position) => ({ tenantId: hotelId, key: s.key, name: s.name, position })));
    }
    if (doc.cells.length > 0) {
      await ctx.tx
        .getRepository(RaciAssignmentEntity)
        .insert(doc.cells.map((c) => ({ tenantId: hotelId, stepKey: c.step, partyKey: c.party, role: c.role })));
    }
  }
}
