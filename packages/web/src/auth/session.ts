/**
 * Who is signed in. Locally the token comes from the embedded runtime's `/dev/tokens` and is
 * kept in localStorage (a new tab is signed in too). On AWS it comes from Cognito
 * (authorization code + PKCE, oidc-client-ts) and lives in memory only: never in localStorage.
 */
import type { components } from '../api/schema';

export type Role = components['schemas']['DevTokenRequest']['role'];

export interface Session {
  readonly token: string;
  readonly sub: string;
  readonly name: string;
  readonly agency: string;
  readonly role: Role;
}

export const isCentral = (s: Pick<Session, 'role'>): boolean =>
  s.role === 'central_admin' || s.role === 'central_officer';

/** A JWT's payload, unverified: the API verifies it; the console only reads who it names. */
export function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('not a JWT');
  return JSON.parse(
    new TextDecoder().decode(
      Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
    ),
  ) as Record<string, unknown>;
}

/** The claims the API reads (`agency`/`role`, or Cognito's `custom:` attributes). */
export function sessionFromToken(token: string, fallbackName?: string): Session {
  const claims = claimsOf(token);
  const text = (key: string): string | undefined =>
    typeof claims[key] === 'string' ? (claims[key] as string) : undefined;
  const agency = text('agency') ?? text('custom:agency');
  const role = text('role') ?? text('custom:role');
  const sub = text('sub');
  if (!agency || !role || !sub) throw new Error('the token has no agency, role or sub');
  return {
    token,
    sub,
    name: text('name') ?? text('email') ?? fallbackName ?? sub,
    agency,
    role: role as Role,
  };
}
