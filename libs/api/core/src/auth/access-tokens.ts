import { Injectable } from '@nestjs/common';
import { errors, jwtVerify, SignJWT } from 'jose';
import { BatonConfig } from '../config/baton-config';
import { BatonError } from '../errors/baton-error';

const ISSUER = 'baton';
const AUDIENCE = 'baton-api';

/** Short-lived HS256 access tokens (jose). Grants are not in the token: they are read per request so changes apply at once. */
@Injectable()
export class AccessTokens {
  private readonly key: Uint8Array;

  constructor(private readonly config: BatonConfig) {
    this.key = new TextEncoder().encode(config.JWT_SECRET);
  }

  async issue(userId: string): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(Date.now() + this.config.ACCESS_TOKEN_TTL_SECONDS * 1000);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }

  /** Returns the user id, or throws UNAUTHENTICATED naming what is wrong (expired vs invalid). */
  async verify(token: string): Promise<string> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
      });
      if (!payload.sub) {
        throw BatonError.unauthenticated('Invalid access token');
      }
      return payload.sub;
    } catch (error) {
      if (error instanceof errors.JWTExpired) {
        throw BatonError.unauthenticated('Access token expired');
      }
      throw BatonError.unauthenticated('Invalid access token');
    }
  }
}
