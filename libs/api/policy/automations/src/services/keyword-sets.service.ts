import { Injectable } from '@nestjs/common';
import { AuditAction } from '@baton/shared/contracts';
import { AuditWriter, RequestContext } from '@baton/api/core';
import { automationsError, AutomationsError } from '../automations.errors';
import { compileKeyword } from '../conditions/text-fold';
import { AutomationDefaults } from '../defaults/automation-defaults';
import { SaveKeywordSetInput } from '../graphql/dto/save-keyword-set.input';
import { AutomationKeywordSetObject } from '../graphql/objects/automation-rule.object';
import { listKeywordSets, upsertKeywordSet } from '../store/keyword-sets.store';

/** The hotel's named keyword lists ("cancellation", "crisis" ...) that keyword conditions refer to by name. */
@Injectable()
export class KeywordSetsService {
  constructor(
    private readonly defaults: AutomationDefaults,
    private readonly audit: AuditWriter,
  ) {}

  async list(ctx: RequestContext, hotelId: string): Promise<AutomationKeywordSetObject[]> {
    ctx.assertInScope(hotelId);
    await this.defaults.ensure(ctx, hotelId);
    return listKeywordSets(ctx, hotelId);
  }

  async save(ctx: RequestContext, input: SaveKeywordSetInput): Promise<AutomationKeywordSetObject> {
    const { hotelId, name } = input;
    ctx.assertInScope(hotelId);
    await this.defaults.ensure(ctx, hotelId);
    const keywords = [...new Set(input.keywords.map((k) => k.trim()).filter((k) => k !== ''))];
    const blank = keywords.filter((k) => compileKeyword(k) === null);
    if (blank.length > 0) {
      throw automationsError(AutomationsError.InvalidKeywordSet, { field: 'keywords', keywords: blank });
    }
    const before = (await listKeywordSets(ctx, hotelId)).find((s) => s.name === name) ?? null;
    await upsertKeywordSet(ctx, hotelId, name, keywords);
    await this.audit.record(ctx, {
      tenantId: hotelId,
      action: AuditAction.AutomationRuleSaved,
      entityType: 'automation_keyword_set',
      entityId: null,
      before: before ? { name, keywords: before.keywords } : null,
      after: { name, keywords },
    });
    const saved = (await listKeywordSets(ctx, hotelId)).find((s) => s.name === name);
    return saved as AutomationKeywordSetObject;
  }
}
