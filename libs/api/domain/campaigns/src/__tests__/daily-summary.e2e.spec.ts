import { randomUUID } from 'node:crypto';
import { ErrorCode } from '@baton/shared/contracts';
import {
  createWorld,
  freePort,
  GqlResult,
  loginAll,
  SmtpSink,
  startSmtpSink,
  startTestApi,
  TestApi,
  World,
} from '@baton/api/testing';
import { addDays, CampaignView, codeOf, eventually, failure, SAVE_CAMPAIGN, seedCases, sql, todayIn } from './fixtures';

const SUMMARY_FIELDS = `hotelId date openCases unassignedCases oldestWaitingSeconds createdAt emailedAt emailError
  newCampaigns { id name utmCampaign active leadCount wonCount }
  leadsByCampaign { utmCampaign campaignName leads won }`;
const GENERATE = `mutation($hotelId: ID!, $date: String) {
  generateDailySummary(hotelId: $hotelId, date: $date) { ${SUMMARY_FIELDS} } }`;
const LIST = `query($hotelId: ID!, $first: Int) { dailySummaries(hotelId: $hotelId, first: $first) { ${SUMMARY_FIELDS} } }`;

interface SummaryView {
  hotelId: string;
  date: string;
  openCases: number;
  unassignedCases: number;
  oldestWaitingSeconds: number | null;
  createdAt: string;
  emailedAt: string | null;
  emailError: string | null;
  newCampaigns: Array<Pick<CampaignView, 'id' | 'name' | 'utmCampaign' | 'active' | 'leadCount' | 'wonCount'>>;
  leadsByCampaign: Array<{ utmCampaign: string; campaignName: string | null; leads: number; won: number }>;
}

const ISTANBUL = 'Europe/Istanbul';
/** A local wall-clock time of an Istanbul hotel as a timestamptz SQL expression. */
const local = (day: string, time: string) => `('${day} ${time}'::timestamp AT TIME ZONE '${ISTANBUL}')`;
const dotted = (day: string) => day.split('-').reverse().join('.');

describe('daily summary (e2e: GraphQL, Postgres and a local SMTP sink)', () => {
  let sink: SmtpSink;
  let api: TestApi;
  let world: World;
  let tokens: Record<string, string>;
  let today: string;
  let yesterday: string;

  async function generate(token: string, hotelId: string, date?: string, on: TestApi = api) {
    return on.gql<{ generateDailySummary: SummaryView }>(GENERATE, { hotelId, date }, token);
  }

  async function summaries(token: string, hotelId: string, first?: number) {
    return api.gql<{ dailySummaries: SummaryView[] }>(LIST, { hotelId, first }, token);
  }

  /** The stored summary once its e-mail outcome (sent or failed) is recorded. */
  async function settled(hotelId: string, date: string): Promise<SummaryView> {
    return eventually(async () => {
      const list = (await summaries(tokenFor(hotelId), hotelId, 100)).data?.dailySummaries;
      const summary = list?.find((s) => s.date === date);
      return summary && (summary.emailedAt || summary.emailError) ? summary : undefined;
    });
  }

  const tokenFor = (hotelId: string) => (hotelId === world.hotelA.id ? tokens.adminA : tokens.adminB);

  beforeAll(async () => {
    sink = await startSmtpSink();
    api = await startTestApi({ env: { SMTP_URL: sink.url } });
    world = await createWorld(api.db);
    tokens = await loginAll(api, world);
    today = todayIn(ISTANBUL);
    yesterday = addDays(today, -1);
  });
  afterAll(async () => {
    await api.close();
    await sink.close();
  });

  describe('hotel A (tr)', () => {
    let campaigns: Record<string, CampaignView>;

    beforeAll(async () => {
      const save = async (key: string, utmCampaign: string, startsOn: string, createdAt?: string) => {
        const r = await api.gql<{ saveCampaign: CampaignView }>(
          SAVE_CAMPAIGN,
          {
            input: {
              hotelId: world.hotelA.id,
              name: `Kampanya ${key}`,
              utmCampaign,
              startsOn,
              endsOn: addDays(startsOn, 30),
            },
          },
          tokens.adminA,
        );
        const campaign = r.data!.saveCampaign;
        if (createdAt) {
          await sql(api, `UPDATE campaign SET created_at = ${createdAt} WHERE id = $1`, [campaign.id]);
        }
        return [key, campaign] as const;
      };
      campaigns = Object.fromEntries([
        await save('startsToday', 'summer-2026', today),
        await save('createdYesterday', 'winter-2026', addDays(today, 10), local(yesterday, '10:00')),
        await save('tooEarly', 'spring-2027', addDays(today, 10), local(yesterday, '07:59')),
        await save('tooLate', 'autumn-2027', addDays(today, 10), local(today, '08:00')),
      ]);
      await seedCases(api, world.hotelA.id, [
        {
          utmCampaign: 'summer-2026',
          createdAt: local(yesterday, '00:30'),
          waitingSince: `now() - interval '10 minutes'`,
        },
        { utmCampaign: 'SUMMER-2026', status: 'won', createdAt: local(yesterday, '23:30') },
        { utmCampaign: null, status: 'open', ownerId: world.users.agentA.id, createdAt: local(yesterday, '12:00') },
        { utmCampaign: 'summer-2026', createdAt: local(today, '00:10'), waitingSince: `now() - interval '5 minutes'` },
        { utmCampaign: 'summer-2026', status: 'closed', createdAt: local(addDays(yesterday, -1), '23:59') },
      ]);
    });

    it('stores the numbers: new campaigns, yesterday’s leads by campaign, and the queue now', async () => {
      const r = await generate(tokens.supervisorA, world.hotelA.id);
      expect(r.errors).toBeUndefined();
      const summary = r.data!.generateDailySummary;
      expect(summary).toMatchObject({ hotelId: world.hotelA.id, date: today, openCases: 3, unassignedCases: 2 });
      expect(summary.oldestWaitingSeconds).toBeGreaterThanOrEqual(600);
      expect(summary.oldestWaitingSeconds).toBeLessThan(700);
      expect(summary.newCampaigns).toEqual([
        // oldest first: created yesterday 10:00, then the one created just now that starts today
        expect.objectContaining({ id: campaigns.createdYesterday.id, active: false, leadCount: 0 }),
        expect.objectContaining({ id: campaigns.startsToday.id, active: true, leadCount: 4, wonCount: 1 }),
      ]);
      expect(summary.leadsByCampaign).toEqual([
        { utmCampaign: 'summer-2026', campaignName: 'Kampanya startsToday', leads: 2, won: 1 },
        { utmCampaign: '(none)', campaignName: null, leads: 1, won: 0 },
      ]);
    });

    it('is generated once: run again, it returns the stored row, and one e-mail went to supervisors and admins', async () => {
      const again = await generate(tokens.adminA, world.hotelA.id, today);
      expect(again.errors).toBeUndefined();
      expect(
        await sql(api, 'SELECT summary_date FROM daily_summary WHERE tenant_id = $1', [world.hotelA.id]),
      ).toHaveLength(1);
      const stored = await settled(world.hotelA.id, today);
      expect(stored).toMatchObject({ createdAt: again.data!.generateDailySummary.createdAt, emailError: null });
      await sink.waitFor(1);
      await new Promise((r) => setTimeout(r, 300));
      const mails = sink.messages.filter((m) => m.subject.includes(world.hotelA.code));
      expect(mails).toHaveLength(1);
      expect(mails[0].subject).toBe(`Günlük özet — ${world.hotelA.code} — ${dotted(today)}`);
      expect([...mails[0].to].sort()).toEqual([world.users.adminA.email, world.users.supervisorA.email].sort());
      expect(mails[0].from).toBe('baton@localhost');
      expect(mails[0].text).toContain('Açık talepler: 3');
      expect(mails[0].text).toContain('- summer-2026 (Kampanya startsToday): 2 talep, 1 kazanıldı');
    });

    it('is listed newest first for every reader of cases (the in-app delivery)', async () => {
      await generate(tokens.adminA, world.hotelA.id, addDays(today, -3));
      await settled(world.hotelA.id, addDays(today, -3));
      const r = await summaries(tokens.agentA, world.hotelA.id);
      expect(r.errors).toBeUndefined();
      expect(r.data!.dailySummaries.map((s) => s.date)).toEqual([today, addDays(today, -3)]);
      expect((await summaries(tokens.viewerA, world.hotelA.id, 1)).data!.dailySummaries.map((s) => s.date)).toEqual([
        today,
      ]);
    });

    it('validates the date and the page size (BAD_USER_INPUT naming the field)', async () => {
      const future = await generate(tokens.adminA, world.hotelA.id, addDays(today, 2));
      expect(failure(future)).toEqual([
        { code: ErrorCode.BadUserInput, message: "date must not be after today's date in the hotel's time zone" },
      ]);
      expect(future.errors![0].extensions.details).toMatchObject({ field: 'date' });
      const malformed = await generate(tokens.adminA, world.hotelA.id, '2026-13-01');
      expect(failure(malformed)).toEqual([
        { code: ErrorCode.BadUserInput, message: 'date must be a date written YYYY-MM-DD' },
      ]);
      for (const first of [0, 101]) {
        const r = await summaries(tokens.adminA, world.hotelA.id, first);
        expect(failure(r)).toEqual([{ code: ErrorCode.BadUserInput, message: 'first must be between 1 and 100' }]);
      }
    });
  });

  describe('hotel B (en)', () => {
    beforeAll(() => sql(api, `UPDATE hotel SET locale = 'en' WHERE id = $1`, [world.hotelB.id]));

    it('two concurrent runs for one day store one summary and send one e-mail, in English', async () => {
      const before = sink.messages.length;
      const runs = await Promise.all([1, 2, 3].map(() => generate(tokens.adminB, world.hotelB.id, yesterday)));
      runs.forEach((r) => expect(r.errors).toBeUndefined());
      expect(new Set(runs.map((r) => r.data!.generateDailySummary.createdAt)).size).toBe(1);
      await settled(world.hotelB.id, yesterday);
      await new Promise((r) => setTimeout(r, 300));
      const mails = sink.messages.slice(before).filter((m) => m.subject.includes(world.hotelB.code));
      expect(mails).toHaveLength(1);
      expect(mails[0].subject).toBe(`Daily summary — ${world.hotelB.code} — ${yesterday}`);
      expect(mails[0].to).toEqual([world.users.adminB.email]);
      expect(mails[0].text).toContain('Open cases: 0');
    });

    it('SMTP down: the summary is stored and the failure recorded, not retried as a second summary', async () => {
      const down = await startTestApi({ db: api.db, env: { SMTP_URL: `smtp://127.0.0.1:${await freePort()}` } });
      try {
        const date = addDays(yesterday, -1);
        const r = await generate(tokens.adminB, world.hotelB.id, date, down);
        expect(r.errors).toBeUndefined();
        expect(r.data!.generateDailySummary.emailedAt).toBeNull();
        const stored = await settled(world.hotelB.id, date);
        expect(stored.emailedAt).toBeNull();
        expect(stored.emailError).toMatch(/ECONNREFUSED/);
      } finally {
        await down.close();
      }
    });

    it('SMTP not configured: stored, with email_error "SMTP not configured"', async () => {
      const noSmtp = await startTestApi({ db: api.db });
      try {
        const date = addDays(yesterday, -2);
        expect((await generate(tokens.adminB, world.hotelB.id, date, noSmtp)).errors).toBeUndefined();
        expect(await settled(world.hotelB.id, date)).toMatchObject({
          emailedAt: null,
          emailError: 'SMTP not configured',
        });
      } finally {
        await noSmtp.close();
      }
    });
  });

  it('cross-tenant: hotel B seen from hotel A behaves like a missing hotel', async () => {
    const same = (f: GqlResult<unknown>, m: GqlResult<unknown>) => {
      expect(codeOf(f)).toBe(ErrorCode.NotFound);
      expect(failure(f)).toEqual(failure(m));
    };
    same(await summaries(tokens.adminA, world.hotelB.id), await summaries(tokens.adminA, randomUUID()));
    same(await generate(tokens.adminA, world.hotelB.id), await generate(tokens.adminA, randomUUID()));
    same(await generate(tokens.adminA, world.hotelB.id, today), await generate(tokens.adminA, randomUUID(), today));
  });
});
