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

  it('adds nothing to the AWS policy for the complaint form’s widget: no blob: workers, no inline style', async () => {
    // The widget's stylesheet and worker are files of this origin (packages/web/src/pages/
    // altcha.ts), as the policy CloudFront sends on AWS requires; test/e2e/console-complain.test.ts
    // solves a challenge with it in Chromium under this policy.
    for (const path of ['/', '/adukan', '/index.html']) {
      const csp = directives(await get(path));
      expect(csp.get('style-src')).toEqual(["'self'"]);
      expect(csp.has('worker-src')).toBe(false);
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('script-src') ?? csp.get('default-src')).not.toContain('blob:');
    }
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
