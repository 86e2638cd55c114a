import { randomUUID } from 'node:crypto';
import { GqlResult, TestApi, withClient } from '@baton/api/testing';
import { localClock } from '../services/hotel-clock';

export const CAMPAIGN_FIELDS =
  'id hotelId name utmCampaign startsOn endsOn offerText channels active leadCount wonCount createdAt updatedAt';

export interface CampaignView {
  id: string;
  hotelId: string;
  name: string;
  utmCampaign: string;
  startsOn: string;
  endsOn: string;
  offerText: string;
  channels: string[];
  active: boolean;
  leadCount: number;
  wonCount: number;
  createdAt: string;
  updatedAt: string;
}

export const SAVE_CAMPAIGN = `mutation($input: SaveCampaignInput!) { saveCampaign(input: $input) { ${CAMPAIGN_FIELDS} } }`;

export const failure = (r: GqlResult<unknown>) =>
  r.errors?.map((e) => ({ code: e.extensions.code, message: e.message }));
export const codeOf = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions.code;

/** Today in a time zone, and calendar arithmetic on YYYY-MM-DD (UTC only as a calendar, no offsets). */
export const todayIn = (timeZone: string) => localClock(new Date(), timeZone).date;
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface SeedCase {
  utmCampaign?: string | null;
  status?: string;
  ownerId?: string | null;
  /** SQL expression for created_at, e.g. `now()` or a local-time expression */
  createdAt?: string;
  waitingSince?: string | null;
}

/** Inserts a guest and cases as the owner (the cases library owns these tables; only the columns it needs). */
export async function seedCases(api: TestApi, hotelId: string, cases: SeedCase[]): Promise<void> {
  await withClient(api.db.ownerUrl, async (c) => {
    await c.query(`SELECT set_config('app.tenant_ids', $1, false)`, [hotelId]);
    const { rows } = await c.query<{ id: string }>(`INSERT INTO guest (tenant_id) VALUES ($1) RETURNING id`, [hotelId]);
    for (const seed of cases) {
      await c.query(
        `INSERT INTO guest_case (tenant_id, number, guest_id, source, channel, status, utm_campaign, owner_id,
                                 created_at, waiting_since)
         VALUES ($1, $2, $3, 'test', 'whatsapp', $4, $5, $6, ${seed.createdAt ?? 'now()'}, ${seed.waitingSince ?? 'NULL'})`,
        [
          hotelId,
          `T-${randomUUID().slice(0, 8)}`,
          rows[0].id,
          seed.status ?? 'new',
          seed.utmCampaign ?? null,
          seed.ownerId ?? null,
        ],
      );
    }
  });
}

export async function sql<T>(api: TestApi, text: string, params: unknown[] = []): Promise<T[]> {
  return withClient(api.db.ownerUrl, async (c) => (await c.query(text, params)).rows as T[]);
}

/** Polls `probe` until it returns a value that is not undefined, or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`condition not met within ${timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
