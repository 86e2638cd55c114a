import { Injectable } from '@nestjs/common';
import { AuditAction, DictionaryKind } from '@baton/shared/contracts';
import { AuditWriter, RequestContext } from '@baton/api/core';
import { CasesError, casesError } from '../cases.errors';
import { SaveDictionaryEntryInput } from '../dto/save-dictionary-entry.input';
import { DictionaryEntryEntity } from '../entities/dictionary-entry.entity';
import { DictionaryEntryObject } from '../objects/dictionary-entry.object';
import { DEFAULT_DICTIONARY } from './default-dictionary';

const KIND_ORDER = Object.values(DictionaryKind);

function toObject(row: DictionaryEntryEntity): DictionaryEntryObject {
  return {
    kind: row.kind,
    code: row.code,
    labelTr: row.labelTr,
    labelEn: row.labelEn,
    sort: row.sort,
    active: row.active,
  };
}

/**
 * The hotel's request types, labels, lost reasons and teams. A kind the hotel has no entries of is seeded from
 * DEFAULT_DICTIONARY on first use (idempotent under concurrency: ON CONFLICT DO NOTHING).
 */
@Injectable()
export class Dictionaries {
  constructor(private readonly audit: AuditWriter) {}

  async list(ctx: RequestContext, hotelId: string, kind?: DictionaryKind | null): Promise<DictionaryEntryObject[]> {
    ctx.assertInScope(hotelId);
    const kinds = kind ? [kind] : KIND_ORDER;
    const rows: DictionaryEntryEntity[] = [];
    for (const k of kinds) {
      rows.push(...(await this.entries(ctx, hotelId, k)));
    }
    return rows.map(toObject);
  }

  /** Refuses any code that is not an active entry of `kind` (BAD_USER_INPUT naming the field and the code). */
  async assertActive(
    ctx: RequestContext,
    hotelId: string,
    kind: DictionaryKind,
    codes: readonly string[],
    field: string,
  ): Promise<void> {
    if (codes.length === 0) {
      return;
    }
    const active = await this.activeCodes(ctx, hotelId, kind);
    const unknown = codes.find((code) => !active.has(code));
    if (unknown !== undefined) {
      throw casesError(CasesError.UnknownDictionaryCode, { field, code: unknown, kind });
    }
  }

  async activeCodes(ctx: RequestContext, hotelId: string, kind: DictionaryKind): Promise<Set<string>> {
    const rows = await this.entries(ctx, hotelId, kind);
    return new Set(rows.filter((row) => row.active).map((row) => row.code));
  }

  async save(ctx: RequestContext, input: SaveDictionaryEntryInput): Promise<DictionaryEntryObject> {
    ctx.assertInScope(input.hotelId);
    const kind = input.kind as DictionaryKind;
    // Seed first, or the hotel's first own entry would hide every default of that kind.
    const existing = (await this.entries(ctx, input.hotelId, kind)).find((row) => row.code === input.code) ?? null;
    const repo = ctx.tx.getRepository(DictionaryEntryEntity);
    const row = repo.create({
      tenantId: input.hotelId,
      kind,
      code: input.code,
      labelTr: input.labelTr,
      labelEn: input.labelEn,
      sort: input.sort ?? existing?.sort ?? 0,
      active: input.active ?? existing?.active ?? true,
    });
    await repo.save(row);
    await this.audit.record(ctx, {
      tenantId: input.hotelId,
      action: AuditAction.DictionaryChanged,
      entityType: 'dictionary_entry',
      entityId: `${kind}:${input.code}`,
      before: existing ? { ...toObject(existing) } : null,
      after: { ...toObject(row) },
    });
    return toObject(row);
  }

  private async entries(ctx: RequestContext, hotelId: string, kind: DictionaryKind): Promise<DictionaryEntryEntity[]> {
    const repo = ctx.tx.getRepository(DictionaryEntryEntity);
    const find = () => repo.find({ where: { tenantId: hotelId, kind }, order: { sort: 'ASC', code: 'ASC' } });
    const rows = await find();
    if (rows.length > 0) {
      return rows;
    }
    const defaults = DEFAULT_DICTIONARY[kind];
    await ctx.tx.query(
      `INSERT INTO hotel_dictionary (tenant_id, kind, code, label_tr, label_en, sort)
       SELECT $1, $2, d.code, d.label_tr, d.label_en, d.sort
         FROM unnest($3::text[], $4::text[], $5::text[], $6::int[]) AS d(code, label_tr, label_en, sort)
       ON CONFLICT (tenant_id, kind, code) DO NOTHING`,
      [
        hotelId,
        kind,
        defaults.map((d) => d.code),
        defaults.map((d) => d.labelTr),
        defaults.map((d) => d.labelEn),
        defaults.map((_, i) => (i + 1) * 10),
      ],
    );
    return find();
  }
}
