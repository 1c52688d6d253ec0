/**
 * Bearer JWT verification against a JWKS: Cognito's on AWS, the embedded issuer's locally.
 * One code path (`jose.jwtVerify`); only where the keys come from differs.
 */
import {
  AgencyIdSchema,
  asAgencyId,
  DomainError,
  type Principal,
  ROLES,
  roleFitsTenant,
} from '@pantau/core';
import {
  decodeJwt,
  createLocalJWKSet,
  createRemoteJWKSet,
  type JSONWebKeySet,
  type JWTPayload,
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
      agency: AgencyIdSchema,
      role: z.enum(ROLES),
    }),
  );

/**
 * What a principal must be, whichever verifier made it: a subject, an agency id of the
 * contract's alphabet (plain ASCII: no look-alike of `setneg`), a known role that belongs to
 * that tenant. Checked once more at the edge, so that no verifier (nor a bug in one) can hand
 * the handlers half a principal.
 */
const PrincipalShape = z
  .strictObject({ sub: z.string().min(1), agency: AgencyIdSchema, role: z.enum(ROLES) })
  .refine((p) => roleFitsTenant(p.agency, p.role));

/** The principal a verifier returned, if it is a whole one; otherwise 401. */
export function checkedPrincipal(candidate: unknown): Principal {
  const parsed = PrincipalShape.safeParse(candidate);
  if (!parsed.success) throw new DomainError('unauthorized', 'invalid or expired token');
  return { sub: parsed.data.sub, agency: asAgencyId(parsed.data.agency), role: parsed.data.role };
}

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
  return rememberVerified(async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ['RS256'],
        // A token without an expiry would stay good for ever once leaked.
        requiredClaims: ['exp'],
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
    return {
      principal: {
        sub: claims.data.sub,
        agency: asAgencyId(claims.data.agency),
        role: claims.data.role,
      },
      expiresAt: payload.exp! * 1000,
    };
  });
}

/** A token verified in full, and until when (its `exp`, in ms) that verification holds. */
export interface Verified {
  readonly principal: Principal;
  readonly expiresAt: number;
}

/** The verified tokens one process remembers: a console's tokens, and more. */
export const REMEMBERED_TOKENS = 1000;

/**
 * Issue 17 (P1): a token's signature is checked once per process, not on every request. The
 * console sends the same token with every call for hours, and checking its RS256 signature is
 * the largest part of the API's own work per request. A token is remembered by its exact text
 * (a signed token cannot change without its signature failing) and only until its `exp`, the
 * moment `jwtVerify` itself would start refusing it; a refused token is never remembered. At
 * most `REMEMBERED_TOKENS`, the oldest forgotten first.
 */
export function rememberVerified(
  verify: (token: string) => Promise<Verified>,
  options: { max?: number; now?: () => number } = {},
): TokenVerifier {
  const max = options.max ?? REMEMBERED_TOKENS;
  const now = options.now ?? (() => Date.now());
  const remembered = new Map<string, Verified>();
  return async (token) => {
    const known = remembered.get(token);
    if (known && now() < known.expiresAt) return known.principal;
    remembered.delete(token);
    const verified = await verify(token);
    if (remembered.size >= max) remembered.delete(remembered.keys().next().value!);
    remembered.set(token, verified);
    return verified.principal;
  };
}

/**
 * Several issuers trusted side by side (the embedded runtime's own and an external OIDC
 * provider): the token's unverified `iss` only picks which verifier checks it in full. A `Map`,
 * never a plain object: `iss` is the attacker's string, and an object would answer
 * `constructor`, `toString` or `__proto__` from its prototype.
 */
export function createMultiIssuerVerifier(
  verifiers: ReadonlyMap<string, TokenVerifier>,
): TokenVerifier {
  return async (token) => {
    let issuer: unknown;
    try {
      issuer = decodeJwt(token).iss;
    } catch (error) {
      throw new DomainError('unauthorized', 'invalid or expired token', { cause: error });
    }
    const verify = typeof issuer === 'string' ? verifiers.get(issuer) : undefined;
    if (!verify) throw new DomainError('unauthorized', 'invalid or expired token');
    return verify(token);
  };
}
