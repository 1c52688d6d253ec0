/**
 * Rendering a piece of the console in jsdom: the providers it needs (language, a signed-in
 * session from a real-looking token), and a stand-in for the network that records each call.
 */
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { SessionProvider, useSession } from '../src/auth/session-context';
import type { Role } from '../src/auth/session';
import type { Lang } from '../src/format';
import { I18nProvider } from '../src/i18n/i18n';

export interface Call {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
}

type Handler = (call: Call) => Response | Promise<Response> | { status: number; body: unknown };

/** Every request goes to `handler`; the calls are kept in order. */
export function mockApi(handler: Handler): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (request: Request | string, init?: RequestInit) => {
    // The API client sends a Request; a download fetches its path.
    const input =
      typeof request === 'string' ? new Request(new URL(request, location.href), init) : request;
    const url = new URL(input.url);
    const text = await input.text();
    const call: Call = {
      method: input.method,
      path: url.pathname + url.search,
      headers: input.headers,
      // A JSON body as its value; another (a file upload's form) as its text.
      body: text ? jsonOrText(text) : undefined,
    };
    calls.push(call);
    const answer = await handler(call);
    if (answer instanceof Response) return answer;
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: {
        'content-type': answer.status >= 400 ? 'application/problem+json' : 'application/json',
      },
    });
  });
  return calls;
}

export const json = (status: number, body: unknown) => ({ status, body });

function jsonOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** An unsigned JWT-shaped token: the console reads its claims, the API (absent here) checks it. */
export function fakeToken(claims: { sub: string; agency: string; role: Role }): string {
  const part = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '');
  return `${part({ alg: 'none' })}.${part({ ...claims, exp: Math.floor(Date.now() / 1000) + 3600 })}.x`;
}

export function renderWith(
  ui: ReactNode,
  options: {
    lang?: Lang;
    as?: { agency: string; role: Role };
    path?: string;
  } = {},
): RenderResult & { location: () => string } {
  if (options.as) {
    const token = fakeToken({ sub: 'u1', ...options.as });
    localStorage.setItem(
      'pantau.session',
      JSON.stringify({ token, sub: 'u1', name: 'Uji', ...options.as }),
    );
  }
  const memory = memoryLocation({ path: options.path ?? '/', record: true });
  const result = render(
    <Router hook={memory.hook}>
      <I18nProvider lang={options.lang ?? 'id'}>
        <SessionProvider config={{ auth: { kind: 'local' } }}>
          <Ready signedIn={options.as !== undefined}>{ui}</Ready>
        </SessionProvider>
      </I18nProvider>
    </Router>,
  );
  return { ...result, location: () => memory.history?.at(-1) ?? '' };
}

/** As the app's guard does: pages behind sign-in render once the session is restored. */
function Ready({ signedIn, children }: { signedIn: boolean; children: ReactNode }) {
  const { ready, session } = useSession();
  if (!ready || (signedIn && !session)) return null;
  return <>{children}</>;
}
