import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { BatonConfig } from '../config/baton-config';

const VERSION = 'v1';

/**
 * Encrypts tenant secrets at rest (channel app secrets, provider access tokens) with AES-256-GCM. The key comes from
 * BATON_SECRETS_KEY, outside the database, so a database dump alone does not reveal a hotel's Meta app secret.
 * Format: `v1.<iv>.<tag>.<ciphertext>` (base64url); the tenant id is bound as additional data, so a ciphertext copied
 * to another hotel's row does not decrypt.
 */
@Injectable()
export class SecretBox {
  private readonly key: Buffer;

  constructor(config: BatonConfig) {
    this.key = createHash('sha256').update(config.BATON_SECRETS_KEY).digest();
  }

  seal(plaintext: string, tenantId: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(tenantId));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), data]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  open(sealed: string, tenantId: string): string {
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || data === undefined) {
      throw new Error('SecretBox: unknown ciphertext format');
    }
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(tenantId));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  }
}
