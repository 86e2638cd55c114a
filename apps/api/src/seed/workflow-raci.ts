import type { Client } from 'pg';
import { AuditAction, HotelRole, RaciProcessStep, RaciRole } from '@baton/shared/contracts';
import { DEMO_AGENCY_USER } from './demo-data';

const DAY = 86_400_000;
const { DmIntake, CallCenterFollowUp, PmsEntry, ContentApproval, ComplaintResolution } = RaciProcessStep;
const { Responsible: R, Accountable: A, Consulted: C, Informed: I } = RaciRole;

interface SeedParty {
  key: string;
  name: string;
  /** Case team key (the default dictionary's teams). */
  team: string;
  roles: HotelRole[];
  /** The agency's social-media staff answer the DMs of every agency hotel. */
  agencyStaff?: boolean;
}

/** Columns: who works a guest conversation from the first DM to the booking in the PMS. */
const PARTIES: SeedParty[] = [
  { key: 'smm_agency', name: 'Sosyal medya ajansı', team: 'smm_agency', roles: [], agencyStaff: true },
  { key: 'call_center', name: 'Çağrı merkezi', team: 'call_center', roles: [HotelRole.Agent] },
  { key: 'reservations', name: 'Rezervasyon', team: 'reservations', roles: [HotelRole.Supervisor] },
  { key: 'sales', name: 'Satış', team: 'sales', roles: [HotelRole.Supervisor] },
  { key: 'front_office', name: 'Ön büro', team: 'front_office', roles: [] },
  { key: 'gm', name: 'Genel müdür', team: 'gm', roles: [HotelRole.Gm] },
];

/** Rows and their letters: the SMM agency takes the DM, the call center follows up by phone, reservations key the PMS. */
const STEPS: Array<{ key: RaciProcessStep; name: string; cells: Record<string, RaciRole> }> = [
  { key: DmIntake, name: 'DM karşılama', cells: { smm_agency: R, call_center: C, sales: A, gm: I } },
  {
    key: CallCenterFollowUp,
    name: 'Çağrı merkezi takibi',
    cells: { call_center: R, smm_agency: I, reservations: C, sales: A },
  },
  { key: PmsEntry, name: "PMS'e giriş", cells: { reservations: R, call_center: C, front_office: I, sales: A } },
  { key: ContentApproval, name: 'İçerik onayı', cells: { smm_agency: R, sales: C, gm: A } },
  {
    key: ComplaintResolution,
    name: 'Şikayet çözümü',
    cells: { front_office: R, call_center: R, smm_agency: I, gm: A },
  },
];

/**
 * The demo RACI matrix of one hotel (SMM → call center → PMS), set up by the agency admin 27 days ago (with its audit
 * entry). Runs as the DB owner; adds the hotel to app.tenant_ids (keeping what the caller had there) so the rows pass
 * the forced row-level security even for a non-superuser owner. Does nothing when the hotel already has a matrix.
 */
export async function seedRaci(client: Client, hotel: { id: string; code: string }, now: number): Promise<void> {
  const scope = await client.query<{ ids: string | null }>(`SELECT current_setting('app.tenant_ids', true) AS ids`);
  const ids = new Set((scope.rows[0]?.ids ?? '').split(',').filter((id) => id !== ''));
  ids.add(hotel.id);
  await client.query(`SELECT set_config('app.tenant_ids', $1, false)`, [[...ids].join(',')]);

  const existing = await client.query(`SELECT 1 FROM raci_matrix WHERE tenant_id = $1`, [hotel.id]);
  if (existing.rowCount) {
    return;
  }
  // app_user has no row-level security: the agency admin is found by e-mail whatever the owner's privileges.
  const agency = await client.query<{ id: string; display_name: string }>(
    `SELECT id, display_name FROM app_user WHERE email = $1`,
    [DEMO_AGENCY_USER.email],
  );
  const agencyUser = agency.rows[0] ?? null;
  const setUpAt = new Date(now - 27 * DAY);

  await client.query(`INSERT INTO raci_matrix (tenant_id, version, updated_at, updated_by) VALUES ($1, 1, $2, $3)`, [
    hotel.id,
    setUpAt,
    agencyUser?.id ?? null,
  ]);
  for (const [position, party] of PARTIES.entries()) {
    await client.query(
      `INSERT INTO raci_party (tenant_id, key, name, team, position, user_ids, roles)
       VALUES ($1, $2, $3, $4, $5, $6::uuid[], $7::text[])`,
      [
        hotel.id,
        party.key,
        party.name,
        party.team,
        position,
        party.agencyStaff && agencyUser ? [agencyUser.id] : [],
        party.roles,
      ],
    );
  }
  for (const [position, step] of STEPS.entries()) {
    await client.query(`INSERT INTO raci_step (tenant_id, key, name, position) VALUES ($1, $2, $3, $4)`, [
      hotel.id,
      step.key,
      step.name,
      position,
    ]);
    for (const [party, role] of Object.entries(step.cells)) {
      await client.query(`INSERT INTO raci_assignment (tenant_id, step_key, party_key, role) VALUES ($1, $2, $3, $4)`, [
        hotel.id,
        step.key,
        party,
        role,
      ]);
    }
  }
  await client.query(
    `INSERT INTO audit_log (tenant_id, occurred_at, actor_kind, actor_id, actor_name, action, entity_type, entity_id,
       after, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, 'raci_matrix', $8, $7, 'seed')`,
    [
      hotel.id,
      setUpAt,
      agencyUser ? 'user' : 'system',
      agencyUser?.id ?? null,
      agencyUser?.display_name ?? null,
      AuditAction.RaciMatrixSaved,
      JSON.stringify({
        version: 1,
        parties: PARTIES.map((p) => p.key),
        steps: STEPS.map((s) => s.key),
        cells: STEPS.reduce((n, s) => n + Object.keys(s.cells).length, 0),
      }),
      hotel.id,
    ],
  );
}
