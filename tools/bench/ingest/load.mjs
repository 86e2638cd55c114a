// Load phase: `connections` keep-alive connections, each sending signed single-message WhatsApp webhooks back to back
// for `seconds`, spread over the hotels' phone_number_ids and a fixed pool of senders per hotel. A `redeliveryRate`
// share of the requests resends the exact bytes (and signature) of an earlier request, possibly while the original is
// still in flight, as Meta does when an acknowledgement is late.
import { createClient } from '../../traffic/http.mjs';
import { whatsappMessage } from '../../traffic/payloads.mjs';
import { makeGuest, pick } from '../../traffic/samples.mjs';

/** Sorted latencies (ms) → the q-quantile (nearest rank). */
export function quantile(sorted, q) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : NaN;
}

class Samples {
  constructor() {
    this.data = new Float64Array(1 << 16);
    this.length = 0;
  }
  push(value) {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  sorted() {
    return this.data.slice(0, this.length).sort();
  }
}

/**
 * Senders with distinct numbers by construction: +90 5<phase><hotel> + 7 digits (random numbers would collide now and
 * then, and a collision would merge two senders into one guest).
 */
function makeSenders(phase, hotel, count) {
  return Array.from({ length: count }, (_, i) => {
    const digits = `905${phase}${hotel}${String(i).padStart(7, '0')}`;
    return { ...makeGuest(i), waId: digits, phone: `+${digits}` };
  });
}

/**
 * @param {{ baseUrl: string, accounts: object[], connections: number, seconds: number, redeliveryRate: number,
 *           sendersPerHotel: number, phase: number, onTick?: (s: object) => void }} options
 */
export async function runLoad({
  baseUrl,
  accounts,
  connections,
  seconds,
  redeliveryRate,
  sendersPerHotel,
  phase,
  onTick,
}) {
  const senders = accounts.map((_, h) => makeSenders(phase, h, sendersPerHotel));
  const client = createClient(baseUrl, { connections });
  const latencies = new Samples();
  const statuses = new Map();
  const errors = new Map(); // first answer text per non-2xx status
  const usedSenders = new Set();
  /** Earlier unique requests, as candidates for redelivery (bounded: providers retry recent deliveries). */
  const history = [];
  const HISTORY = 5000;
  // ackedIds: unique messages acknowledged at least once (by their first delivery or a redelivery): each must end up
  // as exactly one inbound_event and one case message.
  const counts = {
    requests: 0,
    unique: 0,
    uniqueAcked: 0,
    uniqueFailed: 0,
    redeliveries: 0,
    redeliveriesAcked: 0,
    ackedIds: 0,
  };

  const startedAt = new Date();
  const t0 = performance.now();
  const deadline = t0 + seconds * 1000;
  let hotelTurn = 0;
  const ticker = onTick
    ? setInterval(() => onTick({ ...counts, elapsed: (performance.now() - t0) / 1000 }), 10_000)
    : null;

  const worker = async () => {
    while (performance.now() < deadline) {
      let request;
      const redelivery = history.length > 0 && Math.random() < redeliveryRate;
      if (redelivery) {
        request = history[Math.floor(Math.random() * history.length)];
        counts.redeliveries++;
      } else {
        const h = hotelTurn++ % accounts.length;
        const guest = pick(senders[h]);
        request = whatsappMessage({ account: accounts[h], guest });
        usedSenders.add(`${h}:${guest.waId}`);
        if (history.length < HISTORY) {
          history.push(request);
        } else {
          history[Math.floor(Math.random() * HISTORY)] = request;
        }
        counts.unique++;
      }
      const { status, ms, text } = await client.post(request);
      counts.requests++;
      latencies.push(ms);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      const ok = status >= 200 && status < 300;
      if (ok && !request.acked) {
        request.acked = true;
        counts.ackedIds++;
      }
      if (!ok && !errors.has(status)) {
        errors.set(status, text.replace(/\s+/g, ' ').slice(0, 200));
      }
      if (redelivery) {
        counts.redeliveriesAcked += ok ? 1 : 0;
      } else if (ok) {
        counts.uniqueAcked++;
      } else {
        counts.uniqueFailed++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - t0) / 1000;
  if (ticker) {
    clearInterval(ticker);
  }
  client.close();

  const sorted = latencies.sorted();
  const ms = (v) => Math.round(v * 100) / 100;
  return {
    startedAt: startedAt.toISOString(),
    seconds: elapsed,
    connections,
    redeliveryRate,
    ...counts,
    distinctSenders: usedSenders.size,
    throughput: counts.requests / elapsed,
    ackedThroughput: (counts.uniqueAcked + counts.redeliveriesAcked) / elapsed,
    latencyMs: {
      p50: ms(quantile(sorted, 0.5)),
      p95: ms(quantile(sorted, 0.95)),
      p99: ms(quantile(sorted, 0.99)),
      max: ms(sorted[sorted.length - 1] ?? NaN),
      mean: ms(sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1)),
    },
    statuses: Object.fromEntries([...statuses.entries()].map(([s, n]) => [s === 0 ? 'network error' : String(s), n])),
    errorSamples: Object.fromEntries(errors),
  };
}
