import { createWorld, GqlResult, loginAll, startTestApi, TestApi, World } from '@baton/api/testing';
import { CaseHarness } from './case-harness';
import type { InboundCaseMessage } from '../services/inbound-case-message';

/** Fields of Case most tests read. */
export const CASE_FIELDS = `id hotelId number guestId status requestType priority source channel labels ownerId ownerName
  team guestName contact requestText messageRounds firstResponseSeconds waitingSince lostReason closedAt mergedIntoId
  missingMandatoryFields allowedTransitions createdAt`;

export interface CaseView {
  id: string;
  hotelId: string;
  number: string;
  guestId: string;
  status: string;
  requestType: string | null;
  priority: string;
  source: string;
  channel: string;
  labels: string[];
  ownerId: string | null;
  ownerName: string | null;
  team: string | null;
  guestName: string | null;
  contact: string | null;
  requestText: string | null;
  messageRounds: number;
  firstResponseSeconds: number | null;
  waitingSince: string | null;
  lostReason: string | null;
  closedAt: string | null;
  mergedIntoId: string | null;
  missingMandatoryFields: string[];
  allowedTransitions: string[];
  createdAt: string;
}

export type ErrorView = { code: string; message: string; details?: Record<string, unknown> };

export const errorsOf = (r: GqlResult<unknown>): ErrorView[] | undefined =>
  r.errors?.map((e) => ({
    code: e.extensions.code,
    message: e.message,
    ...(e.extensions.details ? { details: e.extensions.details } : {}),
  }));

export const firstError = (r: GqlResult<unknown>): ErrorView | undefined => errorsOf(r)?.[0];

/**
 * The e2e cast: the spawned API with its world and tokens, plus in-process case intake on the same database (cases
 * arrive from the inbound pipeline, which has no GraphQL mutation; its live events stay in this process, so tests of
 * subscriptions change cases through GraphQL mutations).
 */
export class CasesE2e {
  api: TestApi;
  world: World;
  tokens: Record<string, string>;
  readonly cases = new CaseHarness();

  async start(): Promise<void> {
    this.api = await startTestApi();
    this.world = await createWorld(this.api.db);
    this.tokens = await loginAll(this.api, this.world);
    await this.cases.start({ db: this.api.db, hotelA: this.world.hotelA, hotelB: this.world.hotelB });
  }

  async stop(): Promise<void> {
    await this.cases.stop();
    await this.api?.close();
  }

  async gql<T>(query: string, variables: Record<string, unknown>, who: string): Promise<GqlResult<T>> {
    return this.api.gql<T>(query, variables, this.tokens[who]);
  }

  /** gql that must succeed; returns data. */
  async ok<T>(query: string, variables: Record<string, unknown>, who = 'agentA'): Promise<T> {
    const result = await this.gql<T>(query, variables, who);
    if (result.errors || !result.data) {
      throw new Error(`${query.slice(0, 60)}… failed: ${JSON.stringify(result.errors)}`);
    }
    return result.data;
  }

  /** A new case (a new guest writes) in hotel A unless told otherwise. */
  async newCase(
    overrides: Partial<InboundCaseMessage> = {},
    hotelId = this.world.hotelA.id,
  ): Promise<{ caseId: string; caseNumber: string; guestId: string; messageId: string }> {
    const guestId = overrides.guestId ?? (await this.cases.guest(hotelId));
    const result = await this.cases.record(hotelId, this.cases.message(guestId, { ...overrides, guestId }));
    return { caseId: result.caseId, caseNumber: result.caseNumber, guestId, messageId: result.messageId ?? '' };
  }

  async getCase(hotelId: string, id: string, who = 'agentA', extra = ''): Promise<CaseView & Record<string, unknown>> {
    const data = await this.ok<{ case: CaseView & Record<string, unknown> }>(
      `query($h: ID!, $id: ID!) { case(hotelId: $h, id: $id) { ${CASE_FIELDS} ${extra} } }`,
      { h: hotelId, id },
      who,
    );
    return data.case;
  }

  async auditActions(entityId: string): Promise<string[]> {
    const rows = await this.cases.owner<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY occurred_at, id`,
      [entityId],
    );
    return rows.map((r) => r.action);
  }
}
