import { randomBytes, randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { hashPassword } from '@baton/api/core';
import { AgencyRole, HotelRole } from '@baton/shared/contracts';
import { TestDatabase, withClient } from './test-database';

export const TEST_PASSWORD = 'baton-demo';

export interface TestHotel {
  id: string;
  code: string;
  name: string;
  agencyId: string | null;
}

export interface TestUser {
  id: string;
  email: string;
  displayName: string;
}

let passwordHash: Promise<string> | null = null;

/** Factories with overrides (owner connection; the scope GUCs keep them valid even for a non-superuser owner). */
export async function createHotel(
  client: Client,
  overrides: Partial<Omit<TestHotel, 'id'>> & { timeZone?: string } = {},
): Promise<TestHotel> {
  const id = randomUUID();
  // Hotel codes are 2–6 capital letters and unique: 'T' + 5 random letters (11.8 M combinations, no test collisions).
  const code = overrides.code ?? `T${Array.from(randomBytes(5), (b) => String.fromCharCode(65 + (b % 26))).join('')}`;
  const name = overrides.name ?? `Hotel ${code}`;
  await client.query(`SELECT set_config('app.tenant_ids', $1, false)`, [id]);
  await client.query(`INSERT INTO hotel (id, agency_id, name, slug, code, time_zone) VALUES ($1, $2, $3, $4, $5, $6)`, [
    id,
    overrides.agencyId ?? null,
    name,
    `${code.toLowerCase()}-${id.slice(0, 8)}`,
    code,
    overrides.timeZone ?? 'Europe/Istanbul',
  ]);
  return { id, code, name, agencyId: overrides.agencyId ?? null };
}

export async function createUser(client: Client, overrides: Partial<Omit<TestUser, 'id'>> = {}): Promise<TestUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const id = randomUUID();
  const email = overrides.email ?? `user-${id.slice(0, 8)}@test.baton`;
  const displayName = overrides.displayName ?? `User ${id.slice(0, 4)}`;
  await client.query(`INSERT INTO app_user (id, email, password_hash, display_name) VALUES ($1, $2, $3, $4)`, [
    id,
    email,
    await passwordHash,
    displayName,
  ]);
  return { id, email, displayName };
}

export async function addHotelRole(client: Client, hotelId: string, userId: string, role: HotelRole): Promise<void> {
  await client.query(`SELECT set_config('app.tenant_ids', $1, false)`, [hotelId]);
  await client.query(`INSERT INTO hotel_membership (hotel_id, user_id, role) VALUES ($1, $2, $3)`, [
    hotelId,
    userId,
    role,
  ]);
}

export async function addAgencyRole(client: Client, agencyId: string, userId: string, role: AgencyRole): Promise<void> {
  await client.query(`SELECT set_config('app.identity_user_id', $1, false)`, [userId]);
  await client.query(`INSERT INTO agency_membership (agency_id, user_id, role) VALUES ($1, $2, $3)`, [
    agencyId,
    userId,
    role,
  ]);
}

export interface World {
  agencyId: string;
  /** Hotel A belongs to the agency; hotel B stands alone. */
  hotelA: TestHotel;
  hotelB: TestHotel;
  users: {
    agencyAdmin: TestUser;
    adminA: TestUser;
    supervisorA: TestUser;
    agentA: TestUser;
    viewerA: TestUser;
    adminB: TestUser;
    agentB: TestUser;
  };
}

/** Two tenants and a user per role, the usual cast of a cross-tenant test. Password: TEST_PASSWORD. */
export async function createWorld(db: TestDatabase): Promise<World> {
  return withClient(db.ownerUrl, async (client) => {
    const agencyId = randomUUID();
    await client.query(`INSERT INTO agency (id, name, slug) VALUES ($1, $2, $3)`, [
      agencyId,
      'Test Agency',
      `agency-${agencyId.slice(0, 8)}`,
    ]);
    const hotelA = await createHotel(client, { agencyId, name: 'Hotel Alpha' });
    const hotelB = await createHotel(client, { name: 'Hotel Beta' });
    const mk = (label: string) =>
      createUser(client, { email: `${label}-${randomUUID().slice(0, 6)}@test.baton`, displayName: label });
    const users = {
      agencyAdmin: await mk('agency-admin'),
      adminA: await mk('admin-a'),
      supervisorA: await mk('supervisor-a'),
      agentA: await mk('agent-a'),
      viewerA: await mk('viewer-a'),
      adminB: await mk('admin-b'),
      agentB: await mk('agent-b'),
    };
    await addAgencyRole(client, agencyId, users.agencyAdmin.id, AgencyRole.AgencyAdmin);
    await addHotelRole(client, hotelA.id, users.adminA.id, HotelRole.Admin);
    await addHotelRole(client, hotelA.id, users.supervisorA.id, HotelRole.Supervisor);
    await addHotelRole(client, hotelA.id, users.agentA.id, HotelRole.Agent);
    await addHotelRole(client, hotelA.id, users.viewerA.id, HotelRole.Viewer);
    await addHotelRole(client, hotelB.id, users.adminB.id, HotelRole.Admin);
    await addHotelRole(client, hotelB.id, users.agentB.id, HotelRole.Agent);
    return { agencyId, hotelA, hotelB, users };
  });
}

/** An access token for every user of the world, keyed like `world.users`. */
export async function loginAll(
  api: { login(email: string): Promise<string> },
  world: World,
): Promise<Record<string, string>> {
  const entries = await Promise.all(
    Object.entries(world.users).map(async ([name, user]) => [name, await api.login(user.email)] as const),
  );
  return Object.fromEntries(entries);
}
