import fc from 'fast-check';
import {
  callingCodeOf,
  GuestIdentityKind,
  maskContact,
  maskContactText,
  maskEmail,
  maskId,
  maskPhone,
  Permission,
  PII_REVEAL_PERMISSIONS,
} from '@baton/shared/contracts';

describe('PII masking (pure, libs/shared/contracts/src/pii.ts)', () => {
  it('phones keep the country code, the first 3 national digits and the last 2', () => {
    expect(maskContact(GuestIdentityKind.Phone, '+905321234567')).toBe('+90 532 *** ** 67');
    expect(maskPhone('+442079460958')).toBe('+44 207 *** ** 58');
    expect(maskPhone('+15005550006')).toBe('+1 500 *** ** 06');
    expect(maskPhone('+971501234567')).toBe('+971 50 *** ** 67'); // 9 national digits: at most half shown
    expect(maskPhone('+90 (532) 123-45-67')).toBe('+90 532 *** ** 67');
  });

  it('short phone numbers never show more than half of their national digits', () => {
    expect(maskPhone('+4930123456')).toBe('+49 30 *** * 56');
    expect(maskPhone('+35312345')).toBe('+353 12 ***');
    expect(maskPhone('0532 123 45 67')).toBe('*** 67');
    expect(maskPhone('123')).toBe('***');
  });

  it('calling codes of 1, 2 and 3 digits', () => {
    expect(callingCodeOf('15005550006')).toBe('1');
    expect(callingCodeOf('74951234567')).toBe('7');
    expect(callingCodeOf('905321234567')).toBe('90');
    expect(callingCodeOf('971501234567')).toBe('971');
    expect(callingCodeOf('35312345')).toBe('353');
  });

  it('e-mail: first letter, stars, the domain', () => {
    expect(maskContact(GuestIdentityKind.Email, 'ahmet@example.com')).toBe('a***@example.com');
    expect(maskEmail('x@y.co')).toBe('x***@y.co');
    expect(maskEmail('no-at-sign')).toBe('no-***');
  });

  it('ids: the first three characters (less when short)', () => {
    expect(maskContact(GuestIdentityKind.WhatsApp, '905321234567')).toBe('905***');
    expect(maskContact(GuestIdentityKind.Instagram, '17841400000000001')).toBe('178***');
    expect(maskContact(GuestIdentityKind.Messenger, '6543210987654321')).toBe('654***');
    expect(maskId('abcd')).toBe('a***');
    expect(maskId('ab')).toBe('***');
    expect(maskContact('unknown', 'secret')).toBe('***');
  });

  it('free-text contacts are masked by what they look like', () => {
    expect(maskContactText('ahmet@example.com')).toBe('a***@example.com');
    expect(maskContactText('+90 532 123 45 67')).toBe('+90 532 *** ** 67');
    expect(maskContactText('0090 532 123 45 67')).toBe('+90 532 *** ** 67');
    expect(maskContactText('0532 123 45 67')).toBe('*** 67');
    expect(maskContactText('17841400000000001')).toBe('*** 01');
    expect(maskContactText('ig.user_1')).toBe('ig.***');
  });

  it('a mask never contains the full value (property)', () => {
    const e164 = fc
      .tuple(fc.constantFrom('1', '7', '44', '90', '971', '353'), fc.stringMatching(/^[1-9]\d{5,11}$/))
      .map(([code, rest]) => `+${code}${rest}`);
    fc.assert(
      fc.property(e164, (value) => {
        const masked = maskPhone(value);
        expect(masked.replace(/\D/g, '').length).toBeLessThan(value.replace(/\D/g, '').length);
        expect(masked.startsWith(`+${callingCodeOf(value.slice(1))}`)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.emailAddress(), (value) => {
        expect(maskEmail(value)).not.toBe(value);
      }),
    );
  });

  it('cases.write or pii.reveal reveal contact values', () => {
    expect(PII_REVEAL_PERMISSIONS).toEqual([Permission.CasesWrite, Permission.PiiReveal]);
  });
});
