import { randomUUID } from 'node:crypto';
import { formatCaseNumber } from '@baton/api/domain/cases';
import { MatchProfile, MatchResult, scoreCandidate, SUGGEST_AT } from '@baton/api/domain/guests';
import { CaseStatus, Channel, ChannelProvider, GuestIdentityKind } from '@baton/shared/contracts';
import { campaignActiveOn, DemoCampaign } from './traffic-catalog';
import { PeoplePool, Person } from './traffic-people';
import { PlayedCase, playScenario, Staff } from './traffic-play';
import { createRng, localMidnight, localYear, MINUTE, Rng, DAY, HOUR } from './traffic-random';
import { buildScenario, RequestType } from './traffic-scenarios';
import { hotelVoice, makeStay, Theme } from './traffic-texts';
import { Ota, otaReference } from './traffic-texts-care';

export interface TrafficHotel {
  id: string;
  code: string;
  name: string;
  currency: string;
  staff: { gm: Staff; supervisor: Staff; agent: Staff };
}

export interface PlannedGuest {
  id: string;
  person: Person;
  displayName: string | null;
  identities: Map<string, { kind: GuestIdentityKind; value: string; at: number }>;
  caseIds: string[];
  priorCases: number;
  priorWon: number;
  wonCases: number;
  /** When the guest's latest case was closed (null while it is still open). */
  lastClosedAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface PlannedCase {
  id: string;
  number: string;
  guest: PlannedGuest;
  createdAt: number;
  channel: Channel;
  source: ChannelProvider;
  requestType: string | null;
  priority: string;
  labels: string[];
  campaignId: string | null;
  utm: Record<string, string> | null;
  played: PlayedCase;
}

export interface MatchSuggestion {
  guestId: string;
  candidateId: string;
  at: number;
  /** Scored by the app's own guest matcher, so the reasons read exactly like live ones. */
  match: MatchResult;
}

export interface HotelTraffic {
  guests: PlannedGuest[];
  cases: PlannedCase[];
  suggestions: MatchSuggestion[];
  counters: Array<{ year: number; lastValue: number }>;
}

const CHANNEL_SOURCE: Record<Channel, ChannelProvider> = {
  [Channel.WhatsApp]: ChannelProvider.WhatsApp,
  [Channel.Instagram]: ChannelProvider.Instagram,
  [Channel.Messenger]: ChannelProvider.Messenger,
  [Channel.WebForm]: ChannelProvider.WebForm,
  [Channel.Email]: ChannelProvider.Email,
  [Channel.Ota]: ChannelProvider.Ota,
  [Channel.Phone]: ChannelProvider.Pbx,
};

const DUPLICATE_DAYS = [26, 21, 16, 11, 7, 3];

const CHANNEL_MIX = { whatsapp: 40, instagram: 15, messenger: 5, webform: 15, phone: 15, email: 5, ota: 5 } as const;

const REQUESTS: Record<Exclude<Channel, Channel.Ota>, Partial<Record<RequestType, number>>> = {
  [Channel.WhatsApp]: { reservation: 35, quote: 20, support: 15, complaint: 7, cancellation: 7, group: 4, vip: 3 },
  [Channel.Instagram]: { reservation: 35, quote: 30, support: 20, group: 5, complaint: 5, vip: 5 },
  [Channel.Messenger]: { quote: 40, reservation: 30, support: 25, complaint: 5 },
  [Channel.WebForm]: { reservation: 60, group: 15, quote: 15, vip: 5, support: 5 },
  [Channel.Phone]: { reservation: 35, cancellation: 15, support: 20, complaint: 10, quote: 15, vip: 5 },
  [Channel.Email]: { reservation: 30, group: 25, complaint: 15, cancellation: 15, support: 15 },
};

const UNTOUCHED_TYPE: Partial<Record<Channel, RequestType>> = {
  [Channel.Ota]: 'ota',
  [Channel.WebForm]: 'reservation',
};

const FIRST_LINE: Record<Channel, string> = {
  [Channel.WhatsApp]: 'call_center',
  [Channel.Phone]: 'call_center',
  [Channel.Instagram]: 'smm_agency',
  [Channel.Messenger]: 'smm_agency',
  [Channel.WebForm]: 'call_center',
  [Channel.Email]: 'call_center',
  [Channel.Ota]: 'reservations',
};

/** Relative weight of new conversations per hotel-local hour: quiet nights, a lunch bump, the evening peak. */
const HOUR_WEIGHTS = [
  0.3, 0.15, 0.1, 0.05, 0.05, 0.1, 0.3, 0.8, 2, 3, 3.5, 4, 3.5, 3.5, 4, 4, 4, 4.5, 5, 6, 7, 7, 5.5, 3,
];
const HOUR_TOTAL = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);

function timeOfDay(rng: Rng): number {
  let roll = rng.next() * HOUR_TOTAL;
  let hour = 0;
  while (roll >= HOUR_WEIGHTS[hour]) {
    roll -= HOUR_WEIGHTS[hour];
    hour += 1;
  }
  return hour * HOUR + rng.int(0, 59) * MINUTE + rng.int(0, 59) * 1000;
}

/**
 * Plans 30 days of one hotel's guest traffic, chronologically, with a PRNG seeded by the hotel code: which guest writes
 * on which channel about what, how each conversation went (played against `now`), and the guest records it leaves.
 */
export function planHotelTraffic(hotel: TrafficHotel, campaigns: readonly DemoCampaign[], now: number): HotelTraffic {
  const rng = createRng(`baton-demo-traffic:${hotel.code}`);
  const people = new PeoplePool(rng);
  const voice = hotelVoice(hotel.code, hotel.name, hotel.currency);
  const guests: PlannedGuest[] = [];
  const cases: PlannedCase[] = [];
  const duplicates: Array<{ duplicate: PlannedGuest; original: PlannedGuest; at: number }> = [];

  const newGuest = (person: Person, at: number): PlannedGuest => {
    const guest: PlannedGuest = {
      id: randomUUID(),
      person,
      displayName: null,
      identities: new Map(),
      caseIds: [],
      priorCases: 0,
      priorWon: 0,
      wonCases: 0,
      lastClosedAt: null,
      createdAt: at,
      updatedAt: at,
    };
    guests.push(guest);
    return guest;
  };

  // A few fixed days bring a likely duplicate guest (merge suggestion), and yesterday a group request whose offer sales
  // is still preparing, so every demo has those whatever `now` is.
  let wantDuplicate = false;
  let wantGroup = false;

  const chooseGuest = (channel: Channel, at: number): { guest: PlannedGuest; repeat: boolean } => {
    // A web form carries a name and a number: what the matcher needs to suspect a duplicate.
    const duplicateable = channel === Channel.WebForm;
    if (duplicateable && wantDuplicate) {
      wantDuplicate = false;
      const candidates = guests.filter(
        (g) => g.displayName && g.identities.has(`phone:${g.person.phone}`) && g.createdAt < at - DAY,
      );
      if (candidates.length > 0) {
        // The same person again under another number: a second guest row and an open merge suggestion.
        const original = rng.pick(candidates);
        const duplicate = newGuest(people.namesake(original.person), at);
        duplicates.push({ duplicate, original, at: at + rng.int(2, 30) * 1000 });
        return { guest: duplicate, repeat: false };
      }
    }
    if (rng.chance(0.035)) {
      const back = guests.filter((g) => g.lastClosedAt !== null && g.lastClosedAt < at - 2 * DAY);
      if (back.length > 0) {
        return { guest: rng.pick(back), repeat: true };
      }
    }
    const guest = newGuest(people.person(), at);
    if (rng.chance(0.06)) {
      guest.priorCases = rng.int(1, 3);
      guest.priorWon = rng.int(1, guest.priorCases);
    }
    return { guest, repeat: guest.priorCases > 0 };
  };

  /** `waiting`: nobody has answered yet; `anonymous`: an Instagram DM with no name or phone yet. */
  const planCase = (at: number, daysAgo: number, latest: { waiting: boolean; anonymous: boolean }): void => {
    const picked = rng.weighted(CHANNEL_MIX) as Channel;
    const channel = latest.anonymous ? Channel.Instagram : picked;
    const active = campaigns.filter((c) => campaignActiveOn(c, daysAgo));
    let theme: Theme = 'plain';
    let campaignId: string | null = null;
    let utm: Record<string, string> | null = null;
    if (channel === Channel.WebForm && active.length > 0 && rng.chance(0.6)) {
      const campaign = rng.pick(active);
      const source = rng.pick(['instagram', 'facebook', 'google']);
      theme = campaign.theme;
      campaignId = campaign.id;
      utm = {
        source,
        medium: source === 'google' ? 'cpc' : 'paid_social',
        campaign: campaign.utmCampaign,
        content: rng.pick(['story', 'reels', 'carousel', 'search-ad']),
      };
    } else if (channel === Channel.WebForm && rng.chance(0.4)) {
      utm = rng.chance(0.6)
        ? { source: 'google', medium: 'organic' }
        : { source: 'google', medium: 'cpc', campaign: 'marka-arama' };
    } else if (
      (channel === Channel.Instagram || channel === Channel.WhatsApp) &&
      active.length > 0 &&
      rng.chance(0.12)
    ) {
      theme = rng.pick(active).theme;
    } else if (rng.chance(0.06)) {
      theme = 'honeymoon';
    }
    const showcaseGroup = wantGroup && channel !== Channel.Ota && channel !== Channel.Phone;
    wantGroup &&= !showcaseGroup;
    const requestType: RequestType = showcaseGroup
      ? 'group'
      : channel === Channel.Ota
        ? 'ota'
        : theme !== 'plain'
          ? 'reservation'
          : rng.weighted(REQUESTS[channel] as Record<RequestType, number>);
    const { guest, repeat } = chooseGuest(channel, at);
    const ota: Ota = rng.chance(0.7) ? 'booking' : 'expedia';
    const reference = channel === Channel.Ota ? otaReference(rng, ota) : null;
    const person: Person =
      reference !== null ? { ...guest.person, email: people.otaRelay(guest.person, ota, reference) } : guest.person;
    const formHasEmail = rng.chance(0.7);
    const scenario = buildScenario({
      rng,
      guest: person,
      channel,
      createdAt: at,
      switchToWhatsApp:
        channel === Channel.Instagram || channel === Channel.Messenger
          ? rng.chance(0.3)
          : channel === Channel.Phone && rng.chance(0.25),
      formHasEmail,
      profileName: rng.chance(0.9) && !latest.anonymous,
      stay: makeStay(rng, at, theme),
      utm,
      otaReference: reference,
      hotel: voice,
      requestType,
      theme,
      leadName: hotel.staff.supervisor.name,
      gmName: hotel.staff.gm.name,
      repeat: repeat || guest.caseIds.length > 0,
    });
    const recent = now - at < 16 * HOUR;
    const played = playScenario(
      {
        rng,
        now,
        createdAt: at,
        channel,
        firstLineTeam: FIRST_LINE[channel],
        staff: { agent: hotel.staff.agent, lead: hotel.staff.supervisor, gm: hotel.staff.gm },
        fields: scenario.initial,
        slowFirstResponse: rng.chance(recent ? 0.35 : 0.04),
        unanswered: latest.waiting,
      },
      scenario.steps,
    );
    const id = randomUUID();
    const touched = played.transitions.length > 1;
    recordOnGuest(guest, person, played, formHasEmail, id);
    cases.push({
      id,
      number: '',
      guest,
      createdAt: at,
      channel,
      source: CHANNEL_SOURCE[channel],
      // Until an agent touches a case it has what intake gives it: a type for OTA and form requests, priority P3.
      requestType: touched ? scenario.requestType : (UNTOUCHED_TYPE[channel] ?? null),
      priority: touched ? scenario.priority : 'P3',
      labels: played.labels,
      campaignId,
      utm,
      played,
    });
  };

  const days = Array.from({ length: 30 }, (_, i) => {
    const daysAgo = 29 - i;
    const midnight = localMidnight(now, daysAgo);
    const weekday = new Date(midnight + 12 * HOUR).getUTCDay();
    const count = rng.int(10, 18) + (weekday === 0 || weekday >= 5 ? 2 : 0);
    const times = Array.from({ length: count }, () => midnight + timeOfDay(rng))
      .filter((at) => at < now - MINUTE)
      .sort((a, b) => a - b);
    return { daysAgo, times };
  });
  // The two latest conversations are not answered yet, whatever the time of day (the queue is never empty), and the
  // very last one is an Instagram DM without name or phone (the mandatory-fields warning shows).
  const latest = days.flatMap((d) => d.times).slice(-2);
  for (const { daysAgo, times } of days) {
    wantDuplicate ||= DUPLICATE_DAYS.includes(daysAgo);
    wantGroup = daysAgo === 1;
    times.forEach((at) =>
      planCase(at, daysAgo, { waiting: latest.includes(at), anonymous: at === latest[latest.length - 1] }),
    );
  }
  return { guests, cases, suggestions: suggestionsFor(duplicates), counters: numberCases(hotel.code, cases) };
}

/** What the guest matcher says about each planned duplicate, once both guests have their names and identities. */
function suggestionsFor(
  duplicates: ReadonlyArray<{ duplicate: PlannedGuest; original: PlannedGuest; at: number }>,
): MatchSuggestion[] {
  const profile = (g: PlannedGuest): MatchProfile => ({
    displayName: g.displayName,
    identities: [...g.identities.values()].map(({ kind, value }) => ({ kind, value })),
  });
  return duplicates
    .map(({ duplicate, original, at }) => ({
      guestId: duplicate.id,
      candidateId: original.id,
      at,
      match: scoreCandidate(profile(duplicate), profile(original)),
    }))
    .filter((s) => s.match.score >= SUGGEST_AT);
}

/** The identities the guest revealed by writing (or calling) on each channel, and the guest's counters. */
function recordOnGuest(
  guest: PlannedGuest,
  person: Person,
  played: PlayedCase,
  formHasEmail: boolean,
  caseId: string,
): void {
  const add = (kind: GuestIdentityKind, value: string, at: number): void => {
    const key = `${kind}:${value}`;
    if (!guest.identities.has(key)) {
      guest.identities.set(key, { kind, value, at });
    }
  };
  for (const m of played.messages) {
    if (m.direction !== 'inbound') {
      continue;
    }
    switch (m.channel) {
      case Channel.WhatsApp:
        add(GuestIdentityKind.Phone, person.phone, m.at);
        add(GuestIdentityKind.WhatsApp, person.phone.slice(1), m.at);
        break;
      case Channel.Instagram:
        add(GuestIdentityKind.Instagram, person.instagramId, m.at);
        break;
      case Channel.Messenger:
        add(GuestIdentityKind.Messenger, person.messengerId, m.at);
        break;
      case Channel.Phone:
        add(GuestIdentityKind.Phone, person.phone, m.at);
        break;
      case Channel.WebForm:
        add(GuestIdentityKind.Phone, person.phone, m.at);
        if (formHasEmail) {
          add(GuestIdentityKind.Email, person.email, m.at);
        }
        break;
      case Channel.Email:
      case Channel.Ota:
        add(GuestIdentityKind.Email, person.email, m.at);
        break;
    }
  }
  guest.caseIds.push(caseId);
  guest.displayName ??= played.fields.guestName ?? null;
  if (played.status === CaseStatus.Won) {
    guest.wonCases += 1;
  }
  guest.lastClosedAt = played.closedAt;
  guest.updatedAt = Math.max(guest.updatedAt, played.updatedAt);
}

/** `<CODE>-<YEAR>-<000001>` in order of creation, restarting every hotel-local year; returns the counters to store. */
function numberCases(code: string, cases: PlannedCase[]): Array<{ year: number; lastValue: number }> {
  cases.sort((a, b) => a.createdAt - b.createdAt);
  const last = new Map<number, number>();
  for (const c of cases) {
    const year = localYear(c.createdAt);
    const next = (last.get(year) ?? 0) + 1;
    last.set(year, next);
    c.number = formatCaseNumber(code, year, next);
  }
  return [...last.entries()].map(([year, lastValue]) => ({ year, lastValue }));
}
