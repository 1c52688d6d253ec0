/**
 * Embedded runtime sign-in: pick a demo user, get a token from `/dev/tokens`. The session is
 * kept in localStorage, so a case opened in a new tab (a middle click, a link in a letter) is
 * still signed in: the embedded runtime's demo tokens only ever reach this machine. (On AWS the
 * tokens stay in memory; a new tab signs in again through Cognito's session, `cognito.ts`.)
 */
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { claimsOf, type Session, sessionFromToken } from './session';

export type DemoUser = components['schemas']['DevUser'];

const KEY = 'pantau.session';

export async function demoUsers(): Promise<DemoUser[]> {
  return (await unwrap(api.GET('/dev/users'))).items;
}

export async function signInAs(user: DemoUser): Promise<Session> {
  const { token } = await unwrap(
    api.POST('/dev/tokens', { body: { sub: user.sub, agency: user.agency, role: user.role } }),
  );
  const session = { ...sessionFromToken(token), name: user.name };
  localStorage.setItem(KEY, JSON.stringify(session));
  return session;
}

export function restoreLocal(): Session | null {
  const raw = localStorage.getItem(KEY);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Session;
    const { exp } = claimsOf(session.token);
    return typeof exp === 'number' && exp * 1000 < Date.now() ? null : session;
  } catch {
    return null;
  }
}

export function signOutLocal(): void {
  localStorage.removeItem(KEY);
}
