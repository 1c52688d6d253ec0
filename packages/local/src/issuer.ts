/**
 * The embedded runtime's own JWT issuer: an RS256 key kept in the data dir (tokens survive a
 * restart), a JWKS for the API's verifier (the same `jose.jwtVerify` path as Cognito's), and
 * tokens for demo users minted through `POST /dev/tokens`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JSONWebKeySet, type JWK, SignJWT } from 'jose';

export const LOCAL_ISSUER = 'urn:pantau:local-issuer';
export const LOCAL_AUDIENCE = 'pantau';

export interface LocalIssuer {
  readonly jwks: JSONWebKeySet;
  mint(
    claims: { sub: string; agency: string; role: string },
    options?: { now?: Date; expiresInSeconds?: number },
  ): Promise<string>;
}

export async function createLocalIssuer(keyFile: string): Promise<LocalIssuer> {
  let privateJwk: JWK;
  if (existsSync(keyFile)) {
    privateJwk = JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
  } else {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    privateJwk = {
      ...(await exportJWK(privateKey)),
      kid: `local-${Date.now().toString(36)}`,
      alg: 'RS256',
    };
    mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
    writeFileSync(keyFile, JSON.stringify(privateJwk), { mode: 0o600 });
  }
  const { d, p, q, dp, dq, qi, ...publicJwk } = privateJwk; // the public half only
  const key = await importJWK(privateJwk, 'RS256');
  return {
    jwks: { keys: [{ ...publicJwk, use: 'sig' }] },
    async mint(claims, options = {}) {
      const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
      return new SignJWT({ agency: claims.agency, role: claims.role })
        .setProtectedHeader({ alg: 'RS256', kid: privateJwk.kid! })
        .setSubject(claims.sub)
        .setIssuer(LOCAL_ISSUER)
        .setAudience(LOCAL_AUDIENCE)
        .setIssuedAt(now)
        .setExpirationTime(now + (options.expiresInSeconds ?? 8 * 3600))
        .sign(key);
    },
  };
}
