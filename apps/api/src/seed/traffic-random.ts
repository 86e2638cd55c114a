/** Deterministic randomness and hotel-local time for the demo traffic (same seed → same hotels, same stories). */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** Europe/Istanbul has been UTC+3 all year since 2016 (no DST), so plain arithmetic is exact for the demo. */
export const HOTEL_UTC_OFFSET = 3 * HOUR;

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks a key by relative weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
  /** `count` digits, the first one non-zero. */
  digits(count: number): string;
}

/** xmur3 string hash → 32-bit seed. */
function hashSeed(seed: string): number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^ (h >>> 16)) >>> 0;
}

/** mulberry32: tiny, fast and good enough for demo data (not for anything secret). */
export function createRng(seed: string): Rng {
  let state = hashSeed(seed);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    weighted: <K extends string>(weights: Readonly<Record<K, number>>): K => {
      const entries = Object.entries(weights) as Array<[K, number]>;
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [key, weight] of entries) {
        roll -= weight;
        if (roll < 0) {
          return key;
        }
      }
      return entries[entries.length - 1][0];
    },
    digits: (count) => String(int(1, 9)) + Array.from({ length: count - 1 }, () => String(int(0, 9))).join(''),
  };
}

/** UTC instant of hotel-local midnight, `daysAgo` days before the hotel-local day that contains `now`. */
export function localMidnight(now: number, daysAgo: number): number {
  const local = now + HOTEL_UTC_OFFSET;
  return local - (local % DAY) - HOTEL_UTC_OFFSET - daysAgo * DAY;
}

/** Hotel-local hour (0–23) of an instant. */
export function localHour(at: number): number {
  return new Date(at + HOTEL_UTC_OFFSET).getUTCHours();
}

/** Hotel-local calendar year of an instant (case numbers restart with it). */
export function localYear(at: number): number {
  return new Date(at + HOTEL_UTC_OFFSET).getUTCFullYear();
}

/** Hotel-local calendar date (YYYY-MM-DD), `offsetDays` from the local day of `now`. */
export function localDate(now: number, offsetDays: number): string {
  return new Date(localMidnight(now, -offsetDays) + HOTEL_UTC_OFFSET).toISOString().slice(0, 10);
}

/** The agents' working day is 08:00–24:00 hotel time: a reply due at night waits for the morning shift. */
export function withinShift(at: number, rng: Rng): number {
  if (localHour(at) >= 8) {
    return at;
  }
  const local = at + HOTEL_UTC_OFFSET;
  return local - (local % DAY) - HOTEL_UTC_OFFSET + 8 * HOUR + rng.int(2, 45) * MINUTE;
}

/** Guests mostly sleep between 01:00 and 07:00: a follow-up due then is written in the morning instead. */
export function guestAwake(at: number, rng: Rng): number {
  const hour = localHour(at);
  if (hour < 1 || hour >= 7) {
    return at;
  }
  const local = at + HOTEL_UTC_OFFSET;
  return local - (local % DAY) - HOTEL_UTC_OFFSET + 7 * HOUR + rng.int(5, 150) * MINUTE;
}
