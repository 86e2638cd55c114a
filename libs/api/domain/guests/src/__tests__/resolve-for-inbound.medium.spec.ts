import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  AuditLogEntity,
  AuditWriter,
  BatonError,
  MemoryPubSub,
  RequestContext,
  TenantTransactions,
} from '@baton/api/core';
import { createHotel, createTestDatabase, TestDatabase, TestHotel, withClient } from '@baton/api/testing';
import { Channel, ErrorCode } from '@baton/shared/contracts';
import { GUEST_ENTITIES } from '../entities';
import { InboundContact } from '../identity';
import { MatchReasonCode } from '../matcher';
import { GuestMergesService } from '../services/guest-merges.service';
import { GuestsService } from '../services/guests.service';

/** Medium tier: GuestsService on real Postgres as the app role (forced RLS), through TenantTransactions.runAsSystem. */
describe('GuestsService.resolveForInbound (medium: real Postgres, app role)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let transactions: TenantTransactions;
  let hotelA: TestHotel;
  let hotelB: TestHotel;
  const service = new GuestsService();
  const merges = new GuestMergesService(new AuditWriter());

  const run = <T>(hotelId: string, work: (ctx: RequestContext) => Promise<T>) =>
    transactions.runAsSystem('guests-test', hotelId, work);
  const resolve = (hotelId: string, contact: InboundContact) =>
    run(hotelId, (ctx) => service.resolveForInbound(ctx, hotelId, contact));
  const unique = () => String(Math.floor(1_000_000 + Math.random() * 8_999_999));

  async function owner<T>(sql: string, params: unknown[] = [], hotelId = hotelA.id): Promise<T[]> {
    return withClient(db.ownerUrl, async (c) => {
      await c.query(`SELECT set_config('app.tenant_ids', $1, false)`, [hotelId]);
      return (await c.query(sql, params)).rows as T[];
    });
  }

  const identitiesOf = (guestId: string, hotelId = hotelA.id) =>
    owner<{ kind: string; value: string; origin_guest_id: string }>(
      `SELECT kind, value, origin_guest_id FROM guest_identity WHERE tenant_id = $1 AND guest_id = $2 ORDER BY kind, value`,
      [hotelId, guestId],
      hotelId,
    );

  async function errorOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
    try {
      await promise;
    } catch (error) {
      if (error instanceof BatonError) {
        return { code: error.code, message: error.message };
      }
      throw error;
    }
    throw new Error('expected an error');
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ hotelA, hotelB } = await withClient(db.ownerUrl, async (c) => ({
      hotelA: await createHotel(c),
      hotelB: await createHotel(c),
    })));
    dataSource = new DataSource({
      type: 'postgres',
      url: db.appUrl,
      entities: [...GUEST_ENTITIES, AuditLogEntity],
      synchronize: false,
      extra: { max: 8 },
    });
    await dataSource.initialize();
    transactions = new TenantTransactions(dataSource, new MemoryPubSub());
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('creates a new guest with its normalised identities', async () => {
    const n = unique();
    const result = await resolve(hotelA.id, { displayName: '  Ayşe   Kaya ', whatsappId: `90532${n}` });
    expect(result).toEqual({
      guestId: expect.any(String),
      memberIds: [result.guestId],
      created: true,
      reasons: [],
      suggestionIds: [],
      isRepeat: false,
    });
    const [guest] = await owner<{ display_name: string; merged_into_id: string | null }>(
      `SELECT display_name, merged_into_id FROM guest WHERE id = $1`,
      [result.guestId],
    );
    expect(guest).toEqual({ display_name: 'Ayşe Kaya', merged_into_id: null });
    expect(await identitiesOf(result.guestId)).toEqual([
      { kind: 'phone', value: `+90532${n}`, origin_guest_id: result.guestId },
      { kind: 'whatsapp', value: `90532${n}`, origin_guest_id: result.guestId },
    ]);
  });

  it('links the same phone written another way, adds new identities and fills a missing name', async () => {
    const n = unique();
    const first = await resolve(hotelA.id, { phone: `0532 ${n.slice(0, 3)} ${n.slice(3, 5)} ${n.slice(5)}` });
    const second = await resolve(hotelA.id, {
      displayName: 'Mehmet Demir',
      phone: `+90 (532) ${n.slice(0, 3)}-${n.slice(3, 5)}-${n.slice(5)}`,
      email: `Mehmet.${n}@Example.com`,
    });
    expect(second).toMatchObject({ guestId: first.guestId, created: false, suggestionIds: [] });
    expect(second.reasons).toEqual([
      { code: MatchReasonCode.SamePhone, points: 100, detail: expect.stringMatching(/\*\*\*/) },
    ]);
    const third = await resolve(hotelA.id, { whatsappId: `90532${n}` });
    expect(third).toMatchObject({ guestId: first.guestId, created: false });
    expect(await identitiesOf(first.guestId)).toEqual([
      { kind: 'email', value: `mehmet.${n}@example.com`, origin_guest_id: first.guestId },
      { kind: 'phone', value: `+90532${n}`, origin_guest_id: first.guestId },
      { kind: 'whatsapp', value: `90532${n}`, origin_guest_id: first.guestId },
    ]);
    const [guest] = await owner<{ display_name: string }>(`SELECT display_name FROM guest WHERE id = $1`, [
      first.guestId,
    ]);
    expect(guest.display_name).toBe('Mehmet Demir');
  });

  it('WhatsApp, then e-mail with the same name and a similar phone: a merge suggestion, not a link', async () => {
    const n = unique();
    const wa = await resolve(hotelA.id, { displayName: 'İsmail Şahin', whatsappId: `90532${n}` });
    const mail = await resolve(hotelA.id, {
      displayName: 'ISMAIL SAHIN',
      email: `ismail.${n}@example.com`,
      phone: `0533 ${n}`,
    });
    expect(mail.created).toBe(true);
    expect(mail.guestId).not.toBe(wa.guestId);
    expect(mail.suggestionIds).toHaveLength(1);
    const [suggestion] = await owner<{
      guest_id: string;
      candidate_id: string;
      score: number;
      reasons: unknown;
      status: string;
    }>(`SELECT guest_id, candidate_id, score, reasons, status FROM guest_match_suggestion WHERE id = $1`, [
      mail.suggestionIds[0],
    ]);
    expect(suggestion).toEqual({
      guest_id: mail.guestId,
      candidate_id: wa.guestId,
      score: 70,
      reasons: [{ code: 'same_name_similar_phone', points: 70, detail: 'last 7 digits of a phone match' }],
      status: 'open',
    });
    // The same message again links to the e-mail guest and keeps (refreshes) the one open suggestion.
    const again = await resolve(hotelA.id, {
      displayName: 'Ismail Sahin',
      email: `ismail.${n}@example.com`,
      phone: `+90533${n}`,
    });
    expect(again).toMatchObject({ guestId: mail.guestId, created: false, suggestionIds: mail.suggestionIds });
    const [{ count }] = await owner<{ count: number }>(
      `SELECT count(*)::int AS count FROM guest_match_suggestion WHERE guest_id = ANY($1::uuid[]) OR candidate_id = ANY($1::uuid[])`,
      [[wa.guestId, mail.guestId]],
    );
    expect(count).toBe(1);
  });

  it('finds same-name guests however the stored name is cased and accented, also for long names', async () => {
    for (const [stored, incoming] of [
      ['ŞÜKRÜ ÇAĞLAR', 'sukru caglar'],
      ['Gökçe Güneş Uğurlu Sönmez', 'GOKCE GUNES UGURLU SONMEZ'], // 2^12 spellings: the folded-expression path
      ['ismail sahin', 'İSMAİL ŞAHİN'],
    ]) {
      const n = unique();
      const first = await resolve(hotelA.id, { displayName: stored, phone: `0532${n}` });
      const second = await resolve(hotelA.id, { displayName: incoming, phone: `0544${n}` });
      expect(second).toMatchObject({ created: true, suggestionIds: [expect.any(String)] });
      const [row] = await owner<{ candidate_id: string }>(
        `SELECT candidate_id FROM guest_match_suggestion WHERE id = $1`,
        second.suggestionIds,
      );
      expect(row.candidate_id).toBe(first.guestId);
    }
  });

  it('a name alone never links or suggests', async () => {
    const name = `Zeynep ${unique()}`;
    const a = await resolve(hotelA.id, { displayName: name });
    const b = await resolve(hotelA.id, { displayName: name });
    expect(b.guestId).not.toBe(a.guestId);
    expect(b.suggestionIds).toEqual([]);
  });

  it('five parallel messages of the same new person make one guest, without failing', async () => {
    const n = unique();
    const contact = { displayName: 'Concurrent Guest', whatsappId: `90532${n}`, email: `c${n}@example.com` };
    const results = await Promise.all(Array.from({ length: 5 }, () => resolve(hotelA.id, contact)));
    expect(new Set(results.map((r) => r.guestId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const rows = await owner<{ guest_id: string }>(
      `SELECT DISTINCT guest_id FROM guest_identity WHERE tenant_id = $1 AND value = ANY($2::text[])`,
      [hotelA.id, [`90532${n}`, `+90532${n}`, `c${n}@example.com`]],
    );
    expect(rows).toEqual([{ guest_id: results[0].guestId }]);
  });

  it('follows merges to the surviving guest and reports every member; isRepeat once a case was recorded', async () => {
    const n = unique();
    const survivor = await resolve(hotelA.id, { displayName: 'Survivor', email: `s${n}@example.com` });
    const merged = await resolve(hotelA.id, { displayName: 'Merged', phone: `0532${n}` });
    await run(hotelA.id, (ctx) => merges.merge(ctx, hotelA.id, survivor.guestId, merged.guestId, null));
    const byPhone = await resolve(hotelA.id, { phone: `+90532${n}` });
    expect(byPhone).toMatchObject({ guestId: survivor.guestId, created: false, isRepeat: false });
    expect(byPhone.memberIds).toEqual([survivor.guestId, merged.guestId]);
    expect(await run(hotelA.id, (ctx) => service.memberIds(ctx, hotelA.id, survivor.guestId))).toEqual([
      survivor.guestId,
      merged.guestId,
    ]);

    await run(hotelA.id, (ctx) => service.recordCaseOpened(ctx, hotelA.id, merged.guestId));
    const [counts] = await owner<{ survivor: number; merged: number }>(
      `SELECT (SELECT past_case_count FROM guest WHERE id = $1) AS survivor, (SELECT past_case_count FROM guest WHERE id = $2) AS merged`,
      [survivor.guestId, merged.guestId],
    );
    expect(counts).toEqual({ survivor: 1, merged: 0 });
    expect((await resolve(hotelA.id, { email: `S${n}@EXAMPLE.com` })).isRepeat).toBe(true);
  });

  it('recipientFor picks the identity of the channel', async () => {
    const n = unique();
    const wa = await resolve(hotelA.id, { displayName: 'Reach Me', whatsappId: `90532${n}`, instagramId: `ig${n}` });
    const other = await resolve(hotelA.id, {
      phone: `0533${n}`,
      email: `reach${n}@example.com`,
      messengerId: `ps${n}`,
    });
    const ids = [wa.guestId, other.guestId];
    const to = (channel: Channel, guestIds = ids) =>
      run(hotelA.id, (ctx) => service.recipientFor(ctx, hotelA.id, guestIds, channel));
    expect(await to(Channel.WhatsApp)).toBe(`90532${n}`);
    expect(await to(Channel.WhatsApp, [other.guestId])).toBe(`90533${n}`);
    expect(await to(Channel.Instagram)).toBe(`ig${n}`);
    expect(await to(Channel.Messenger)).toBe(`ps${n}`);
    expect(await to(Channel.Email)).toBe(`reach${n}@example.com`);
    expect(await to(Channel.Phone)).toBe(`+90532${n}`);
    expect(await to(Channel.WebForm)).toBeNull();
    expect(await to(Channel.Email, [wa.guestId])).toBeNull();
  });

  it('is tenant-scoped: the same contact in hotel B is another guest, and hotel A ids are NOT_FOUND from B', async () => {
    const n = unique();
    const contact = { displayName: 'Two Hotels', whatsappId: `90532${n}` };
    const inA = await resolve(hotelA.id, contact);
    const inB = await resolve(hotelB.id, contact);
    expect(inB.created).toBe(true);
    expect(inB.guestId).not.toBe(inA.guestId);

    const missing = randomUUID();
    const calls: Array<(ctx: RequestContext, id: string) => Promise<unknown>> = [
      (ctx, id) => service.memberIds(ctx, hotelB.id, id),
      (ctx, id) => service.recordCaseOpened(ctx, hotelB.id, id),
    ];
    for (const call of calls) {
      const foreign = await errorOf(run(hotelB.id, (ctx) => call(ctx, inA.guestId)));
      expect(foreign).toEqual({ code: ErrorCode.NotFound, message: 'Guest not found' });
      expect(await errorOf(run(hotelB.id, (ctx) => call(ctx, missing)))).toEqual(foreign);
    }
    expect(
      await run(hotelB.id, (ctx) => service.recipientFor(ctx, hotelB.id, [inA.guestId], Channel.WhatsApp)),
    ).toBeNull();
    // A hotel outside the transaction's scope is refused before anything is read.
    const outside = await errorOf(run(hotelB.id, (ctx) => service.resolveForInbound(ctx, hotelA.id, contact)));
    expect(outside).toEqual({ code: ErrorCode.NotFound, message: 'Hotel not found' });
    expect(await errorOf(run(hotelB.id, (ctx) => service.memberIds(ctx, hotelA.id, inA.guestId)))).toEqual(outside);
    expect(
      await errorOf(run(hotelB.id, (ctx) => service.recipientFor(ctx, hotelA.id, [inA.guestId], Channel.WhatsApp))),
    ).toEqual(outside);
    expect(await errorOf(run(hotelB.id, (ctx) => service.recordCaseOpened(ctx, hotelA.id, inA.guestId)))).toEqual(
      outside,
    );
  });
});
