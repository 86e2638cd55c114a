// Database-side checks of the ingest benchmark, as the owner role. The owner of the embedded cluster is a superuser
// (verified below) and so bypasses even FORCE ROW LEVEL SECURITY; the session scope is set to every hotel anyway, so
// the same queries also count everything under a non-superuser owner.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Client } = require('pg');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Statuses in which a case is still open (OPEN_CASE_STATUSES in libs/shared/contracts/src/cases.ts). */
const OPEN_STATUSES = ['new', 'open', 'in_progress', 'handed_off', 'quoted'];

export async function openOwner(ownerUrl) {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  const { rows } = await client.query(`SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`);
  await client.query(`SELECT set_config('app.tenant_directory', 'on', false)`);
  const hotels = await client.query(`SELECT id, code FROM hotel ORDER BY code`);
  await client.query(`SELECT set_config('app.tenant_ids', $1, false)`, [hotels.rows.map((h) => h.id).join(',')]);
  client.bypassesRls = Boolean(rows[0]?.rolsuper || rows[0]?.rolbypassrls);
  client.hotels = hotels.rows;
  return client;
}

/** Fails early, with the reason, when the demo seed has not created the WhatsApp accounts the load is signed for. */
export async function assertAccounts(client, phoneNumberIds) {
  const { rows } = await client.query(
    `SELECT external_id FROM channel_account WHERE provider = 'whatsapp' AND active AND external_id = ANY($1)`,
    [phoneNumberIds],
  );
  const missing = phoneNumberIds.filter((id) => !rows.some((r) => r.external_id === id));
  if (missing.length) {
    throw new Error(
      `the demo seed created no active WhatsApp channel account for phone_number_id ${missing.join(', ')}; ` +
        `the benchmark signs its webhooks for the demo accounts (tools/traffic/samples.mjs)`,
    );
  }
}

/** Row counts the checks compare before and after the load. */
export async function snapshot(client) {
  const { rows } = await client.query(`
    SELECT (SELECT count(*) FROM inbound_event WHERE provider = 'whatsapp')::int AS events,
           (SELECT count(*) FROM inbound_event WHERE processed_at IS NULL)::int AS pending,
           (SELECT count(*) FROM guest)::int AS guests,
           (SELECT count(*) FROM guest_identity WHERE kind = 'whatsapp')::int AS "whatsappIdentities",
           (SELECT count(*) FROM guest_case)::int AS cases,
           (SELECT count(*) FROM case_message WHERE direction = 'inbound' AND channel = 'whatsapp')::int AS "inboundMessages"`);
  return rows[0];
}

/**
 * Polls until no inbound event received since `since` is pending (processed_at IS NULL, never failed).
 * Returns the processing rate from the first receipt to the last processing, from the rows' own timestamps.
 */
export async function waitForDrain(client, { since, timeoutSeconds, onProgress }) {
  const t0 = Date.now();
  let last = null;
  for (;;) {
    const { rows } = await client.query(
      `SELECT count(*) FILTER (WHERE processed_at IS NULL AND last_error IS NULL)::int AS pending,
              count(*) FILTER (WHERE processed_at IS NULL AND last_error IS NOT NULL)::int AS failing,
              count(*)::int AS total
         FROM inbound_event WHERE provider = 'whatsapp' AND received_at >= $1`,
      [since],
    );
    last = rows[0];
    // Events that failed wait for a retry with back-off; they are reported, not waited for.
    if (last.pending === 0 || Date.now() - t0 > timeoutSeconds * 1000) {
      break;
    }
    onProgress?.(last, (Date.now() - t0) / 1000);
    await sleep(1000);
  }
  const { rows } = await client.query(
    `SELECT count(*)::int AS processed, min(received_at) AS first, max(processed_at) AS last
       FROM inbound_event WHERE provider = 'whatsapp' AND received_at >= $1 AND processed_at IS NOT NULL`,
    [since],
  );
  const { processed, first, last: lastAt } = rows[0];
  const span = first && lastAt ? (lastAt.getTime() - first.getTime()) / 1000 : 0;
  return {
    drained: last.pending === 0 && last.failing === 0,
    pending: last.pending,
    failing: last.failing,
    waitedSeconds: (Date.now() - t0) / 1000,
    processed,
    spanSeconds: span,
    eventsPerSecond: span > 0 ? processed / span : 0,
  };
}

/** Events processed while the load was still running (how far the worker kept up). */
export async function processedBetween(client, since, until) {
  const { rows } = await client.query(
    `SELECT count(*)::int AS n FROM inbound_event
      WHERE provider = 'whatsapp' AND received_at >= $1 AND processed_at IS NOT NULL AND processed_at <= $2`,
    [since, until],
  );
  return rows[0].n;
}

/**
 * The exactly-once checks: one inbound_event and one case message per acknowledged unique message id, no provider id
 * twice, one guest and one case per sender, no guest with two open cases.
 */
export async function verify(client, { before, after, load }) {
  const q = async (sql, params) => (await client.query(sql, params)).rows;
  const duplicateMessageIds = await q(
    `SELECT provider_message_id, count(*)::int AS n FROM case_message
      WHERE provider_message_id IS NOT NULL GROUP BY tenant_id, provider_message_id HAVING count(*) > 1 LIMIT 5`,
  );
  const openDuplicates = await q(
    `SELECT guest_id, count(*)::int AS n FROM guest_case WHERE status = ANY($1)
      GROUP BY tenant_id, guest_id HAVING count(*) > 1 LIMIT 5`,
    [OPEN_STATUSES],
  );
  const failed = await q(
    `SELECT last_error, count(*)::int AS n FROM inbound_event
      WHERE provider = 'whatsapp' AND received_at >= $1 AND last_error IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 3`,
    [load.startedAt],
  );
  const delta = (key) => after[key] - before[key];
  const expectExactly = load.uniqueFailed === 0; // a failed first delivery may still have been stored
  const checks = [
    {
      name: 'inbound_event rows = acknowledged unique message ids',
      actual: delta('events'),
      expected: load.ackedIds,
      ok: expectExactly ? delta('events') === load.ackedIds : delta('events') >= load.ackedIds,
    },
    {
      name: 'inbound WhatsApp case messages = acknowledged unique message ids',
      actual: delta('inboundMessages'),
      expected: load.ackedIds,
      ok: expectExactly ? delta('inboundMessages') === load.ackedIds : delta('inboundMessages') >= load.ackedIds,
    },
    {
      name: 'provider message ids stored twice (case_message)',
      actual: duplicateMessageIds.length,
      expected: 0,
      ok: duplicateMessageIds.length === 0,
    },
    { name: 'new guests = distinct senders', actual: delta('guests'), expected: load.distinctSenders },
    { name: 'new cases = distinct senders', actual: delta('cases'), expected: load.distinctSenders },
    { name: 'guests with more than one open case', actual: openDuplicates.length, expected: 0 },
  ].map((c) => ({ ...c, ok: c.ok ?? c.actual === c.expected }));
  return {
    checks,
    duplicateCases: Math.max(0, delta('cases') - load.distinctSenders),
    samples: { duplicateMessageIds, openDuplicates, failed },
  };
}
