import { createHmac } from 'node:crypto';
import { signBody, verifySignature } from '../webhook-signature';

const SECRET = 'demo-whatsapp-app-secret';
const hmac = (bytes: Buffer | string) => `sha256=${createHmac('sha256', SECRET).update(bytes).digest('hex')}`;

describe('webhook signature (HMAC-SHA256 over the raw bytes)', () => {
  // What the provider sent: compact JSON with raw UTF-8 Turkish letters.
  const sent = Buffer.from('{"text":"Merhaba, şikayet için yazıyorum İĞÜŞÖÇ"}', 'utf8');
  // The same value as another sender (or a proxy) might serialise it: spaces and \u escapes.
  const reserialised = Buffer.from(
    '{ "text": "Merhaba, \\u015fikayet i\\u00e7in yaz\\u0131yorum \\u0130\\u011e\\u00dc\\u015e\\u00d6\\u00c7" }',
    'utf8',
  );

  it('verifies the bytes as received, whatever their spelling of the same JSON value', () => {
    expect(JSON.parse(reserialised.toString('utf8'))).toEqual(JSON.parse(sent.toString('utf8')));
    expect(verifySignature(sent, hmac(sent), SECRET)).toBe(true);
    expect(verifySignature(reserialised, hmac(reserialised), SECRET)).toBe(true);
    expect(signBody(reserialised, SECRET)).toBe(hmac(reserialised));
  });

  it('a JSON.stringify-based check would reject a genuine webhook (why req.rawBody is used)', () => {
    const header = hmac(reserialised);
    const restringified = Buffer.from(JSON.stringify(JSON.parse(reserialised.toString('utf8'))), 'utf8');
    expect(restringified.equals(reserialised)).toBe(false);
    expect(verifySignature(restringified, header, SECRET)).toBe(false);
    expect(verifySignature(reserialised, header, SECRET)).toBe(true);
  });

  it('rejects a tampered body, another secret, and malformed or missing headers', () => {
    const header = hmac(sent);
    const tampered = Buffer.from(sent.toString('utf8').replace('şikayet', 'sikayet'), 'utf8');
    expect(verifySignature(tampered, header, SECRET)).toBe(false);
    expect(verifySignature(sent, header, 'another-secret')).toBe(false);
    expect(verifySignature(sent, undefined, SECRET)).toBe(false);
    expect(verifySignature(sent, '', SECRET)).toBe(false);
    expect(verifySignature(sent, header.replace('sha256=', ''), SECRET)).toBe(false);
    expect(verifySignature(sent, `sha1=${header.slice(7)}`, SECRET)).toBe(false);
    expect(verifySignature(sent, header.slice(0, -2), SECRET)).toBe(false); // shorter digest: length check first
    expect(verifySignature(sent, `${header}00`, SECRET)).toBe(false);
    expect(verifySignature(sent, 'sha256=zz', SECRET)).toBe(false);
  });

  it('accepts an upper-case hex digest and the first of repeated headers', () => {
    const header = hmac(sent);
    expect(verifySignature(sent, `sha256=${header.slice(7).toUpperCase()}`, SECRET)).toBe(true);
    expect(verifySignature(sent, [header, 'sha256=00'], SECRET)).toBe(true);
  });
});
