import { randomUUID } from 'node:crypto';
import { AgencyRole, AuditAction, ErrorCode } from '@baton/shared/contracts';
import {
  addAgencyRole,
  createUser,
  createWorld,
  GqlResult,
  startTestApi,
  TestApi,
  TestUser,
  withClient,
  World,
  loginAll,
} from '@baton/api/testing';

interface MembershipView {
  hotelId: string;
  hotelName: string;
  userId: string;
  email: string;
  displayName: string;
  role: string;
}

const FIELDS = 'hotelId hotelName userId email displayName role';
const MEMBERS = `query($hotelId: ID!) { hotelMembers(hotelId: $hotelId) { ${FIELDS} } }`;
const ADD = `mutation($hotelId: ID!, $email: String!, $role: String!) {
  addMembership(hotelId: $hotelId, email: $email, role: $role) { ${FIELDS} } }`;
const CHANGE = `mutation($hotelId: ID!, $userId: ID!, $role: String!) {
  changeMembershipRole(hotelId: $hotelId, userId: $userId, role: $role) { ${FIELDS} } }`;
const REMOVE = `mutation($hotelId: ID!, $userId: ID!) { removeMembership(hotelId: $hotelId, userId: $userId) }`;

const failure = (r: GqlResult<unknown>) => r.errors?.map((e) => ({ code: e.extensions.code, message: e.message }));
const codeOf = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions.code;

describe('memberships (medium: API on real Postgres)', () => {
  let api: TestApi;
  let world: World;
  let tokens: Awaited<ReturnType<typeof loginAll>>;

  async function auditRows(hotelId: string, action: AuditAction, entityId: string) {
    return withClient(api.db.ownerUrl, async (c) => {
      const { rows } = await c.query(
        `SELECT actor_kind, actor_id, before, after FROM audit_log
         WHERE tenant_id = $1 AND action = $2 AND entity_id = $3 ORDER BY occurred_at`,
        [hotelId, action, entityId],
      );
      return rows as Array<{ actor_kind: string; actor_id: string; before: unknown; after: unknown }>;
    });
  }

  async function newUser(label: string): Promise<TestUser> {
    return withClient(api.db.ownerUrl, (c) =>
      createUser(c, { email: `${label}-${randomUUID().slice(0, 6)}@test.baton`, displayName: label }),
    );
  }

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api.db);
    tokens = await loginAll(api, world);
  });
  afterAll(() => api.close());

  describe('hotelMembers', () => {
    it('lists the hotel-level members with their roles', async () => {
      const r = await api.gql<{ hotelMembers: MembershipView[] }>(MEMBERS, { hotelId: world.hotelA.id }, tokens.adminA);
      expect(r.errors).toBeUndefined();
      const byEmail = Object.fromEntries(r.data!.hotelMembers.map((m) => [m.email, m]));
      expect(Object.keys(byEmail).sort()).toEqual(
        [world.users.adminA, world.users.supervisorA, world.users.agentA, world.users.viewerA]
          .map((u) => u.email)
          .sort(),
      );
      expect(byEmail[world.users.agentA.email]).toEqual({
        hotelId: world.hotelA.id,
        hotelName: 'Hotel Alpha',
        userId: world.users.agentA.id,
        email: world.users.agentA.email,
        displayName: 'agent-a',
        role: 'agent',
      });
    });

    it('is readable by a supervisor (members.read) and by the agency admin', async () => {
      for (const who of ['supervisorA', 'agencyAdmin']) {
        const r = await api.gql<{ hotelMembers: MembershipView[] }>(MEMBERS, { hotelId: world.hotelA.id }, tokens[who]);
        expect(r.data?.hotelMembers).toHaveLength(4);
      }
    });

    it('is refused to an agent (FORBIDDEN) and to anonymous callers (UNAUTHENTICATED)', async () => {
      expect(codeOf(await api.gql(MEMBERS, { hotelId: world.hotelA.id }, tokens.agentA))).toBe(ErrorCode.Forbidden);
      expect(codeOf(await api.gql(MEMBERS, { hotelId: world.hotelA.id }))).toBe(ErrorCode.Unauthenticated);
    });

    it("hotel B's id behaves exactly like a missing id", async () => {
      const foreign = await api.gql(MEMBERS, { hotelId: world.hotelB.id }, tokens.adminA);
      const missing = await api.gql(MEMBERS, { hotelId: randomUUID() }, tokens.adminA);
      expect(foreign.data ?? null).toBeNull();
      expect(failure(foreign)).toEqual(failure(missing));
      expect(codeOf(foreign)).toBe(ErrorCode.NotFound);
    });
  });

  describe('addMembership / changeMembershipRole / removeMembership', () => {
    let newcomer: TestUser;

    beforeAll(async () => {
      newcomer = await newUser('newcomer');
    });

    it('adds a user by e-mail (case-insensitive) and audits it', async () => {
      const r = await api.gql<{ addMembership: MembershipView }>(
        ADD,
        { hotelId: world.hotelA.id, email: `  ${newcomer.email.toUpperCase()} `, role: 'agent' },
        tokens.adminA,
      );
      expect(r.errors).toBeUndefined();
      expect(r.data?.addMembership).toEqual({
        hotelId: world.hotelA.id,
        hotelName: 'Hotel Alpha',
        userId: newcomer.id,
        email: newcomer.email,
        displayName: 'newcomer',
        role: 'agent',
      });
      const rows = await auditRows(world.hotelA.id, AuditAction.MembershipAdded, newcomer.id);
      expect(rows).toEqual([
        {
          actor_kind: 'user',
          actor_id: world.users.adminA.id,
          before: null,
          after: { role: 'agent', email: newcomer.email },
        },
      ]);
      const activity = await api.gql<{ recentActivity: Array<{ action: string; entityId: string }> }>(
        `query($h: ID!) { recentActivity(hotelId: $h, first: 5) { action entityId } }`,
        { h: world.hotelA.id },
        tokens.adminA,
      );
      expect(activity.data?.recentActivity[0]).toEqual({ action: AuditAction.MembershipAdded, entityId: newcomer.id });
      // The grant applies at once: the newcomer now reaches hotel A.
      const token = await api.login(newcomer.email);
      const hotels = await api.gql<{ hotels: Array<{ id: string }> }>('{ hotels { id } }', {}, token);
      expect(hotels.data?.hotels.map((h) => h.id)).toEqual([world.hotelA.id]);
    });

    it('refuses an existing member (CONFLICT), an unknown e-mail (NOT_FOUND) and a non-hotel role (BAD_USER_INPUT)', async () => {
      const again = await api.gql(
        ADD,
        { hotelId: world.hotelA.id, email: newcomer.email, role: 'viewer' },
        tokens.adminA,
      );
      expect(failure(again)).toEqual([{ code: ErrorCode.Conflict, message: 'User is already a member of this hotel' }]);

      const unknown = await api.gql(
        ADD,
        { hotelId: world.hotelA.id, email: 'nobody@test.baton', role: 'viewer' },
        tokens.adminA,
      );
      expect(failure(unknown)).toEqual([{ code: ErrorCode.NotFound, message: 'No user with this e-mail' }]);

      for (const role of ['owner', 'agency_admin', 'Admin']) {
        const bad = await api.gql(ADD, { hotelId: world.hotelA.id, email: newcomer.email, role }, tokens.adminA);
        expect(codeOf(bad)).toBe(ErrorCode.BadUserInput);
        expect(bad.errors?.[0].message).toContain('role must be one of: viewer, agent, supervisor, gm, admin');
      }
      const badEmail = await api.gql(
        ADD,
        { hotelId: world.hotelA.id, email: 'not-an-email', role: 'agent' },
        tokens.adminA,
      );
      expect(codeOf(badEmail)).toBe(ErrorCode.BadUserInput);
    });

    it('changes a role and audits before/after', async () => {
      const r = await api.gql<{ changeMembershipRole: MembershipView }>(
        CHANGE,
        { hotelId: world.hotelA.id, userId: newcomer.id, role: 'supervisor' },
        tokens.adminA,
      );
      expect(r.errors).toBeUndefined();
      expect(r.data?.changeMembershipRole.role).toBe('supervisor');
      const rows = await auditRows(world.hotelA.id, AuditAction.MembershipRoleChanged, newcomer.id);
      expect(rows.map((row) => [row.before, row.after])).toEqual([
        [
          { role: 'agent', email: newcomer.email },
          { role: 'supervisor', email: newcomer.email },
        ],
      ]);
      const bad = await api.gql(CHANGE, { hotelId: world.hotelA.id, userId: newcomer.id, role: 'boss' }, tokens.adminA);
      expect(codeOf(bad)).toBe(ErrorCode.BadUserInput);
    });

    it('refuses callers without members.manage (FORBIDDEN)', async () => {
      const cases: Array<[string, Record<string, string>]> = [
        [ADD, { hotelId: world.hotelA.id, email: world.users.agentA.email, role: 'admin' }],
        [CHANGE, { hotelId: world.hotelA.id, userId: world.users.agentA.id, role: 'admin' }],
        [REMOVE, { hotelId: world.hotelA.id, userId: newcomer.id }],
      ];
      for (const [query, variables] of cases) {
        for (const who of ['agentA', 'supervisorA', 'viewerA']) {
          expect(failure(await api.gql(query, variables, tokens[who]))).toEqual([
            { code: ErrorCode.Forbidden, message: 'Missing permission members.manage' },
          ]);
        }
      }
    });

    it("hotel B's ids, seen from hotel A, behave exactly like missing ids", async () => {
      const pairs: Array<[string, Record<string, string>, Record<string, string>]> = [
        [
          ADD,
          { hotelId: world.hotelB.id, email: newcomer.email, role: 'agent' },
          { hotelId: randomUUID(), email: newcomer.email, role: 'agent' },
        ],
        [
          CHANGE,
          { hotelId: world.hotelB.id, userId: world.users.agentB.id, role: 'viewer' },
          { hotelId: randomUUID(), userId: world.users.agentB.id, role: 'viewer' },
        ],
        [
          REMOVE,
          { hotelId: world.hotelB.id, userId: world.users.agentB.id },
          { hotelId: randomUUID(), userId: world.users.agentB.id },
        ],
        // A user of hotel B is not a member of hotel A: same answer as an unknown user id.
        [
          CHANGE,
          { hotelId: world.hotelA.id, userId: world.users.agentB.id, role: 'viewer' },
          { hotelId: world.hotelA.id, userId: randomUUID(), role: 'viewer' },
        ],
        [
          REMOVE,
          { hotelId: world.hotelA.id, userId: world.users.agentB.id },
          { hotelId: world.hotelA.id, userId: randomUUID() },
        ],
      ];
      for (const [query, foreignVars, missingVars] of pairs) {
        const foreign = await api.gql(query, foreignVars, tokens.adminA);
        const missing = await api.gql(query, missingVars, tokens.adminA);
        expect(foreign.data ?? null).toBeNull();
        expect(codeOf(foreign)).toBe(ErrorCode.NotFound);
        expect(failure(foreign)).toEqual(failure(missing));
      }
      // Nothing changed on hotel B.
      const b = await api.gql<{ hotelMembers: MembershipView[] }>(MEMBERS, { hotelId: world.hotelB.id }, tokens.adminB);
      expect(b.data?.hotelMembers.map((m) => [m.email, m.role]).sort()).toEqual(
        [
          [world.users.adminB.email, 'admin'],
          [world.users.agentB.email, 'agent'],
        ].sort(),
      );
    });

    it('removes a member, audits it, and the grant is gone at once', async () => {
      const token = await api.login(newcomer.email);
      const r = await api.gql<{ removeMembership: boolean }>(
        REMOVE,
        { hotelId: world.hotelA.id, userId: newcomer.id },
        tokens.adminA,
      );
      expect(r).toEqual({ data: { removeMembership: true } });
      const rows = await auditRows(world.hotelA.id, AuditAction.MembershipRemoved, newcomer.id);
      expect(rows.map((row) => [row.before, row.after])).toEqual([
        [{ role: 'supervisor', email: newcomer.email }, null],
      ]);
      const members = await api.gql<{ hotelMembers: MembershipView[] }>(
        MEMBERS,
        { hotelId: world.hotelA.id },
        tokens.adminA,
      );
      expect(members.data?.hotelMembers.map((m) => m.userId)).not.toContain(newcomer.id);
      const hotels = await api.gql<{ hotels: unknown[] }>('{ hotels { id } }', {}, token);
      expect(codeOf(hotels)).toBe(ErrorCode.Forbidden);
      const again = await api.gql(REMOVE, { hotelId: world.hotelA.id, userId: newcomer.id }, tokens.adminA);
      expect(codeOf(again)).toBe(ErrorCode.NotFound);
    });
  });

  describe('role ceiling', () => {
    it('an agency manager (members.manage, not admin) cannot hand out or take away the admin role', async () => {
      const manager = await newUser('agency-manager');
      await withClient(api.db.ownerUrl, (c) => addAgencyRole(c, world.agencyId, manager.id, AgencyRole.AgencyManager));
      const token = await api.login(manager.email);
      const target = await newUser('target');
      const grant = await api.gql(ADD, { hotelId: world.hotelA.id, email: target.email, role: 'admin' }, token);
      expect(codeOf(grant)).toBe(ErrorCode.Forbidden);
      expect(grant.errors?.[0].extensions.details).toMatchObject({ reason: 'role_above_caller' });
      const demote = await api.gql(
        CHANGE,
        { hotelId: world.hotelA.id, userId: world.users.adminA.id, role: 'viewer' },
        token,
      );
      expect(codeOf(demote)).toBe(ErrorCode.Forbidden);
      const ok = await api.gql<{ addMembership: MembershipView }>(
        ADD,
        { hotelId: world.hotelA.id, email: target.email, role: 'agent' },
        token,
      );
      expect(ok.data?.addMembership.role).toBe('agent');
    });
  });

  describe('last admin', () => {
    it('a standalone hotel keeps its last hotel-level admin (CONFLICT)', async () => {
      const demote = await api.gql(
        CHANGE,
        { hotelId: world.hotelB.id, userId: world.users.adminB.id, role: 'gm' },
        tokens.adminB,
      );
      expect(failure(demote)).toEqual([{ code: ErrorCode.Conflict, message: 'A hotel must keep at least one admin' }]);
      const remove = await api.gql(REMOVE, { hotelId: world.hotelB.id, userId: world.users.adminB.id }, tokens.adminB);
      expect(codeOf(remove)).toBe(ErrorCode.Conflict);
      expect(await auditRows(world.hotelB.id, AuditAction.MembershipRoleChanged, world.users.adminB.id)).toEqual([]);
    });

    it('with a second admin, one of them may step down', async () => {
      const second = await newUser('second-admin');
      const add = await api.gql(ADD, { hotelId: world.hotelB.id, email: second.email, role: 'admin' }, tokens.adminB);
      expect(add.errors).toBeUndefined();
      const demote = await api.gql<{ changeMembershipRole: MembershipView }>(
        CHANGE,
        { hotelId: world.hotelB.id, userId: second.id, role: 'agent' },
        tokens.adminB,
      );
      expect(demote.data?.changeMembershipRole.role).toBe('agent');
      const last = await api.gql(
        CHANGE,
        { hotelId: world.hotelB.id, userId: world.users.adminB.id, role: 'gm' },
        tokens.adminB,
      );
      expect(codeOf(last)).toBe(ErrorCode.Conflict);
    });

    it('two admins demoting each other at the same time: exactly one wins, the hotel keeps an admin', async () => {
      const other = await newUser('rival-admin');
      const add = await api.gql(ADD, { hotelId: world.hotelB.id, email: other.email, role: 'admin' }, tokens.adminB);
      expect(add.errors).toBeUndefined();
      const otherToken = await api.login(other.email);
      const results = await Promise.all([
        api.gql(CHANGE, { hotelId: world.hotelB.id, userId: other.id, role: 'agent' }, tokens.adminB),
        api.gql(CHANGE, { hotelId: world.hotelB.id, userId: world.users.adminB.id, role: 'agent' }, otherToken),
      ]);
      // The loser is refused: CONFLICT when it got past the permission check before the winner committed, FORBIDDEN
      // when its grants were read afterwards (it is no admin any more).
      const codes = results.map(codeOf);
      expect(codes.filter((code) => code === undefined)).toHaveLength(1);
      expect([ErrorCode.Conflict, ErrorCode.Forbidden]).toContain(codes.find((code) => code !== undefined));
      const admins = await withClient(api.db.ownerUrl, (c) =>
        c.query(`SELECT user_id FROM hotel_membership WHERE hotel_id = $1 AND role = 'admin'`, [world.hotelB.id]),
      );
      expect(admins.rowCount).toBe(1);
      // Leave adminB as the admin for what follows.
      if (admins.rows[0].user_id !== world.users.adminB.id) {
        await api.gql(CHANGE, { hotelId: world.hotelB.id, userId: world.users.adminB.id, role: 'admin' }, otherToken);
        await api.gql(CHANGE, { hotelId: world.hotelB.id, userId: other.id, role: 'agent' }, tokens.adminB);
      }
    });

    it('a hotel of an agency may lose its hotel-level admin: the agency admins still cover it', async () => {
      const r = await api.gql<{ changeMembershipRole: MembershipView }>(
        CHANGE,
        { hotelId: world.hotelA.id, userId: world.users.adminA.id, role: 'gm' },
        tokens.agencyAdmin,
      );
      expect(r.errors).toBeUndefined();
      expect(r.data?.changeMembershipRole.role).toBe('gm');
      const restore = await api.gql(
        CHANGE,
        { hotelId: world.hotelA.id, userId: world.users.adminA.id, role: 'admin' },
        tokens.agencyAdmin,
      );
      expect(restore.errors).toBeUndefined();
    });
  });
});
