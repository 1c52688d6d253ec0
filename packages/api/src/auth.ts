/**
 * Bearer JWT verification against a JWKS: Cognito's on AWS, the embedded issuer's locally.
 * One code path (`jose.jwtVerify`); only where the keys come from differs.
 */
import { DomainError, type Principal, asAgencyId, ROLES, roleFitsTenant } from '@pantau/core';
import {
  decodeJwt,
  createLocalJWKSet,
  createRemoteJWKSet,
  type JSONWebKeySet,
  jwtVerify,
  type JWTVerifyGetKey,
} from 'jose';
import { z } from 'zod';

export type TokenVerifier = (token: string) => Promise<Principal>;

/**
 * Claims as the API contract names them (`agency`, `role`), or as Cognito puts custom
 * attributes into ID tokens (`custom:agency`, `custom:role`).
 */
const Claims = z
  .object({
    sub: z.string().min(1),
    agency: z.string().optional(),
    role: z.string().optional(),
    'custom:agency': z.string().optional(),
    'custom:role': z.string().optional(),
  })
  .transform((c) => ({
    sub: c.sub,
    agency: c.agency ?? c['custom:agency'],
    role: c.role ?? c['custom:role'],
  }))
  .pipe(
    z.object({
      sub: z.string(),
      agency: z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/),
      role: z.enum(ROLES),
    }),
  );

export interface JwtVerifierOptions {
  /** Remote JWKS (Cognito: `<issuer>/.well-known/jwks.json`). */
  readonly jwksUrl?: string;
  /** A key set in hand (the embedded issuer). */
  readonly jwks?: JSONWebKeySet;
  readonly issuer: string;
  readonly audience: string;
}

export function createJwtVerifier(options: JwtVerifierOptions): TokenVerifier {
  const keys: JWTVerifyGetKey = options.jwksUrl
    ? createRemoteJWKSet(new URL(options.jwksUrl))
    : createLocalJWKSet(options.jwks ?? { keys: [] });
  return async (token) => {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ['RS256'],
      }));
    } catch (error) {
      throw new DomainError('unauthorized', 'invalid or expired token', { cause: error });
    }
    const claims = Claims.safeParse(payload);
    if (!claims.success)
      throw new DomainError('unauthorized', 'token lacks valid sub, agency and role claims');
    if (!roleFitsTenant(claims.data.agency, claims.data.role)) {
      throw new DomainError(
        'forbidden',
        `role ${claims.data.role} does not belong to tenant ${claims.data.agency}`,
      );
    }
    return { sub: claims.data.sub, agency: asAgencyId(claims.data.agency), role: claims.data.role };
  };
}

/**
 * Several issuers trusted side by side (the embedded runtime's own and an external OIDC
 * provider): the token's unverified `iss` only picks which verifier checks it in full.
 */
export function createMultiIssuerVerifier(
  verifiers: Readonly<Record<string, TokenVerifier>>,
): TokenVerifier {
  return async (token) => {
    let issuer: string | undefined;
    try {
      issuer = decodeJwt(token).iss;
    } catch (error) {
      throw new DomainError('unauthorized', 'invalid or expired token', { cause: error });
    }
    const verify = issuer === undefined ? undefined : verifiers[issuer];
    if (!verify) throw new DomainError('unauthorized', 'invalid or expired token');
    return verify(token);
  };
}
