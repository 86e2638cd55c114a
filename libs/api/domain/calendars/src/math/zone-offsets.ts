import { IANAZone } from 'luxon';

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/**
 * The UTC offsets of one UTC day [day * DAY_MS, (day + 1) * DAY_MS): `before` until `switchAt`, `after` from it on
 * (switchAt = Infinity when the offset does not change that day). Assumes at most one offset change per UTC day, which
 * holds for every zone since the tz database began recording modern rules.
 */
export interface DayOffsets {
  before: number;
  switchAt: number;
  after: number;
}

const MAX_CACHED_DAYS = 50_000;

/**
 * Offsets of an IANA zone, cached per UTC day. A luxon offset lookup costs several microseconds (Intl formatting); a
 * calendar walk asks for the same few days again and again, so each day is resolved once (two lookups, or a binary
 * search to the millisecond on the rare day with a DST switch).
 */
export class ZoneOffsets {
  private static readonly zones = new Map<string, ZoneOffsets>();
  private readonly days = new Map<number, DayOffsets>();
  private readonly zone: IANAZone;

  private constructor(readonly timeZone: string) {
    this.zone = IANAZone.create(timeZone);
    if (!this.zone.isValid) {
      throw new RangeError(`Unknown time zone ${timeZone}`);
    }
  }

  static of(timeZone: string): ZoneOffsets {
    let zone = ZoneOffsets.zones.get(timeZone);
    if (!zone) {
      zone = new ZoneOffsets(timeZone);
      ZoneOffsets.zones.set(timeZone, zone);
    }
    return zone;
  }

  /** Offset (local minus UTC) in ms at instant `t`. */
  offsetAt(t: number): number {
    const day = this.day(Math.floor(t / DAY_MS));
    return t < day.switchAt ? day.before : day.after;
  }

  /** The offsets of UTC day `index` (days since 1970-01-01). */
  day(index: number): DayOffsets {
    let day = this.days.get(index);
    if (!day) {
      if (this.days.size >= MAX_CACHED_DAYS) {
        this.days.clear();
      }
      day = this.resolve(index);
      this.days.set(index, day);
    }
    return day;
  }

  private raw(t: number): number {
    return this.zone.offset(t) * MINUTE_MS;
  }

  private resolve(index: number): DayOffsets {
    const start = index * DAY_MS;
    const before = this.raw(start);
    const after = this.raw(start + DAY_MS - 1);
    if (before === after) {
      return { before, switchAt: Infinity, after };
    }
    // Invariant: offset(lo) = before, offset(hi) != before; ends with hi = the first millisecond of the new offset.
    let lo = start;
    let hi = start + DAY_MS - 1;
    while (hi - lo > 1) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (this.raw(mid) === before) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return { before, switchAt: hi, after };
  }
}
