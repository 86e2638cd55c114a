import { GuestIdentityKind, maskContact } from '@baton/shared/contracts';
import type { Identity } from './identity';

/**
 * Scores how likely an incoming contact and an existing guest are the same person, and keeps the reasons. Pure: the
 * service finds the candidates, this decides. Points add up and are capped at 100:
 *   ≥ AUTO_LINK_AT   the message is linked to the guest without asking;
 *   ≥ SUGGEST_AT     a new guest is created and an agent is asked whether to merge the two;
 *   below            a new guest, nothing asked.
 */
export const AUTO_LINK_AT = 90;
export const SUGGEST_AT = 50;
export const MAX_SCORE = 100;

export enum MatchReasonCode {
  SamePhone = 'same_phone',
  SameWhatsApp = 'same_whatsapp',
  SameEmail = 'same_email',
  SameInstagram = 'same_instagram',
  SameMessenger = 'same_messenger',
  /** Same name (after Turkish-aware folding) and two phone numbers that share their last 7 digits. */
  SameNameSimilarPhone = 'same_name_similar_phone',
  SameName = 'same_name',
  /** Names that overlap (a shared surname plus a missing middle name, a typo) without being the same. */
  SimilarName = 'similar_name',
}

export const MATCH_POINTS: Readonly<Record<MatchReasonCode, number>> = {
  [MatchReasonCode.SamePhone]: 100,
  [MatchReasonCode.SameWhatsApp]: 100,
  [MatchReasonCode.SameEmail]: 90,
  [MatchReasonCode.SameInstagram]: 100,
  [MatchReasonCode.SameMessenger]: 100,
  [MatchReasonCode.SameNameSimilarPhone]: 70,
  [MatchReasonCode.SameName]: 30,
  [MatchReasonCode.SimilarName]: 15,
};

const SAME_IDENTITY: Readonly<Record<GuestIdentityKind, MatchReasonCode>> = {
  [GuestIdentityKind.Phone]: MatchReasonCode.SamePhone,
  [GuestIdentityKind.WhatsApp]: MatchReasonCode.SameWhatsApp,
  [GuestIdentityKind.Email]: MatchReasonCode.SameEmail,
  [GuestIdentityKind.Instagram]: MatchReasonCode.SameInstagram,
  [GuestIdentityKind.Messenger]: MatchReasonCode.SameMessenger,
};

/** One reason behind a score. `detail` never holds a full contact value (it is shown to viewers too). */
export interface MatchReason {
  code: MatchReasonCode;
  points: number;
  detail?: string | null;
}

export interface MatchProfile {
  displayName?: string | null;
  identities: readonly Identity[];
}

export interface MatchResult {
  score: number;
  reasons: MatchReason[];
}

/** Digits of a phone that must agree for two numbers to count as "similar" (same line, written with another prefix). */
export const SIMILAR_PHONE_DIGITS = 7;

/**
 * Folds a name for comparison, Turkish-aware: 'İSMAİL ŞAHİN', 'Ismail Şahin' and 'ismail sahin' all give
 * 'ismail sahin'. Dotted and dotless i (İ i I ı) become 'i' before lower-casing (so no locale can turn 'I' into 'ı' or
 * 'İ' into 'i̇'), every diacritic goes (ç ğ ö ş ü â î û é …), punctuation becomes space, spaces collapse.
 */
export function foldName(name: string | null | undefined): string {
  if (!name) {
    return '';
  }
  return name
    .normalize('NFC')
    .replace(/[İIı]/g, 'i')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The folded name's words, sorted: 'Şahin, İsmail' and 'Ismail Sahin' have the same key. */
export function nameKey(name: string | null | undefined): string {
  return nameTokens(name).sort().join(' ');
}

function nameTokens(name: string | null | undefined): string[] {
  const folded = foldName(name);
  return folded.length > 0 ? folded.split(' ') : [];
}

/** Classic edit distance (insert, delete, substitute), two rows of memory. */
export function levenshtein(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * Similar (not the same) names: one name's words contain the other's ('Ismail Sahin' / 'Ismail Hakki Sahin'), half
 * of the words are shared, or the folded names are at most a typo apart (edit similarity ≥ 0.8). Single-letter words
 * (initials) are ignored for overlap. Symmetric.
 */
export function similarNames(a: string | null | undefined, b: string | null | undefined): boolean {
  const ta = nameTokens(a).filter((t) => t.length > 1);
  const tb = nameTokens(b).filter((t) => t.length > 1);
  if (ta.length === 0 || tb.length === 0) {
    return false;
  }
  const sa = new Set(ta);
  const sb = new Set(tb);
  const shared = [...sa].filter((t) => sb.has(t)).length;
  if (shared > 0 && (shared === sa.size || shared === sb.size) && Math.min(sa.size, sb.size) >= 2) {
    return true;
  }
  const union = new Set([...sa, ...sb]).size;
  if (shared >= 2 && shared / union >= 0.5) {
    return true;
  }
  const fa = [...ta].sort().join(' ');
  const fb = [...tb].sort().join(' ');
  const longest = Math.max(fa.length, fb.length);
  return longest >= 5 && 1 - levenshtein(fa, fb) / longest >= 0.8;
}

/** Phone numbers of a profile as digits: its phones plus the numbers behind its WhatsApp ids. */
function phoneDigits(identities: readonly Identity[]): Set<string> {
  const digits = new Set<string>();
  for (const identity of identities) {
    if (identity.kind === GuestIdentityKind.Phone || identity.kind === GuestIdentityKind.WhatsApp) {
      digits.add(identity.value.replace(/\D/g, ''));
    }
  }
  return digits;
}

/** Two different numbers that end in the same 7 digits (e.g. a national and an international spelling of a line). */
export function similarPhones(a: readonly Identity[], b: readonly Identity[]): boolean {
  const pa = phoneDigits(a);
  const pb = phoneDigits(b);
  for (const x of pa) {
    for (const y of pb) {
      if (
        x !== y &&
        x.length >= SIMILAR_PHONE_DIGITS &&
        y.length >= SIMILAR_PHONE_DIGITS &&
        x.slice(-SIMILAR_PHONE_DIGITS) === y.slice(-SIMILAR_PHONE_DIGITS)
      ) {
        return true;
      }
    }
  }
  return false;
}

function reason(code: MatchReasonCode, detail: string | null = null): MatchReason {
  return { code, points: MATCH_POINTS[code], detail };
}

/**
 * The score (0..100) of `candidate` for `incoming`, with one reason per kind of evidence. Exact identities count once
 * per kind; the name counts once: same name with a similar phone, else same name, else similar name. Symmetric.
 */
export function scoreCandidate(incoming: MatchProfile, candidate: MatchProfile): MatchResult {
  const reasons: MatchReason[] = [];
  const theirs = new Set(candidate.identities.map((i) => `${i.kind}:${i.value}`));
  const seenKinds = new Set<GuestIdentityKind>();
  const ours = [...incoming.identities].sort((x, y) => (x.value < y.value ? -1 : x.value > y.value ? 1 : 0));
  for (const identity of ours) {
    if (!seenKinds.has(identity.kind) && theirs.has(`${identity.kind}:${identity.value}`)) {
      seenKinds.add(identity.kind);
      reasons.push(reason(SAME_IDENTITY[identity.kind], maskContact(identity.kind, identity.value)));
    }
  }
  const keyA = nameKey(incoming.displayName);
  const keyB = nameKey(candidate.displayName);
  if (keyA.length > 0 && keyA === keyB) {
    reasons.push(
      similarPhones(incoming.identities, candidate.identities)
        ? reason(MatchReasonCode.SameNameSimilarPhone, `last ${SIMILAR_PHONE_DIGITS} digits of a phone match`)
        : reason(MatchReasonCode.SameName),
    );
  } else if (similarNames(incoming.displayName, candidate.displayName)) {
    reasons.push(reason(MatchReasonCode.SimilarName));
  }
  reasons.sort((x, y) => y.points - x.points || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
  const total = reasons.reduce((sum, r) => sum + r.points, 0);
  return { score: Math.min(MAX_SCORE, total), reasons };
}

export type MatchDecision = 'link' | 'suggest' | 'none';

export function decisionFor(score: number): MatchDecision {
  return score >= AUTO_LINK_AT ? 'link' : score >= SUGGEST_AT ? 'suggest' : 'none';
}
