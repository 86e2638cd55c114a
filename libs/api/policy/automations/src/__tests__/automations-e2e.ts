import { randomUUID } from 'node:crypto';
import {
  createWorld,
  GqlResult,
  GraphStub,
  loginAll,
  signBody,
  startGraphStub,
  startTestApi,
  TestApi,
  whatsappTextWebhook,
  withClient,
  World,
} from '@baton/api/testing';

export const RULE_FIELDS = `id name enabled version trigger defaultKey
  definition { trigger conditions { match conditions { field op values number } } actions { type value team reason }
  channels owner { kind team hotelRole } }`;
export const RUNS = `query($hotelId: ID!, $ruleId: ID) { automationRuns(hotelId: $hotelId, ruleId: $ruleId, first: 50) {
  nodes { ruleName outcome caseNumber matchedKeywords eventType actions { type status detail } error } } }`;

export interface RuleView {
  id: string;
  name: string;
  version: number;
  defaultKey: string | null;
  versions?: Array<{ version: number; change: string; rolledBackTo: number | null; diff: Array<{ path: string }> }>;
  definition: { actions: Array<{ type: string; value: string | null }> };
}

export async function eventually<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await probe();
  while (!ok(last)) {
    if (Date.now() > deadline) {
      throw new Error(`condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
    }
    await new Promise((r) => setTimeout(r, 150));
    last = await probe();
  }
  return last;
}

export const code = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions.code;

/**
 * The e2e cast of the automations specs: the spawned API on its own database with its world and tokens; with
 * `whatsapp`, role `all` (the worker turns webhooks into cases) behind a Graph API stub and a WhatsApp account of hotel A.
 */
export class AutomationsE2e {
  api: TestApi;
  world: World;
  tokens: Record<string, string>;
  private stub: GraphStub | null = null;
  private readonly phoneNumberId = `2${Date.now()}`.slice(0, 15);
  private readonly appSecret = 'automations-app-secret';

  async start(options: { whatsapp?: boolean } = {}): Promise<void> {
    if (options.whatsapp) {
      this.stub = await startGraphStub();
    }
    this.api = await startTestApi(
      this.stub ? { role: 'all', env: { META_GRAPH_URL: this.stub.url, INTAKE_SWEEP_MS: '300' } } : {},
    );
    this.world = await createWorld(this.api.db);
    this.tokens = await loginAll(this.api, this.world);
    if (this.stub) {
      await this.ok(`mutation($input: SaveChannelAccountInput!) { saveChannelAccount(input: $input) { id } }`, {
        input: {
          hotelId: this.world.hotelA.id,
          provider: 'whatsapp',
          externalId: this.phoneNumberId,
          displayName: 'WhatsApp',
          appSecret: this.appSecret,
          accessToken: 'wa-access-token',
        },
      });
    }
  }

  async stop(): Promise<void> {
    if (process.env.DEBUG_API) {
      console.log(this.api?.output().slice(-6000));
    }
    await this.api?.close();
    await this.stub?.close();
  }

  gql<T>(query: string, variables: Record<string, unknown>, who = 'adminA'): Promise<GqlResult<T>> {
    return this.api.gql<T>(query, variables, this.tokens[who]);
  }

  async ok<T>(query: string, variables: Record<string, unknown>, who = 'adminA'): Promise<T> {
    const result = await this.gql<T>(query, variables, who);
    if (result.errors || !result.data) {
      throw new Error(`${query.slice(0, 60)}… failed: ${JSON.stringify(result.errors)}`);
    }
    return result.data;
  }

  owner<T>(sql: string, params: unknown[] = [], hotelId = this.world.hotelA.id): Promise<T[]> {
    return withClient(this.api.db.ownerUrl, async (c) => {
      await c.query(`SELECT set_config('app.tenant_ids', $1, false)`, [hotelId]);
      return (await c.query(sql, params)).rows as T[];
    });
  }

  /** A signed WhatsApp Cloud API webhook carrying one text message from `from`. */
  async whatsapp(from: string, name: string, text: string): Promise<void> {
    const body = whatsappTextWebhook({
      phoneNumberId: this.phoneNumberId,
      from,
      name,
      id: `wamid.${randomUUID()}`,
      text,
    });
    const res = await fetch(`${this.api.url}/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(body, this.appSecret) },
      body,
    });
    if (res.status !== 200) {
      throw new Error(`webhook answered ${res.status}`);
    }
  }

  caseOf(contact: string) {
    return this.owner<{ id: string; number: string; status: string; message_rounds: number; team: string | null }>(
      `SELECT id, number, status, message_rounds, team FROM guest_case WHERE contact = $1`,
      [contact],
    );
  }

  async rules(hotelId = this.world.hotelA.id, who = 'adminA'): Promise<RuleView[]> {
    const query = `query($h: ID!) { automationRules(hotelId: $h) { ${RULE_FIELDS} } }`;
    return (await this.ok<{ automationRules: RuleView[] }>(query, { h: hotelId }, who)).automationRules;
  }
}
