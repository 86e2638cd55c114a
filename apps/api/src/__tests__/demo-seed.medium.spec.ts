import type { Client } from 'pg';
import { BatonConfig, SecretBox, sha256 } from '@baton/api/core';
import { createTestDatabase, TEST_SECRETS_KEY, TestDatabase, withClient } from '@baton/api/testing';
import { normalizeIdentity } from '@baton/api/domain/guests';
import { ChannelProvider, GuestIdentityKind } from '@baton/shared/contracts';
import { seedDemo } from '../seed/demo-seed';
import { DEMO_CHANNELS } from '../seed/traffic-channels';

const TABLES = [
  'channel_account',
  'channel_route',
  'hotel_dictionary',
  'campaign',
  'guest',
  'guest_identity',
  'guest_match_suggestion',
  'guest_case',
  'case_message',
  'case_transition',
  'case_handoff',
  'case_note',
  'case_counter',
  'audit_log',
];

/** The demo seed on a fresh database: 30 days of believable traffic, consistent with the schema's invariants. */
describe('demo seed (real Postgres)', () => {
  let db: TestDatabase;
  let hotels: Array<{ id: string; code: string }>;
  const now = Date.now();
  let seedMs = 0;

  // The test database owner is a superuser; the scope is set anyway, as a non-superuser owner would need it.
  const owner = <T>(work: (c: Client) => Promise<T>): Promise<T> =>
    withClient(db.ownerUrl, async (c) => {
      await c.query(`SELECT set_config('app.tenant_ids', $1, false)`, [hotels.map((h) => h.id).join(',')]);
      return work(c);
    });
  const rows = async <R>(sql: string, params: unknown[] = []): Promise<R[]> =>
    owner(async (c) => (await c.query(sql, params)).rows as R[]);
  const counts = () =>
    rows<{ table: string; n: number }>(
      TABLES.map((t) => `SELECT '${t}' AS table, count(*)::int AS n FROM ${t}`).join(' UNION ALL '),
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    const started = performance.now();
    expect(await seedDemo(db.ownerUrl, now, TEST_SECRETS_KEY)).toBe(true);
    seedMs = performance.now() - started;
    hotels = await withClient(
      db.ownerUrl,
      async (c) => (await c.query('SELECT id, code FROM hotel ORDER BY code')).rows,
    );
    const seeded = await counts();
    process.stdout.write(
      `demo seed: ${Math.round(seedMs)} ms — ${seeded.map((r) => `${r.table} ${r.n}`).join(', ')}\n`,
    );
  });

  afterAll(() => db.drop());

  it('gives every hotel cases on at least 6 channels over at least 28 days', async () => {
    const perHotel = await rows<{ code: string; channels: number; cases: number; span_days: number; latest: Date }>(
      `SELECT h.code, count(DISTINCT c.channel)::int AS channels, count(*)::int AS cases,
              extract(epoch FROM max(c.created_at) - min(c.created_at)) / 86400 AS span_days, max(c.created_at) AS latest
         FROM guest_case c JOIN hotel h ON h.id = c.tenant_id GROUP BY h.code ORDER BY h.code`,
    );
    expect(perHotel.map((r) => r.code)).toEqual(['BDR', 'BLK', 'SDE']);
    for (const hotel of perHotel) {
      expect(hotel.channels).toBeGreaterThanOrEqual(6);
      expect(hotel.cases).toBeGreaterThanOrEqual(300);
      expect(Number(hotel.span_days)).toBeGreaterThanOrEqual(28);
      expect(hotel.latest.getTime()).toBeLessThanOrEqual(now);
    }
    const [future] = await rows<{ n: number }>(
      `SELECT (SELECT count(*) FROM case_message WHERE occurred_at > $1) + (SELECT count(*) FROM case_transition
        WHERE occurred_at > $1) + (SELECT count(*) FROM case_handoff WHERE accepted_at > $1) AS n`,
      [new Date(now)],
    );
    expect(Number(future.n)).toBe(0);
  });

  it('numbers cases per hotel and year without gaps, in creation order, and stores the counter', async () => {
    const cases = await rows<{ tenant_id: string; number: string; created_at: Date }>(
      'SELECT tenant_id, number, created_at FROM guest_case ORDER BY tenant_id, created_at, number',
    );
    const counters = await rows<{ tenant_id: string; year: number; last_value: number }>('SELECT * FROM case_counter');
    for (const hotel of hotels) {
      const byYear = new Map<number, number[]>();
      for (const c of cases.filter((x) => x.tenant_id === hotel.id)) {
        const match = /^([A-Z]{3})-(\d{4})-(\d{6})$/.exec(c.number);
        expect(match?.[1]).toBe(hotel.code);
        const year = Number(match?.[2]);
        expect(year).toBe(new Date(c.created_at.getTime() + 3 * 3_600_000).getUTCFullYear());
        byYear.set(year, [...(byYear.get(year) ?? []), Number(match?.[3])]);
      }
      for (const [year, numbers] of byYear) {
        expect(numbers).toEqual(numbers.map((_, i) => i + 1));
        const counter = counters.find((c) => c.tenant_id === hotel.id && c.year === year);
        expect(counter?.last_value).toBe(numbers.length);
      }
    }
  });

  it('has won, lost (with a dictionary reason) and handed-off cases, with consistent history', async () => {
    const statuses = await rows<{ code: string; status: string; n: number }>(
      `SELECT h.code, c.status, count(*)::int AS n FROM guest_case c JOIN hotel h ON h.id = c.tenant_id GROUP BY 1, 2`,
    );
    for (const hotel of hotels) {
      const of = (status: string) => statuses.find((s) => s.code === hotel.code && s.status === status)?.n ?? 0;
      expect(of('won')).toBeGreaterThan(20);
      expect(of('lost')).toBeGreaterThan(20);
      expect(of('handed_off')).toBeGreaterThan(0);
      expect(of('new') + of('open') + of('in_progress') + of('quoted')).toBeGreaterThan(5);
    }
    const badLost = await rows(
      `SELECT c.id FROM guest_case c LEFT JOIN hotel_dictionary d
          ON d.tenant_id = c.tenant_id AND d.kind = 'lost_reason' AND d.code = c.lost_reason
        WHERE (c.status = 'lost') <> (d.code IS NOT NULL)`,
    );
    expect(badLost).toEqual([]);
    // The last transition of every case is its status; the first one creates it; handoffs have a transition.
    const history = await rows(
      `SELECT c.number FROM guest_case c
        WHERE c.status <> (SELECT t.to_status FROM case_transition t WHERE t.tenant_id = c.tenant_id AND t.case_id = c.id
                            ORDER BY t.occurred_at DESC, (t.from_status IS NULL) LIMIT 1)
           OR NOT EXISTS (SELECT 1 FROM case_transition t WHERE t.tenant_id = c.tenant_id AND t.case_id = c.id
                           AND t.from_status IS NULL AND t.occurred_at = c.created_at)`,
    );
    expect(history).toEqual([]);
    const handoffs = await rows<{ reason: string; to_team: string; from_team: string; wait: number }>(
      `SELECT reason, to_team, from_team, extract(epoch FROM accepted_at - requested_at) AS wait FROM case_handoff`,
    );
    expect(handoffs.length).toBeGreaterThan(30);
    expect(new Set(handoffs.map((h) => h.reason))).toEqual(
      new Set(['two_rounds_unresolved', 'cancellation_or_crisis', 'manual', 'group_or_vip']),
    );
    expect(handoffs.every((h) => ['sales', 'reservations'].includes(h.to_team))).toBe(true);
    expect(handoffs.every((h) => ['smm_agency', 'call_center', 'reservations'].includes(h.from_team))).toBe(true);
    const accepted = handoffs.filter((h) => h.wait !== null).map((h) => Number(h.wait));
    expect(Math.min(...accepted)).toBeGreaterThanOrEqual(120);
  });

  it('derives first response, rounds and waiting time from the messages', async () => {
    const wrong = await rows(
      `SELECT c.number FROM guest_case c
         LEFT JOIN LATERAL (SELECT min(m.occurred_at) FILTER (WHERE m.direction = 'outbound') AS first_out,
                                   max(m.occurred_at) FILTER (WHERE m.direction = 'inbound') AS last_in
                              FROM case_message m WHERE m.tenant_id = c.tenant_id AND m.case_id = c.id) m ON true
        WHERE c.first_response_at IS DISTINCT FROM m.first_out
           OR c.last_inbound_at IS DISTINCT FROM m.last_in
           OR c.first_response_seconds IS DISTINCT FROM round(extract(epoch FROM m.first_out - c.created_at))::int
           OR (c.waiting_since IS NOT NULL AND c.status NOT IN ('new', 'open', 'in_progress', 'handed_off', 'quoted'))
           OR (c.message_rounds = 0) <> (c.first_response_at IS NULL)`,
    );
    expect(wrong).toEqual([]);
    const [stats] = await rows<{
      fast: number;
      answered: number;
      waiting: number;
      unassigned: number;
      missing: number;
    }>(
      `SELECT count(*) FILTER (WHERE first_response_seconds <= 900)::int AS fast,
              count(first_response_seconds)::int AS answered,
              count(waiting_since)::int AS waiting,
              count(*) FILTER (WHERE owner_id IS NULL AND status IN ('new', 'open'))::int AS unassigned,
              count(*) FILTER (WHERE status IN ('new', 'open', 'in_progress')
                                 AND (guest_name IS NULL OR contact IS NULL OR request_text IS NULL))::int AS missing
         FROM guest_case`,
    );
    expect(stats.fast / stats.answered).toBeGreaterThan(0.5);
    expect(stats.waiting).toBeGreaterThan(0);
    expect(stats.unassigned).toBeGreaterThan(0);
    expect(stats.missing).toBeGreaterThan(0);
  });

  it('links guests across channels and suggests likely duplicates', async () => {
    const [multi] = await rows<{ kinds: number; channels: number; guests: number }>(
      `SELECT count(*) FILTER (WHERE kinds >= 2)::int AS kinds, count(*) FILTER (WHERE channels >= 2)::int AS channels,
              count(*)::int AS guests
         FROM (SELECT g.id,
                      (SELECT count(DISTINCT i.kind) FROM guest_identity i WHERE i.tenant_id = g.tenant_id AND i.guest_id = g.id) AS kinds,
                      (SELECT count(DISTINCT m.channel) FROM case_message m JOIN guest_case c ON c.tenant_id = m.tenant_id AND c.id = m.case_id
                        WHERE c.tenant_id = g.tenant_id AND c.guest_id = g.id AND m.direction = 'inbound') AS channels
                 FROM guest g) x`,
    );
    expect(multi.kinds).toBeGreaterThan(0);
    expect(multi.channels / multi.guests).toBeGreaterThan(0.05);
    const suggestions = await rows<{ a: string; b: string; reasons: Array<{ code: string; points: number }> }>(
      `SELECT g.display_name AS a, k.display_name AS b, s.reasons FROM guest_match_suggestion s
         JOIN guest g ON g.tenant_id = s.tenant_id AND g.id = s.guest_id
         JOIN guest k ON k.tenant_id = s.tenant_id AND k.id = s.candidate_id
        WHERE s.status = 'open'`,
    );
    expect(suggestions.length).toBeGreaterThanOrEqual(3);
    for (const s of suggestions) {
      expect(s.a).toBe(s.b);
      expect(s.reasons).toEqual([expect.objectContaining({ code: 'same_name_similar_phone', points: 70 })]);
    }
    // Identity values are stored the way the guest matcher normalises them, so live messages find the seeded guests.
    const identities = await rows<{ kind: GuestIdentityKind; value: string }>('SELECT kind, value FROM guest_identity');
    expect(identities.filter((i) => normalizeIdentity(i.kind, i.value) !== i.value)).toEqual([]);
    const [repeat] = await rows<{ n: number }>('SELECT count(*)::int AS n FROM guest WHERE past_case_count >= 2');
    expect(repeat.n).toBeGreaterThan(20);
  });

  it('gives campaigns leads and dates around today', async () => {
    const campaigns = await rows<{ code: string; utm_campaign: string; state: string; leads: number }>(
      `SELECT h.code, p.utm_campaign,
              CASE WHEN p.ends_on < (now() AT TIME ZONE 'Europe/Istanbul')::date THEN 'ended'
                   WHEN p.starts_on > (now() AT TIME ZONE 'Europe/Istanbul')::date THEN 'upcoming' ELSE 'active' END AS state,
              (SELECT count(*)::int FROM guest_case c WHERE c.tenant_id = p.tenant_id AND c.campaign_id = p.id
                 AND c.utm_campaign = p.utm_campaign) AS leads
         FROM campaign p JOIN hotel h ON h.id = p.tenant_id`,
    );
    for (const hotel of hotels) {
      const own = campaigns.filter((c) => c.code === hotel.code);
      expect(own.length).toBeGreaterThanOrEqual(3);
      expect(new Set(own.map((c) => c.state))).toEqual(new Set(['ended', 'active', 'upcoming']));
      expect(own.filter((c) => c.leads > 0).length).toBeGreaterThanOrEqual(2);
    }
  });

  it('indexes guest names and messages for Turkish, accent-insensitive search', async () => {
    const [hits] = await rows<{ iptal: number; gurultu: number; empty: number }>(
      `SELECT count(*) FILTER (WHERE search @@ plainto_tsquery('baton_tr', 'iptal'))::int AS iptal,
              count(*) FILTER (WHERE search @@ plainto_tsquery('baton_tr', 'gurultulu'))::int AS gurultu,
              count(*) FILTER (WHERE search = ''::tsvector)::int AS empty
         FROM guest_case`,
    );
    expect(hits.iptal).toBeGreaterThan(0);
    expect(hits.gurultu).toBeGreaterThan(0);
    expect(hits.empty).toBe(0);
  });

  it('stores channel secrets sealed for the hotel, and the demo WhatsApp number routes to Belek Palace', async () => {
    const blk = hotels.find((h) => h.code === 'BLK');
    const box = new SecretBox({ BATON_SECRETS_KEY: TEST_SECRETS_KEY } as BatonConfig);
    const accounts = await rows<{
      tenant_id: string;
      provider: string;
      external_id: string;
      app_secret_enc: string | null;
      access_token_enc: string | null;
      verify_token_hash: string | null;
    }>('SELECT * FROM channel_account');
    expect(accounts).toHaveLength(hotels.length * 7);
    for (const account of accounts) {
      const code = hotels.find((h) => h.id === account.tenant_id)?.code ?? '';
      const demo = DEMO_CHANNELS[code].find((d) => d.provider === account.provider);
      expect(demo?.externalId).toBe(account.external_id);
      expect(account.app_secret_enc ? box.open(account.app_secret_enc, account.tenant_id) : undefined).toBe(
        demo?.appSecret,
      );
      expect(account.access_token_enc ? box.open(account.access_token_enc, account.tenant_id) : undefined).toBe(
        demo?.accessToken,
      );
      expect(account.verify_token_hash ?? undefined).toBe(demo?.verifyToken ? sha256(demo.verifyToken) : undefined);
    }
    const whatsapp = accounts.find((a) => a.external_id === '100000000000001');
    expect(whatsapp?.provider).toBe(ChannelProvider.WhatsApp);
    // Bound to its hotel: the ciphertext does not open for another tenant.
    expect(() =>
      box.open(whatsapp?.app_secret_enc ?? '', hotels[0].id === blk?.id ? hotels[1].id : hotels[0].id),
    ).toThrow();

    const lookup = (key: string) =>
      withClient(db.appUrl, async (c) => {
        await c.query('BEGIN');
        await c.query(`SELECT set_config('app.channel_lookup', $1, true)`, [key]);
        const found = await c.query<{ hotel_id: string }>('SELECT hotel_id FROM channel_route');
        await c.query('COMMIT');
        return found.rows.map((r) => r.hotel_id);
      });
    expect(await lookup('whatsapp:100000000000001')).toEqual([blk?.id]);
    expect(await lookup('')).toEqual([]);
    expect(await lookup(`whatsapp:verify:${sha256('demo-verify-token')}`)).toHaveLength(3);
  });

  it('gives every hotel its workflows: business hours, RACI, tickets, SLA outcomes and automation runs', async () => {
    const perHotel = await rows<{
      code: string;
      calendars: number;
      holidays: number;
      accountable: number;
      steps: number;
      tickets: number;
      ticket_states: number;
      policies: number;
      met: number;
      breached: number;
      escalated: number;
      reminded: number;
      rules: number;
      runs: number;
    }>(
      `SELECT h.code,
        (SELECT count(*)::int FROM business_calendar c WHERE c.tenant_id = h.id AND c.is_default) AS calendars,
        (SELECT count(*)::int FROM calendar_holiday c WHERE c.tenant_id = h.id) AS holidays,
        (SELECT count(*)::int FROM raci_assignment a WHERE a.tenant_id = h.id AND a.role = 'A') AS accountable,
        (SELECT count(*)::int FROM raci_step s WHERE s.tenant_id = h.id) AS steps,
        (SELECT count(*)::int FROM ticket t WHERE t.tenant_id = h.id) AS tickets,
        (SELECT count(DISTINCT status)::int FROM ticket t WHERE t.tenant_id = h.id) AS ticket_states,
        (SELECT count(*)::int FROM sla_policy p WHERE p.tenant_id = h.id) AS policies,
        (SELECT count(*)::int FROM sla_clock k WHERE k.tenant_id = h.id AND k.state = 'met') AS met,
        (SELECT count(*)::int FROM sla_clock k WHERE k.tenant_id = h.id AND k.breached_at IS NOT NULL) AS breached,
        (SELECT count(*)::int FROM sla_clock k WHERE k.tenant_id = h.id AND k.escalated_at IS NOT NULL) AS escalated,
        (SELECT count(*)::int FROM sla_clock k WHERE k.tenant_id = h.id AND 'reminder' = ANY (k.steps_fired)) AS reminded,
        (SELECT count(*)::int FROM automation_rule r WHERE r.tenant_id = h.id) AS rules,
        (SELECT count(*)::int FROM automation_run r WHERE r.tenant_id = h.id) AS runs
       FROM hotel h ORDER BY h.code`,
    );
    expect(perHotel).toHaveLength(3);
    for (const hotel of perHotel) {
      expect(hotel.calendars).toBe(1);
      expect(hotel.holidays).toBeGreaterThan(10);
      // Exactly one Accountable per process step (the RACI rule), over the five playbook steps.
      expect(hotel.steps).toBeGreaterThanOrEqual(5);
      expect(hotel.accountable).toBe(hotel.steps);
      expect(hotel.tickets).toBeGreaterThanOrEqual(10);
      expect(hotel.ticket_states).toBeGreaterThanOrEqual(3);
      expect(hotel.policies).toBeGreaterThanOrEqual(2);
      expect(hotel.met).toBeGreaterThan(hotel.breached);
      expect(hotel.breached).toBeGreaterThan(0);
      expect(hotel.escalated).toBeGreaterThan(0);
      expect(hotel.reminded).toBeGreaterThanOrEqual(hotel.escalated);
      expect(hotel.rules).toBeGreaterThanOrEqual(6);
      expect(hotel.runs).toBeGreaterThan(0);
    }
  });

  it('is a no-op the second time', async () => {
    const before = await counts();
    expect(await seedDemo(db.ownerUrl, Date.now(), TEST_SECRETS_KEY)).toBe(false);
    expect(await counts()).toEqual(before);
  });
});
