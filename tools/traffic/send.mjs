#!/usr/bin/env node
// Realistic sample traffic for a running Baton (the demo seed's channel accounts):
//
//   npm run traffic -- [--url http://localhost:3000] [--count 50] [--hotel BLK|SDE|BDR|all] [--duplicates 0.1]
//                      [--concurrency 4]
//
// Sends `count` requests in all: signed WhatsApp webhooks (text, image, location, button, delivery statuses),
// Instagram and Messenger webhooks, web-form posts with UTM fields, e-mail and OTA messages and PBX call logs (answered,
// missed, abandoned), with Turkish names and texts. Guests recur across channels (the same phone writes on WhatsApp and
// then calls; the same person fills the form and e-mails). A `duplicates` fraction of the requests are exact
// redeliveries of earlier ones (same bytes, same signature), as providers retry. Prints what was sent and the HTTP
// statuses; exits 1 when any answer is not 2xx (web-form 429 = the per-IP rate limit, reported but accepted).
// The delivery statuses name outbound messages Baton never sent, so the worker retries them with back-off and then
// gives up ("no outbound message … yet"): they exercise the status path, not the case timeline.
import { parseArgs } from 'node:util';
import { createClient } from './http.mjs';
import {
  mailMessage,
  metaMessage,
  newWamid,
  pbxCall,
  webForm,
  whatsappMessage,
  whatsappStatuses,
} from './payloads.mjs';
import { DEMO_ACCOUNTS, FOLLOW_UPS, HOTEL_CODES, makeGuest, pick, randomInt } from './samples.mjs';

const { values: opts } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.BATON_URL ?? 'http://localhost:3000' },
    count: { type: 'string', default: '50' },
    hotel: { type: 'string', default: 'all' },
    duplicates: { type: 'string', default: '0.1' },
    concurrency: { type: 'string', default: '4' },
    help: { type: 'boolean', default: false },
  },
});
if (opts.help) {
  process.stdout.write(
    'npm run traffic -- --url http://localhost:3000 --count 50 --hotel BLK|SDE|BDR|all --duplicates 0.1 --concurrency 4\n',
  );
  process.exit(0);
}
const count = Number(opts.count);
const duplicates = Number(opts.duplicates);
const concurrency = Number(opts.concurrency);
const hotelArg = opts.hotel.toUpperCase();
const hotels = hotelArg === 'ALL' ? HOTEL_CODES : [hotelArg];
if (!Number.isInteger(count) || count < 1 || !(duplicates >= 0 && duplicates < 1) || !(concurrency >= 1)) {
  process.stderr.write('--count must be a positive integer, --duplicates in [0, 1), --concurrency ≥ 1\n');
  process.exit(2);
}
if (hotels.some((code) => !DEMO_ACCOUNTS[code])) {
  process.stderr.write(`--hotel must be one of ${HOTEL_CODES.join(', ')} or all\n`);
  process.exit(2);
}

/**
 * Scenarios: each returns the requests of one short guest interaction, in the order a guest would cause them.
 * Weights roughly follow a resort's inbound mix in season (WhatsApp first, then calls and Instagram).
 */
const SCENARIOS = [
  [30, (account, guest) => [whatsappMessage({ account, guest })]],
  [
    8,
    (account, guest) => [
      whatsappMessage({ account, guest }),
      whatsappMessage({ account, guest, body: pick(FOLLOW_UPS), at: new Date(Date.now() + 30_000) }),
    ],
  ],
  [10, (account, guest) => [whatsappMessage({ account, guest, type: pick(['image', 'location', 'button']) })]],
  [5, (account, guest) => [whatsappStatuses({ account, guest, messageIds: [newWamid(), newWamid()] })]],
  // The same phone writes on WhatsApp, then calls (and nobody picks up).
  [
    8,
    (account, guest) => [
      whatsappMessage({ account, guest }),
      pbxCall({ account, guest, outcome: pick(['missed', 'abandoned']) }),
    ],
  ],
  [10, (account, guest) => [metaMessage({ account, guest, platform: 'instagram' })]],
  [7, (account, guest) => [metaMessage({ account, guest, platform: 'messenger' })]],
  // The same person fills the web form, then e-mails.
  [
    8,
    (account, guest) => [
      webForm({ account, guest }),
      ...(Math.random() < 0.4 ? [mailMessage({ account, guest })] : []),
    ],
  ],
  [6, (account, guest) => [mailMessage({ account, guest })]],
  [5, (account, guest) => [mailMessage({ account, guest, ota: true })]],
  [9, (account, guest) => [pbxCall({ account, guest })]],
];
const TOTAL_WEIGHT = SCENARIOS.reduce((sum, [w]) => sum + w, 0);

function pickScenario() {
  let r = Math.random() * TOTAL_WEIGHT;
  for (const [weight, build] of SCENARIOS) {
    r -= weight;
    if (r < 0) {
      return build;
    }
  }
  return SCENARIOS[0][1];
}

/** A small pool of guests per hotel, so the same people come back on other channels. */
const guests = Object.fromEntries(
  hotels.map((code) => [
    code,
    Array.from({ length: Math.max(3, Math.ceil(count / (6 * hotels.length))) }, (_, i) => makeGuest(i)),
  ]),
);

/** The send plan: new interactions, and redeliveries of earlier requests at the `duplicates` rate. */
const plan = [];
while (plan.length < count) {
  if (plan.length > 0 && Math.random() < duplicates) {
    const original = pick(plan.filter((p) => !p.redelivery));
    plan.push({ request: original.request, hotel: original.hotel, redelivery: true });
    continue;
  }
  const code = hotels[randomInt(0, hotels.length - 1)];
  const requests = pickScenario()(DEMO_ACCOUNTS[code], pick(guests[code]));
  for (const request of requests.slice(0, count - plan.length)) {
    plan.push({ request, hotel: code, redelivery: false });
  }
}

const client = createClient(opts.url, { connections: concurrency });
const results = new Array(plan.length);
let next = 0;
const t0 = performance.now();
await Promise.all(
  Array.from({ length: Math.min(concurrency, plan.length) }, async () => {
    while (next < plan.length) {
      const i = next++;
      results[i] = await client.post(plan[i].request);
    }
  }),
);
const seconds = (performance.now() - t0) / 1000;
client.close();

// ---- summary ---------------------------------------------------------------------------------------------------------
const isExpected = (item, status) =>
  (status >= 200 && status < 300) || (status === 429 && item.request.channel === 'webform');
const byChannel = new Map();
const statusTotals = new Map();
const unexpected = [];
plan.forEach((item, i) => {
  const { status, text } = results[i];
  const row = byChannel.get(item.request.channel) ?? { sent: 0, redeliveries: 0, items: 0, statuses: new Map() };
  row.sent++;
  row.redeliveries += item.redelivery ? 1 : 0;
  row.items += item.redelivery ? 0 : item.request.ids.length;
  row.statuses.set(status, (row.statuses.get(status) ?? 0) + 1);
  byChannel.set(item.request.channel, row);
  statusTotals.set(status, (statusTotals.get(status) ?? 0) + 1);
  if (!isExpected(item, status)) {
    unexpected.push({ item, status, text });
  }
});

const fmtStatuses = (map) =>
  [...map.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${status === 0 ? 'network error' : status}×${n}`)
    .join(' ');
const pad = (value, width) => String(value).padEnd(width);
const padLeft = (value, width) => String(value).padStart(width);
const redeliveries = plan.filter((p) => p.redelivery).length;
const lines = [
  `Baton traffic → ${opts.url}  hotels ${hotels.join(', ')}  ${plan.length} requests in ${seconds.toFixed(2)} s` +
    ` (${redeliveries} exact redeliveries)`,
  '',
  `${pad('channel', 18)}${padLeft('sent', 6)}${padLeft('redelivered', 13)}${padLeft('items', 7)}  statuses`,
];
for (const [channel, row] of [...byChannel.entries()].sort(([a], [b]) => a.localeCompare(b))) {
  lines.push(
    `${pad(channel, 18)}${padLeft(row.sent, 6)}${padLeft(row.redeliveries, 13)}${padLeft(row.items, 7)}  ${fmtStatuses(row.statuses)}`,
  );
}
lines.push('', `all statuses: ${fmtStatuses(statusTotals)}`);
const limited = plan.filter((item, i) => item.request.channel === 'webform' && results[i].status === 429).length;
if (limited) {
  lines.push(`web form: ${limited} × 429 (per-IP rate limit WEBFORM_RATE_PER_MINUTE; accepted as expected)`);
}
process.stdout.write(`${lines.join('\n')}\n`);
if (unexpected.length) {
  process.stderr.write(`\n${unexpected.length} unexpected answer(s):\n`);
  for (const { item, status, text } of unexpected.slice(0, 8)) {
    process.stderr.write(
      `  ${item.request.channel} POST ${item.request.path} → ${status || 'network error'} ${text.replace(/\s+/g, ' ').slice(0, 200)}\n`,
    );
  }
  process.exit(1);
}
