import {
  createTestDatabase,
  createWorld,
  SmtpSink,
  startSmtpSink,
  startTestApi,
  TestApi,
  TestDatabase,
  withClient,
  World,
} from '@baton/api/testing';
import { eventually, todayIn } from './fixtures';

interface Row {
  tenant_id: string;
  summary_date: string;
  emailed_at: Date | null;
  email_error: string | null;
}

/** The scheduled job in real processes: it runs in the worker role only, and several workers still send one e-mail. */
describe('DailySummaryJob (e2e: worker processes)', () => {
  let db: TestDatabase;
  let world: World;
  let sink: SmtpSink;
  const started: TestApi[] = [];

  const rows = () =>
    withClient(db.ownerUrl, async (c) => {
      const r = await c.query<Row>(
        `SELECT tenant_id, summary_date::text AS summary_date, emailed_at, email_error FROM daily_summary
          ORDER BY tenant_id`,
      );
      return r.rows;
    });

  beforeAll(async () => {
    db = await createTestDatabase();
    world = await createWorld(db);
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await Promise.all(started.map((p) => p.close()));
    await sink.close();
    await db.drop();
  });

  // DAILY_SUMMARY_HOUR=0: every hotel is past its summary hour whatever the time of day.
  const env = () => ({ SMTP_URL: sink.url, DAILY_SUMMARY_HOUR: '0' });

  it('an api-only process never runs it', async () => {
    const api = await startTestApi({ db, role: 'api', env: env() });
    started.push(api);
    await new Promise((r) => setTimeout(r, 2500));
    expect(await rows()).toEqual([]);
  });

  it('two workers started together store one summary per hotel (its local today) and send one e-mail each', async () => {
    const workers = await Promise.all([
      startTestApi({ db, role: 'worker', env: env() }),
      startTestApi({ db, role: 'worker', env: env() }),
    ]);
    started.push(...workers);
    const stored = await eventually(async () => {
      const r = await rows();
      return r.length === 2 && r.every((row) => row.emailed_at) ? r : undefined;
    }, 20_000);
    const expected = [world.hotelA, world.hotelB]
      .map((h) => ({ tenant_id: h.id, summary_date: todayIn('Europe/Istanbul'), email_error: null }))
      .sort((a, b) => a.tenant_id.localeCompare(b.tenant_id));
    expect(stored.map(({ emailed_at: _e, ...rest }) => rest)).toEqual(expected);
    await sink.waitFor(2);
    await new Promise((r) => setTimeout(r, 1500));
    expect(sink.messages).toHaveLength(2);
    const recipients = sink.messages.map((m) => [...m.to].sort().join(',')).sort();
    expect(recipients).toEqual(
      [[world.users.adminA.email, world.users.supervisorA.email].sort().join(','), world.users.adminB.email].sort(),
    );
  });
});
