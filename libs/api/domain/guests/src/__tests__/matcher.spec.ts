import fc from 'fast-check';
import { GuestIdentityKind } from '@baton/shared/contracts';
import { Identity, identitiesOf } from '../identity';
import {
  AUTO_LINK_AT,
  decisionFor,
  foldName,
  levenshtein,
  MatchProfile,
  MatchReasonCode,
  nameKey,
  scoreCandidate,
  similarNames,
  similarPhones,
  SUGGEST_AT,
} from '../matcher';

const phone = (value: string): Identity => ({ kind: GuestIdentityKind.Phone, value });
const email = (value: string): Identity => ({ kind: GuestIdentityKind.Email, value });
const codes = (profile: MatchProfile, other: MatchProfile) => scoreCandidate(profile, other).reasons.map((r) => r.code);

describe('guest matcher (pure)', () => {
  it('exports the thresholds of the issue', () => {
    expect(AUTO_LINK_AT).toBe(90);
    expect(SUGGEST_AT).toBe(50);
    expect(decisionFor(100)).toBe('link');
    expect(decisionFor(90)).toBe('link');
    expect(decisionFor(70)).toBe('suggest');
    expect(decisionFor(50)).toBe('suggest');
    expect(decisionFor(49)).toBe('none');
  });

  describe('foldName (Turkish-aware)', () => {
    it("folds 'İSMAİL ŞAHİN', 'ismail sahin' and 'Ismail Şahin' to the same name", () => {
      expect(foldName('İSMAİL ŞAHİN')).toBe('ismail sahin');
      expect(foldName('ismail sahin')).toBe('ismail sahin');
      expect(foldName('Ismail Şahin')).toBe('ismail sahin');
      expect(foldName('ısmaıl şahın')).toBe('ismail sahin');
    });

    it('drops every diacritic (ç ğ ö ş ü â î û), punctuation and extra spaces', () => {
      expect(foldName('Çağla Gündoğdu-Öztürk')).toBe('cagla gundogdu ozturk');
      expect(foldName('  ŞÜKRÜ   ÇAĞATAY  ')).toBe('sukru cagatay');
      expect(foldName('Hâlâ Îmân Ûmit')).toBe('hala iman umit');
      expect(foldName('S\u0327ahin')).toBe('sahin'); // decomposed Ş
      expect(foldName('José Müller')).toBe('jose muller');
      expect(foldName(null)).toBe('');
    });

    it('is idempotent and gives the same result for upper and lower case (property)', () => {
      const turkish = fc
        .array(fc.constantFrom(...'abcçdefgğhıiİIjklmnoöprsştuüvyzABCÇDEFGĞHJKLMNOÖPRSŞTUÜVYZ -'), { maxLength: 30 })
        .map((chars) => chars.join(''));
      fc.assert(
        fc.property(turkish, (name) => {
          const folded = foldName(name);
          expect(foldName(folded)).toBe(folded);
          expect(foldName(name.toLocaleUpperCase('tr'))).toBe(folded);
          expect(foldName(name.toLocaleLowerCase('tr'))).toBe(folded);
          expect(folded).toMatch(/^[a-z -]*$/);
        }),
      );
    });

    it('nameKey ignores word order', () => {
      expect(nameKey('Şahin, İsmail')).toBe(nameKey('ismail sahin'));
    });
  });

  describe('similarity helpers', () => {
    it('levenshtein', () => {
      expect(levenshtein('kitten', 'sitting')).toBe(3);
      expect(levenshtein('', 'abc')).toBe(3);
      expect(levenshtein('same', 'same')).toBe(0);
    });

    it('similarNames: extra middle name, shared words, typos; not a shared first name alone', () => {
      expect(similarNames('Ismail Sahin', 'İsmail Hakkı Şahin')).toBe(true);
      expect(similarNames('Ismail Sahin', 'Ismael Sahin')).toBe(true);
      expect(similarNames('Ayşe Nur Kaya Demir', 'Ayse Nur Kaya')).toBe(true);
      expect(similarNames('Mehmet Yılmaz', 'Mehmet Demir')).toBe(false);
      expect(similarNames('Mehmet', 'Mehmet Yılmaz')).toBe(false);
      expect(similarNames('', 'Mehmet')).toBe(false);
    });

    it('similarPhones: different numbers sharing the last 7 digits', () => {
      expect(similarPhones([phone('+905321234567')], [phone('+905331234567')])).toBe(true);
      expect(similarPhones([phone('+905321234567')], [phone('+905321234567')])).toBe(false);
      expect(similarPhones([phone('+905321234567')], [phone('+905321234568')])).toBe(false);
      expect(
        similarPhones([{ kind: GuestIdentityKind.WhatsApp, value: '4915771234567' }], [phone('+905551234567')]),
      ).toBe(true);
    });
  });

  describe('scoreCandidate', () => {
    const waContact = identitiesOf({ whatsappId: '905321234567' });

    it.each([
      [MatchReasonCode.SamePhone, [phone('+905321234567')], 100],
      [MatchReasonCode.SameWhatsApp, [{ kind: GuestIdentityKind.WhatsApp, value: '905321234567' }], 100],
      [MatchReasonCode.SameEmail, [email('a@example.com')], 90],
      [MatchReasonCode.SameInstagram, [{ kind: GuestIdentityKind.Instagram, value: 'ig1' }], 100],
      [MatchReasonCode.SameMessenger, [{ kind: GuestIdentityKind.Messenger, value: 'ps1' }], 100],
    ])('%s scores %#', (code, identities, points) => {
      const result = scoreCandidate({ identities }, { identities });
      expect(result).toEqual({ score: points, reasons: [{ code, points, detail: expect.any(String) }] });
      expect(result.score).toBeGreaterThanOrEqual(AUTO_LINK_AT);
    });

    it('never puts a full contact value in a reason detail', () => {
      const result = scoreCandidate(
        { identities: [phone('+905321234567'), email('ismail@example.com')] },
        { identities: [phone('+905321234567'), email('ismail@example.com')] },
      );
      expect(result.reasons.map((r) => r.detail)).toEqual(['+90 532 *** ** 67', 'i***@example.com']);
    });

    it('same name with a similar phone scores 70: a suggestion, not an automatic link', () => {
      const result = scoreCandidate(
        { displayName: 'İSMAİL ŞAHİN', identities: [email('ismail@example.com'), phone('+905331234567')] },
        { displayName: 'Ismail Sahin', identities: waContact },
      );
      expect(result.score).toBe(70);
      expect(result.reasons.map((r) => r.code)).toEqual([MatchReasonCode.SameNameSimilarPhone]);
      expect(decisionFor(result.score)).toBe('suggest');
    });

    it('same name alone scores 30, similar name 15, different names 0', () => {
      expect(
        scoreCandidate(
          { displayName: 'ismail sahin', identities: [] },
          { displayName: 'Ismail Şahin', identities: [] },
        ),
      ).toEqual({ score: 30, reasons: [{ code: MatchReasonCode.SameName, points: 30, detail: null }] });
      expect(
        codes({ displayName: 'Ismail Sahin', identities: [] }, { displayName: 'Ismail Hakki Sahin', identities: [] }),
      ).toEqual([MatchReasonCode.SimilarName]);
      expect(
        scoreCandidate({ displayName: 'Ayşe Kaya', identities: [] }, { displayName: 'Fatma Demir', identities: [] }),
      ).toEqual({ score: 0, reasons: [] });
      expect(scoreCandidate({ identities: [] }, { identities: [] }).score).toBe(0);
    });

    it('adds evidence up, keeps every reason, caps the score at 100', () => {
      const identities = [...waContact, email('ismail@example.com')];
      const result = scoreCandidate(
        { displayName: 'Ismail Sahin', identities },
        { displayName: 'İsmail Şahin', identities },
      );
      expect(result.score).toBe(100);
      expect(result.reasons.map((r) => r.code)).toEqual([
        MatchReasonCode.SamePhone,
        MatchReasonCode.SameWhatsApp,
        MatchReasonCode.SameEmail,
        MatchReasonCode.SameName,
      ]);
    });

    it('counts one reason per identity kind', () => {
      const phones = [phone('+905321234567'), phone('+905337654321')];
      expect(codes({ identities: phones }, { identities: phones })).toEqual([MatchReasonCode.SamePhone]);
    });
  });

  describe('properties', () => {
    const name = fc.constantFrom('İsmail Şahin', 'ISMAIL SAHIN', 'Ayşe Kaya', 'Çağla Öz', 'Mehmet', '', 'Ali Can');
    const identity = fc.oneof(
      fc.integer({ min: 1000000, max: 9999999 }).map((n) => phone(`+90532${n}`)),
      fc.integer({ min: 1000000, max: 9999999 }).map((n) => phone(`+90533${n}`)),
      fc.integer({ min: 1, max: 50 }).map((n) => email(`guest${n}@example.com`)),
      fc.integer({ min: 1, max: 50 }).map((n) => ({ kind: GuestIdentityKind.Instagram, value: `ig${n}` })),
      fc.integer({ min: 1000000, max: 1000050 }).map((n) => ({ kind: GuestIdentityKind.WhatsApp, value: `90532${n}` })),
    );
    const profile = fc.record({ displayName: name, identities: fc.array(identity, { maxLength: 4 }) });

    it('the score stays within 0..100 and equals the capped sum of its reasons', () => {
      fc.assert(
        fc.property(profile, profile, (a, b) => {
          const { score, reasons } = scoreCandidate(a, b);
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(100);
          expect(score).toBe(
            Math.min(
              100,
              reasons.reduce((s, r) => s + r.points, 0),
            ),
          );
          expect(new Set(reasons.map((r) => r.code)).size).toBe(reasons.length);
        }),
      );
    });

    it('is symmetric', () => {
      fc.assert(
        fc.property(profile, profile, (a, b) => {
          expect(scoreCandidate(a, b)).toEqual(scoreCandidate(b, a));
        }),
      );
    });

    it('is monotone: adding an identity both sides share never lowers the score, and reaches AUTO_LINK_AT', () => {
      fc.assert(
        fc.property(profile, profile, identity, (a, b, shared) => {
          const before = scoreCandidate(a, b).score;
          const after = scoreCandidate(
            { ...a, identities: [...a.identities, shared] },
            { ...b, identities: [...b.identities, shared] },
          ).score;
          expect(after).toBeGreaterThanOrEqual(before);
          expect(after).toBeGreaterThanOrEqual(AUTO_LINK_AT);
        }),
      );
    });

    it('does not depend on how a name is cased or accented', () => {
      fc.assert(
        fc.property(profile, profile, (a, b) => {
          const plain = { ...a, displayName: foldName(a.displayName) };
          expect(scoreCandidate(plain, b).score).toBe(scoreCandidate(a, b).score);
          const shouted = { ...a, displayName: a.displayName.toLocaleUpperCase('tr') };
          expect(scoreCandidate(shouted, b).score).toBe(scoreCandidate(a, b).score);
        }),
      );
    });
  });
});
