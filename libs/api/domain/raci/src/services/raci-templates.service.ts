import { Injectable } from '@nestjs/common';
import { AuditAction } from '@baton/shared/contracts';
import { AuditWriter, BatonError, isUuid, RequestContext } from '@baton/api/core';
import { ApplyRaciTemplateInput } from '../dto/apply-raci-template.input';
import { SaveRaciTemplateInput } from '../dto/save-raci-template.input';
import { RaciTemplateEntity } from '../entities/raci.entities';
import { RaciMatrixObject, RaciTemplateObject } from '../objects/raci.objects';
import { raciError, RaciError, raciInvalid, raciShapeError, staleRaci } from '../raci.errors';
import { RaciDocument } from '../rules/raci-document';
import { raciProblems, raciShapeIssue } from '../rules/raci-rules';
import { RaciMembers } from './raci-members';
import { RaciService } from './raci.service';
import { toDocument, toTemplateObject, userIdsOf } from './raci-views';

/**
 * Agency templates: one matrix per agency, edited by the agency's staff and copied onto hotels (applyRaciTemplate),
 * which can also copy one hotel's matrix onto others. The caller needs workflows.manage on every target.
 */
@Injectable()
export class RaciTemplatesService {
  constructor(
    private readonly raci: RaciService,
    private readonly members: RaciMembers,
    private readonly audit: AuditWriter,
  ) {}

  /** The agency's template, or null when it has none yet; NOT_FOUND for an agency none of the scope's hotels is in. */
  async template(ctx: RequestContext, agencyId: string): Promise<RaciTemplateObject | null> {
    await this.agencyHotels(ctx, agencyId);
    const row = await ctx.tx.getRepository(RaciTemplateEntity).findOneBy({ agencyId });
    if (!row) {
      return null;
    }
    return toTemplateObject(agencyId, row.document, row, await this.members.names(ctx, userIdsOf(row.document)));
  }

  /** Replaces the template if `input.version` is still current. Only the agency's own staff may (FORBIDDEN). */
  async save(ctx: RequestContext, input: SaveRaciTemplateInput): Promise<RaciTemplateObject> {
    const hotelIds = await this.agencyHotels(ctx, input.agencyId);
    const doc = toDocument(input);
    await this.assertValid(ctx, doc);
    const userId = ctx.userId;
    if (!userId) {
      throw raciError(RaciError.AgencyStaffOnly);
    }
    const before = await ctx.tx.getRepository(RaciTemplateEntity).findOneBy({ agencyId: input.agencyId });
    // The row policy lets only the agency's staff write (identity = the caller for these statements).
    const version = await this.members.withIdentity(ctx, userId, async () => {
      const staff = await ctx.tx.query<unknown[]>(
        `SELECT 1 FROM agency_membership WHERE agency_id = $1 AND user_id = $2`,
        [input.agencyId, userId],
      );
      if (staff.length === 0) {
        throw raciError(RaciError.AgencyStaffOnly);
      }
      return this.bump(ctx, input.agencyId, input.version, doc, userId);
    });
    if (version === null) {
      const now = await ctx.tx.getRepository(RaciTemplateEntity).findOneBy({ agencyId: input.agencyId });
      throw staleRaci(now?.version ?? 0);
    }
    for (const hotelId of hotelIds) {
      await this.audit.record(ctx, {
        tenantId: hotelId,
        action: AuditAction.RaciMatrixSaved,
        entityType: 'raci_template',
        entityId: input.agencyId,
        before: before ? { version: before.version, ...before.document } : null,
        after: { version, ...doc },
      });
    }
    const saved = await this.template(ctx, input.agencyId);
    return saved!;
  }

  /** Copies the agency's template or a hotel's matrix onto `hotelIds`, replacing their matrices (new versions). */
  async apply(ctx: RequestContext, input: ApplyRaciTemplateInput): Promise<RaciMatrixObject[]> {
    const agencyId = input.agencyId ?? null;
    const sourceHotelId = input.sourceHotelId ?? null;
    if ((agencyId === null) === (sourceHotelId === null)) {
      throw raciError(RaciError.OneSource, { field: 'agencyId' });
    }
    // Every target first: one hotel the caller does not manage fails the whole call like an unknown id.
    input.hotelIds.forEach((hotelId) => ctx.assertInScope(hotelId));
    let doc: RaciDocument | null;
    if (agencyId !== null) {
      await this.agencyHotels(ctx, agencyId);
      doc = (await ctx.tx.getRepository(RaciTemplateEntity).findOneBy({ agencyId }))?.document ?? null;
    } else {
      if (input.hotelIds.includes(sourceHotelId!)) {
        throw raciError(RaciError.SourceIsTarget, { field: 'sourceHotelId' });
      }
      doc = await this.raci.document(ctx, sourceHotelId!);
    }
    if (!doc) {
      throw raciError(RaciError.NoSourceMatrix, { field: agencyId !== null ? 'agencyId' : 'sourceHotelId' });
    }
    const problems = raciProblems(doc);
    if (problems.length > 0) {
      throw raciInvalid(problems);
    }
    const source = agencyId !== null ? { agencyId } : { sourceHotelId };
    const out: RaciMatrixObject[] = [];
    for (const hotelId of input.hotelIds) {
      out.push(await this.raci.overwrite(ctx, hotelId, doc, source));
    }
    return out;
  }

  /** The agency's hotels inside the scope; none (or a malformed id) answers like an agency that does not exist. */
  private async agencyHotels(ctx: RequestContext, agencyId: string): Promise<string[]> {
    const rows = isUuid(agencyId)
      ? await ctx.tx.query<Array<{ id: string }>>(
          `SELECT id FROM hotel WHERE agency_id = $1 AND id = ANY ($2::uuid[]) ORDER BY id`,
          [agencyId, ctx.tenantIds],
        )
      : [];
    if (rows.length === 0) {
      throw BatonError.notFound('Agency', agencyId);
    }
    return rows.map((r) => r.id);
  }

  /** Template members are not tied to one hotel: they must exist; applying keeps only the target's staff. */
  private async assertValid(ctx: RequestContext, doc: RaciDocument): Promise<void> {
    const issue = raciShapeIssue(doc);
    if (issue) {
      throw raciShapeError(issue);
    }
    const ids = userIdsOf(doc);
    const known = await this.members.names(ctx, ids);
    const unknown = ids.find((id) => !known.has(id));
    if (unknown !== undefined) {
      const index = doc.parties.findIndex((p) => p.userIds.includes(unknown));
      throw raciError(RaciError.UnknownUser, { field: `parties.${index}.userIds`, userId: unknown });
    }
    const problems = raciProblems(doc);
    if (problems.length > 0) {
      throw raciInvalid(problems);
    }
  }

  private async bump(
    ctx: RequestContext,
    agencyId: string,
    expected: number,
    doc: RaciDocument,
    userId: string,
  ): Promise<number | null> {
    const json = JSON.stringify(doc);
    const rows =
      expected === 0
        ? await ctx.tx.query<Array<{ version: number }>>(
            `INSERT INTO raci_template (agency_id, document, version, updated_at, updated_by)
             VALUES ($1, $2::jsonb, 1, now(), $3) ON CONFLICT (agency_id) DO NOTHING RETURNING version`,
            [agencyId, json, userId],
          )
        : await ctx.tx.query<Array<{ version: number }>>(
            `WITH moved AS (
               UPDATE raci_template SET document = $2::jsonb, version = version + 1, updated_at = now(), updated_by = $3
                WHERE agency_id = $1 AND version = $4 RETURNING version)
             SELECT version FROM moved`,
            [agencyId, json, userId, expected],
          );
    return rows[0]?.version ?? null;
  }
}
