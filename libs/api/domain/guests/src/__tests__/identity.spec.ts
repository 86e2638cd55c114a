import { GuestIdentityKind } from '@baton/shared/contracts';
import {
  cleanDisplayName,
  identitiesOf,
  identityValuesForSearch,
  normalizeEmail,
  normalizeIdentity,
  normalizePhone,
  normalizeScopedId,
  normalizeWhatsappId,
} from '../identity';

describe('identity normalisation (pure)', () => {
  describe('normalizePhone', () => {
    it.each([
      '0532 123 45 67',
      '+90 (532) 123-45-67',
      '905321234567',
      '5321234567',
      '00905321234567',
      ' +905321234567 ',
      '0 (532) 123 45 67',
    ])('reads %p as the Turkish mobile +905321234567', (raw) => {
      expect(normalizePhone(raw)).toBe('+905321234567');
    });

    it('keeps foreign numbers written with their country code', () => {
      expect(normalizePhone('+44 20 7946 0958')).toBe('+442079460958');
      expect(normalizePhone('+1 (500) 555-0006')).toBe('+15005550006');
      expect(normalizePhone('0049 30 123456')).toBe('+4930123456');
      // Without '+', the default region wins when valid there; otherwise the digits are read as international.
      expect(normalizePhone('447911123456')).toBe('+447911123456');
      expect(normalizePhone('4915112345678')).toBe('+4915112345678');
      expect(normalizePhone('0212 123 45 67')).toBe('+902121234567');
    });

    it.each(['', '12345', 'abc', '+90 532', '+9053212345678', 'call me on 0532 123 45 67', 'x'.repeat(40)])(
      'gives null for %p',
      (raw) => {
        expect(normalizePhone(raw)).toBeNull();
      },
    );

    it('gives null for missing values', () => {
      expect(normalizePhone(undefined)).toBeNull();
      expect(normalizePhone(null)).toBeNull();
    });
  });

  it('normalizeWhatsappId keeps digits only', () => {
    expect(normalizeWhatsappId('905321234567')).toBe('905321234567');
    expect(normalizeWhatsappId('+90 532 123 45 67')).toBe('905321234567');
    expect(normalizeWhatsappId('123')).toBeNull();
    expect(normalizeWhatsappId(undefined)).toBeNull();
  });

  it('normalizeEmail lower-cases, trims and checks the shape', () => {
    expect(normalizeEmail('  Ahmet.Yilmaz@Example.COM ')).toBe('ahmet.yilmaz@example.com');
    expect(normalizeEmail('a@b.co')).toBe('a@b.co');
    for (const bad of ['ahmet', 'ahmet@', '@example.com', 'a b@example.com', 'a@example', 'a@@example.com', '']) {
      expect(normalizeEmail(bad)).toBeNull();
    }
  });

  it('normalizeScopedId keeps IG/Messenger ids as given (trimmed)', () => {
    expect(normalizeScopedId(' 17841400000000001 ')).toBe('17841400000000001');
    expect(normalizeScopedId('AbC-123')).toBe('AbC-123');
    expect(normalizeScopedId('with space')).toBeNull();
    expect(normalizeScopedId('')).toBeNull();
  });

  it('normalizeIdentity dispatches on the kind', () => {
    expect(normalizeIdentity(GuestIdentityKind.Phone, '0532 123 45 67')).toBe('+905321234567');
    expect(normalizeIdentity(GuestIdentityKind.WhatsApp, '+90 532 123 45 67')).toBe('905321234567');
    expect(normalizeIdentity(GuestIdentityKind.Email, 'A@B.CO')).toBe('a@b.co');
    expect(normalizeIdentity(GuestIdentityKind.Instagram, 'ig1')).toBe('ig1');
    expect(normalizeIdentity(GuestIdentityKind.Messenger, 'psid1')).toBe('psid1');
  });

  it('cleanDisplayName collapses whitespace and drops empty names', () => {
    expect(cleanDisplayName('  İsmail   Şahin ')).toBe('İsmail Şahin');
    expect(cleanDisplayName('   ')).toBeNull();
    expect(cleanDisplayName(undefined)).toBeNull();
    expect(cleanDisplayName('x'.repeat(300))).toHaveLength(200);
  });

  describe('identitiesOf', () => {
    it('lists every valid identity once, sorted, and a WhatsApp id implies its phone', () => {
      expect(
        identitiesOf({
          displayName: 'İsmail Şahin',
          whatsappId: '905321234567',
          phone: '0532 123 45 67',
          email: 'Ismail@Example.com',
          instagramId: 'ig-1',
          messengerId: 'psid-1',
        }),
      ).toEqual([
        { kind: 'email', value: 'ismail@example.com' },
        { kind: 'instagram', value: 'ig-1' },
        { kind: 'messenger', value: 'psid-1' },
        { kind: 'phone', value: '+905321234567' },
        { kind: 'whatsapp', value: '905321234567' },
      ]);
    });

    it('keeps a different phone next to the WhatsApp number and skips invalid values', () => {
      expect(identitiesOf({ whatsappId: '905321234567', phone: '0533 765 43 21', email: 'not-an-email' })).toEqual([
        { kind: 'phone', value: '+905321234567' },
        { kind: 'phone', value: '+905337654321' },
        { kind: 'whatsapp', value: '905321234567' },
      ]);
      expect(identitiesOf({ displayName: 'Only a name' })).toEqual([]);
    });
  });

  it('identityValuesForSearch normalises what a search could mean', () => {
    expect(identityValuesForSearch('0532 123 45 67')).toEqual(['+905321234567', '905321234567']);
    expect(identityValuesForSearch('Ahmet@Example.com')).toEqual(['ahmet@example.com', 'Ahmet@Example.com']);
    expect(identityValuesForSearch('ismail sahin')).toEqual([]);
  });
});
