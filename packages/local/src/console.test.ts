import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withConsole } from './console.ts';

const dir = mkdtempSync(join(tmpdir(), 'pantau-console-'));
mkdirSync(join(dir, 'assets'));
writeFileSync(
  join(dir, 'index.html'),
  '<!doctype html><html><head><title>Pantau</title></head><body></body></html>',
);
writeFileSync(join(dir, 'assets/index-abc123.js'), 'export {};');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const api = () => new Response('{}', { headers: { 'content-type': 'application/json' } });
const get = async (
  path: string,
  oidc?: { issuer: string; clientId: string; domain?: string },
): Promise<Response> => withConsole(api, { dir, oidc })(new Request(`http://127.0.0.1${path}`));

/** The CSP's directives by name. */
const directives = (res: Response) =>
  new Map(
    (res.headers.get('content-security-policy') ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );

describe('the embedded console’s security headers: the policy CloudFront adds on AWS', () => {
  // infra/web.ts `SecurityHeaders`: without them the public form, the tracking page and the
  // staff pages could be framed by any site (clickjacking), with no CSP behind an XSS.
  it.each([
    '/',
    '/adukan',
    '/track',
    '/cases/01J0000000000000000000000',
    '/assets/index-abc123.js',
  ])('cannot be framed, and sniffs nothing: %s', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    const csp = directives(res);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    );
  });

  it('lets the complaint form’s ALTCHA widget run its workers and add its stylesheet', async () => {
    // Its proof of work runs in workers made from blob: URLs, and it adds a <style> with the
    // nonce it finds in <meta name="csp-nonce">: never 'unsafe-inline'.
    const pages = await Promise.all(['/', '/adukan', '/index.html'].map((path) => get(path)));
    const nonces = new Set<string>();
    for (const res of pages) {
      const csp = directives(res);
      expect(csp.get('worker-src')).toEqual(["'self'", 'blob:']);
      const [self, nonce, ...rest] = csp.get('style-src') ?? [];
      expect([self, rest]).toEqual(["'self'", []]);
      const value = /^'nonce-([A-Za-z0-9+/=]{16,})'$/.exec(nonce ?? '')?.[1];
      expect(value, nonce).toBeDefined();
      expect(await res.text()).toContain(`<meta name="csp-nonce" content="${value}" />`);
      expect(res.headers.get('last-modified')).toBeNull();
      nonces.add(value!);
    }
    expect(nonces.size).toBe(3);
  });

  it('lets the console reach its identity provider, and nothing else but its own origin', async () => {
    const res = await get('/', {
      issuer: 'https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_abc',
      clientId: 'console',
      domain: 'https://pantau.auth.ap-southeast-3.amazoncognito.com',
    });
    const csp = directives(res);
    expect(csp.get('connect-src')).toEqual([
      "'self'",
      'https://cognito-idp.ap-southeast-3.amazonaws.com',
      'https://pantau.auth.ap-southeast-3.amazoncognito.com',
    ]);
    expect(csp.get('form-action')).toEqual([
      "'self'",
      'https://pantau.auth.ap-southeast-3.amazoncognito.com',
    ]);
    expect(directives(await get('/')).get('connect-src')).toEqual(["'self'"]);
  });
});
