import { randomUUID } from 'node:crypto';
import { createWorld, GqlResult, loginAll, startTestApi, TestApi, withClient, World } from '@baton/api/testing';

export const TICKET_FIELDS = `id hotelId number kind category priority title description status ownerId ownerName team
  caseId caseNumber source ruleId createdByName dueAt firstResponseAt resolvedAt closedAt closure confirmationDays
  confirmationDueAt approvalDecision approvalNote decidedByName allowedTransitions version createdAt`;

export const CREATE = `mutation($i: CreateTicketInput!) { createTicket(input: $i) { ${TICKET_FIELDS} } }`;
export const UPDATE = `mutation($i: UpdateTicketInput!) { updateTicket(input: $i) { ${TICKET_FIELDS} } }`;
export const ASSIGN = `mutation($i: AssignTicketInput!) { assignTicket(input: $i) { ${TICKET_FIELDS} } }`;
export const MOVE = `mutation($i: ChangeTicketStatusInput!) { changeTicketStatus(input: $i) { ${TICKET_FIELDS} } }`;
export const NOTE = `mutation($h: ID!, $id: ID!, $b: String!) {
  addTicketNote(hotelId: $h, ticketId: $id, body: $b) { id ticketId authorName body createdAt } }`;
export const CONFIRM = `mutation($h: ID!, $id: ID!, $c: Boolean!, $n: String) {
  confirmTicketClosure(hotelId: $h, ticketId: $id, confirmed: $c, note: $n) { ${TICKET_FIELDS} } }`;
export const APPROVE = `mutation($h: ID!, $id: ID!, $a: Boolean!, $n: String) {
  approveTicket(hotelId: $h, ticketId: $id, approved: $a, note: $n) { ${TICKET_FIELDS} } }`;
export const GET = `query($h: ID!, $id: ID!) { ticket(hotelId: $h, id: $id) { ${TICKET_FIELDS}
  notes { id authorName body createdAt } transitions { fromStatus toStatus closure reason actorName } } }`;
export const LIST = `query($h: ID!, $f: TicketFilter, $first: Int, $after: String) {
  tickets(hotelId: $h, filter: $f, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id number status kind title } } } }`;

export interface TicketView {
  id: string;
  hotelId: string;
  number: string;
  kind: string;
  category: string;
  priority: string;
  title: string;
  status: string;
  ownerId: string | null;
  ownerName: string | null;
  caseId: string | null;
  caseNumber: string | null;
  closure: string | null;
  confirmationDueAt: string | null;
  allowedTransitions: string[];
  version: number;
  [key: string]: unknown;
}

export type ErrorView = { code: string; message: string; details?: Record<string, unknown> };

export const firstError = (r: GqlResult<unknown>): ErrorView | undefined => {
  const e = r.errors?.[0];
  return e
    ? {
        code: e.extensions.code,
        message: e.message,
        ...(e.extensions.details ? { details: e.extensions.details } : {}),
      }
    : undefined;
};

/** The e2e cast: the spawned API, its world, a token per user and owner-side SQL for setup and checks. */
export class TicketsE2e {
  api: TestApi;
  world: World;
  tokens: Record<string, string>;

  async start(): Promise<void> {
    this.api = await startTestApi();
    this.world = await createWorld(this.api.db);
    this.tokens = await loginAll(this.api, this.world);
  }

  async stop(): Promise<void> {
    await this.api?.close();
  }

  gql<T>(query: string, variables: Record<string, unknown>, who = 'agentA'): Promise<GqlResult<T>> {
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

  async create(input: Record<string, unknown> = {}, who = 'agentA', hotelId = this.world.hotelA.id) {
    const data = await this.ok<{ createTicket: TicketView }>(
      CREATE,
      { i: { hotelId, title: 'Klima çalışmıyor', description: 'Oda 305', ...input } },
      who,
    );
    return data.createTicket;
  }

  async move(id: string, status: string, who = 'agentA', hotelId = this.world.hotelA.id) {
    return (await this.ok<{ changeTicketStatus: TicketView }>(MOVE, { i: { hotelId, id, status } }, who))
      .changeTicketStatus;
  }

  async owner<T>(sql: string, params: unknown[] = [], hotelId = this.world.hotelA.id): Promise<T[]> {
    return withClient(this.api.db.ownerUrl, async (c) => {
      await c.query(`SELECT set_config('app.tenant_ids', $1, false)`, [hotelId]);
      return (await c.query(sql, params)).rows as T[];
    });
  }

  /** A case of the hotel, written as the owner (the cases domain is not involved). */
  async insertCase(hotelId = this.world.hotelA.id): Promise<{ id: string; number: string }> {
    const [guest] = await this.owner<{ id: string }>(
      `INSERT INTO guest (tenant_id, display_name) VALUES ($1, 'Misafir') RETURNING id`,
      [hotelId],
      hotelId,
    );
    const number = `C-${randomUUID().slice(0, 8)}`;
    const [row] = await this.owner<{ id: string }>(
      `INSERT INTO guest_case (tenant_id, number, guest_id, source, channel, request_type)
       VALUES ($1, $2, $3, 'whatsapp', 'whatsapp', 'complaint') RETURNING id`,
      [hotelId, number, guest.id],
      hotelId,
    );
    return { id: row.id, number };
  }

  async auditActions(entityId: string): Promise<string[]> {
    const rows = await this.owner<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY occurred_at, id`,
      [entityId],
    );
    return rows.map((r) => r.action);
  }
}
