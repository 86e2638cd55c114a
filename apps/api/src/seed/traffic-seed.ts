import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { AuditAction } from '@baton/shared/contracts';
import { demoCampaigns, seedCampaigns, seedDictionary } from './traffic-catalog';
import { seedChannelAccounts } from './traffic-channels';
import { HotelTraffic, planHotelTraffic, TrafficHotel } from './traffic-plan';
import { at, CASE_COLUMNS, caseRow, MESSAGE_COLUMNS, messageRows } from './traffic-rows';
import { HOUR, localMidnight } from './traffic-random';
import { insertRows } from './traffic-sql';

export type { TrafficHotel } from './traffic-plan';

export interface TrafficCounts {
  channelAccounts: number;
  campaigns: number;
  guests: number;
  identities: number;
  mergeSuggestions: number;
  cases: number;
  messages: number;
  transitions: number;
  handoffs: number;
  notes: number;
}

export interface TrafficOptions {
  now: number;
  /** BATON_SECRETS_KEY of the deployment; channel secrets are only stored when it is known. */
  secretsKey?: string;
  /** Who set the channels up (the agency admin); campaigns are written by each hotel's GM. */
  setupBy: { id: string; name: string };
}

/**
 * 30 days of guest traffic for the demo hotels: channel accounts (secrets sealed), dictionaries, campaigns, guests with
 * their identities (and a few likely duplicates), cases with messages, transitions, handoffs and notes. Runs inside the
 * caller's transaction with the demo hotels in `app.tenant_ids`; bulk INSERTs keep it to a few dozen statements.
 */
export async function seedTraffic(
  client: Client,
  hotels: TrafficHotel[],
  options: TrafficOptions,
): Promise<TrafficCounts> {
  const counts: TrafficCounts = {
    channelAccounts: 0,
    campaigns: 0,
    guests: 0,
    identities: 0,
    mergeSuggestions: 0,
    cases: 0,
    messages: 0,
    transitions: 0,
    handoffs: 0,
    notes: 0,
  };
  const audit: unknown[][] = [];
  for (const hotel of hotels) {
    const setupAt = new Date(localMidnight(options.now, 28) + 11 * HOUR);
    const channels = await seedChannelAccounts(client, hotel.id, hotel.code, setupAt, options.secretsKey);
    for (const channel of channels) {
      audit.push([
        hotel.id,
        setupAt,
        options.setupBy.id,
        options.setupBy.name,
        AuditAction.ChannelAccountSaved,
        'channel_account',
        channel.id,
        JSON.stringify({ provider: channel.provider, externalId: channel.externalId }),
      ]);
    }
    await seedDictionary(client, hotel.id);
    const campaigns = demoCampaigns(hotel.code, hotel.currency, options.now);
    const saved = await seedCampaigns(client, hotel.id, campaigns, hotel.staff.gm.id, options.now);
    for (const campaign of saved) {
      audit.push([
        hotel.id,
        campaign.at,
        hotel.staff.gm.id,
        hotel.staff.gm.name,
        AuditAction.CampaignSaved,
        'campaign',
        campaign.id,
        JSON.stringify(campaign.after),
      ]);
    }
    const traffic = planHotelTraffic(hotel, campaigns, options.now);
    await writeTraffic(client, hotel, traffic, counts);
    counts.channelAccounts += channels.length;
    counts.campaigns += campaigns.length;
  }
  await insertRows(
    client,
    'audit_log',
    [
      'tenant_id',
      'occurred_at',
      'actor_id',
      'actor_name',
      'action',
      'entity_type',
      'entity_id',
      'after',
      'actor_kind',
      'request_id',
    ],
    audit.map((row) => [...row, 'user', 'seed']),
  );
  // Full-text search over the guest's name and every message, with the app's Turkish accent-insensitive config.
  await client.query(
    `UPDATE guest_case gc
        SET search = to_tsvector('baton_tr', concat_ws(' ',
              coalesce(gc.guest_name, (SELECT g.display_name FROM guest g WHERE g.tenant_id = gc.tenant_id AND g.id = gc.guest_id)),
              (SELECT string_agg(m.body, ' ' ORDER BY m.occurred_at) FROM case_message m
                WHERE m.tenant_id = gc.tenant_id AND m.case_id = gc.id)))
      WHERE gc.tenant_id = ANY ($1::uuid[])`,
    [hotels.map((h) => h.id)],
  );
  return counts;
}

async function writeTraffic(
  client: Client,
  hotel: TrafficHotel,
  traffic: HotelTraffic,
  counts: TrafficCounts,
): Promise<void> {
  const tenant = hotel.id;
  await insertRows(
    client,
    'guest',
    ['tenant_id', 'id', 'display_name', 'past_case_count', 'won_case_count', 'created_at', 'updated_at'],
    traffic.guests.map((g) => [
      tenant,
      g.id,
      g.displayName,
      g.priorCases + g.caseIds.length,
      g.priorWon + g.wonCases,
      at(g.createdAt),
      at(g.updatedAt),
    ]),
  );
  const identities = traffic.guests.flatMap((g) =>
    [...g.identities.values()].map((i) => [tenant, randomUUID(), g.id, i.kind, i.value, g.id, at(i.at)]),
  );
  await insertRows(
    client,
    'guest_identity',
    ['tenant_id', 'id', 'guest_id', 'kind', 'value', 'origin_guest_id', 'created_at'],
    identities,
  );
  await insertRows(
    client,
    'guest_match_suggestion',
    ['tenant_id', 'id', 'guest_id', 'candidate_id', 'score', 'reasons', 'status', 'created_at'],
    traffic.suggestions.map((s) => [
      tenant,
      randomUUID(),
      s.guestId,
      s.candidateId,
      s.match.score,
      JSON.stringify(s.match.reasons),
      'open',
      at(s.at),
    ]),
  );
  await insertRows(
    client,
    'guest_case',
    CASE_COLUMNS,
    traffic.cases.map((c) => caseRow(tenant, c)),
  );
  const messages = messageRows(tenant, hotel.code, traffic.cases);
  await insertRows(client, 'case_message', MESSAGE_COLUMNS, messages);
  const transitions = traffic.cases.flatMap((c) =>
    c.played.transitions.map((t) => [
      tenant,
      randomUUID(),
      c.id,
      t.from,
      t.to,
      t.reason,
      t.actor?.id ?? null,
      t.actor?.name ?? null,
      at(t.at),
    ]),
  );
  await insertRows(
    client,
    'case_transition',
    ['tenant_id', 'id', 'case_id', 'from_status', 'to_status', 'reason', 'actor_id', 'actor_name', 'occurred_at'],
    transitions,
  );
  const handoffs = traffic.cases.flatMap((c) =>
    c.played.handoffs.map((h) => [
      tenant,
      randomUUID(),
      c.id,
      h.fromTeam,
      h.fromChannel,
      h.toTeam,
      h.toChannel,
      h.reason,
      h.note,
      h.requestedBy.id,
      at(h.requestedAt),
      h.acceptedBy?.id ?? null,
      at(h.acceptedAt),
    ]),
  );
  await insertRows(
    client,
    'case_handoff',
    [
      'tenant_id',
      'id',
      'case_id',
      'from_team',
      'from_channel',
      'to_team',
      'to_channel',
      'reason',
      'note',
      'requested_by',
      'requested_at',
      'accepted_by',
      'accepted_at',
    ],
    handoffs,
  );
  const notes = traffic.cases.flatMap((c) =>
    c.played.notes.map((n) => [tenant, randomUUID(), c.id, n.author.id, n.author.name, n.body, at(n.at)]),
  );
  await insertRows(
    client,
    'case_note',
    ['tenant_id', 'id', 'case_id', 'author_id', 'author_name', 'body', 'created_at'],
    notes,
  );
  await insertRows(
    client,
    'case_counter',
    ['tenant_id', 'year', 'last_value'],
    traffic.counters.map((c) => [tenant, c.year, c.lastValue]),
  );
  counts.guests += traffic.guests.length;
  counts.identities += identities.length;
  counts.mergeSuggestions += traffic.suggestions.length;
  counts.cases += traffic.cases.length;
  counts.messages += messages.length;
  counts.transitions += transitions.length;
  counts.handoffs += handoffs.length;
  counts.notes += notes.length;
}
