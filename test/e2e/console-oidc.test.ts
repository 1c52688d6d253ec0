/// <reference lib="dom" />
/**
 * The AWS sign-in path of the console in Chromium, against a real OIDC provider on localhost
 * configured like a Cognito user pool: authorization code with PKCE, the ID token sent to the
 * API, nothing stored in localStorage or sessionStorage, a reload signing in again through the
 * provider's session, and sign-out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freePort } from '@pantau/local';
import { openBrowser, mainScreen, type TestBrowser } from '../support/browser.ts';
import { startOidcProvider, type RunningProvider } from '../support/oidc.ts';
import { type RunningPantau, startPantau } from '../support/runtime.ts';

const CLIENT_ID = 'pantau-console';
let provider: RunningProvider;
let pantau: RunningPantau;
let browser: TestBrowser;
let page: Page;
const apiCalls: { path: string; authorization: string | null }[] = [];
const authorizeRequests: URL[] = [];

beforeAll(async () => {
  const [consolePort, providerPort] = [await freePort(), await freePort()];
  const consoleUrl = `http://127.0.0.1:${consolePort}`;
  provider = await startOidcProvider({ port: providerPort, clientId: CLIENT_ID, consoleUrl });
  pantau = await startPantau({
    env: {
      PORT: String(consolePort),
      PANTAU_OIDC_ISSUER: provider.issuer,
      PANTAU_OIDC_CLIENT_ID: CLIENT_ID,
    },
  });
  browser = await openBrowser();
  page = await (await browser.newContext({ locale: 'id-ID' })).newPage();
  page.setDefaultTimeout(15_000);
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === provider.issuer && url.pathname === '/auth') authorizeRequests.push(url);
    if (url.pathname.startsWith('/v1/')) {
      apiCalls.push({
        path: url.pathname,
        authorization: request.headers()['authorization'] ?? null,
      });
    }
  });
});

afterAll(async () => {
  await browser?.close();
  await pantau?.stop();
  await provider?.stop();
});

/** Every value in both web storages, to look for tokens in. */
const stored = () =>
  page.evaluate(() =>
    [localStorage, sessionStorage].flatMap((s) =>
      Object.keys(s).map((k) => `${k}=${s.getItem(k) ?? ''}`),
    ),
  );

describe('console sign-in with an OIDC provider (the AWS path)', () => {
  it('signs in with the authorization code and PKCE, and calls the API with the ID token', async () => {
    // A tab without a user goes on its own to the provider (no click on "Masuk").
    await page.goto(`${pantau.url}/queue`);

    // The provider's own pages: the request carried a PKCE challenge.
    await page.waitForURL((u) => u.origin === provider.issuer);
    const authorize = authorizeRequests[0]!.searchParams;
    expect(authorize.get('response_type')).toBe('code');
    expect(authorize.get('client_id')).toBe(CLIENT_ID);
    expect(authorize.get('code_challenge_method')).toBe('S256');
    expect(authorize.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authorize.get('redirect_uri')).toBe(`${pantau.url}/auth/callback`);
    await page.getByRole('textbox').first().fill('polri-officer');
    await page.locator('input[type=password]').fill('any');
    await page.getByRole('button', { name: /sign-in/i }).click();
    await page.getByRole('button', { name: /continue/i }).click();

    await page.waitForURL((u) => u.origin === pantau.url && u.pathname === '/queue');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toBe('Antrean pengaduan');
    // The agency's name arrives with its own request after the page: wait for it.
    await expect
      .poll(() => page.locator('header').innerText())
      .toContain('Kepolisian Negara Republik Indonesia');
    expect(await page.locator('header').innerText()).toContain('Bripka Andi');

    const call = apiCalls.find((c) => c.path === '/v1/queue');
    expect(call?.authorization).toMatch(/^Bearer eyJ/);
    const claims = JSON.parse(
      Buffer.from(call!.authorization!.split('.')[1]!, 'base64url').toString(),
    ) as Record<string, unknown>;
    expect(claims).toMatchObject({
      iss: provider.issuer,
      aud: CLIENT_ID,
      'custom:agency': 'polri',
      'custom:role': 'agency_officer',
    });
    // The token is nowhere in the browser's storage.
    const token = call!.authorization!.slice('Bearer '.length);
    expect((await stored()).some((value) => value.includes(token))).toBe(false);
    expect((await stored()).some((value) => value.includes('eyJ'))).toBe(false);
    await mainScreen(page, '19-oidc-signed-in');
  });

  it('renews the tokens in the background (refresh token, in memory) and calls the API with the new one', async () => {
    const first = apiCalls.at(-1)!.authorization;
    // The ID token lives 65 s; the client renews it 60 s before it expires.
    await new Promise((done) => setTimeout(done, 8_000));
    await page.getByRole('link', { name: 'Surat' }).click();
    await expect
      .poll(() => apiCalls.filter((c) => c.path === '/v1/notifications').at(-1)?.authorization)
      .toMatch(/^Bearer eyJ/);
    const renewed = apiCalls.filter((c) => c.path === '/v1/notifications').at(-1)!.authorization;
    expect(renewed).not.toBe(first);
    expect((await stored()).some((value) => value.includes('eyJ'))).toBe(false);
  });

  it('a call the API refused for an expired token (a tab asleep past its renewal) renews and stays on the page', async () => {
    // A phone's frozen timers or a closed lid miss the background renewal: the API refuses the
    // next call (401). The console renews with the refresh token and sends the call again.
    const tokenRequests: string[] = [];
    const onRequest = (request: { url(): string; postData(): string | null }) => {
      const url = new URL(request.url());
      if (url.origin === provider.issuer && url.pathname === '/token') {
        tokenRequests.push(new URLSearchParams(request.postData() ?? '').get('grant_type') ?? '');
      }
    };
    page.on('request', onRequest);
    // The ID tokens the provider issued, in order (the API is called with the ID token).
    const issued: string[] = [];
    const onResponse = async (response: { url(): string; json(): Promise<unknown> }) => {
      const url = new URL(response.url());
      if (url.origin !== provider.issuer || url.pathname !== '/token') return;
      const body = (await response.json().catch(() => ({}))) as { id_token?: string };
      if (body.id_token) issued.push(body.id_token);
    };
    page.on('response', onResponse);
    // The person stays where they were: no sign-in page, no trip to the provider.
    const visited: string[] = [];
    const onNavigated = (frame: { url(): string; parentFrame(): unknown }) => {
      if (frame.parentFrame() === null) visited.push(frame.url());
    };
    page.on('framenavigated', onNavigated);
    let refused: string | null = null;
    let refusedUrl = '';
    // How many ID tokens had been issued when the call was refused.
    let issuedBefore = 0;
    // What went through after the refusal: the page's other calls, and the refused one again.
    const after: { url: string; authorization: string | undefined }[] = [];
    await page.route('**/v1/queue**', async (route) => {
      if (refused !== null) {
        after.push({
          url: route.request().url(),
          authorization: route.request().headers()['authorization'],
        });
        return route.continue();
      }
      refused = route.request().headers()['authorization'] ?? '';
      refusedUrl = route.request().url();
      issuedBefore = issued.length;
      return route.fulfill({
        status: 401,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'about:blank',
          title: 'Unauthorized',
          status: 401,
          code: 'unauthorized',
          detail: 'The token has expired.',
        }),
      });
    });

    await page.getByRole('link', { name: 'Antrean' }).click();

    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toBe('Antrean pengaduan');
    // The refused call, sent again with a token issued after the refusal (not the page's other
    // calls, which may go with the old one, still valid here, before or after it). Not "another
    // token": the test provider's ID tokens carry no jti, so one renewed within the second the
    // refused one was issued in is the same string (Cognito's carry a jti).
    await expect
      .poll(() =>
        after.some(
          (c) =>
            c.url === refusedUrl &&
            issued.slice(issuedBefore).some((t) => c.authorization === `Bearer ${t}`),
        ),
      )
      .toBe(true);
    expect(refused).toMatch(/^Bearer eyJ/);
    expect(new URL(page.url()).pathname).toBe('/queue');
    expect(tokenRequests).toContain('refresh_token');
    expect(tokenRequests).not.toContain('authorization_code');
    expect(visited.map((u) => new URL(u).pathname)).toEqual(['/queue']);
    expect(await page.getByText('Sesi Anda berakhir').count()).toBe(0);
    expect((await stored()).some((value) => value.includes('eyJ'))).toBe(false);
    await page.unroute('**/v1/queue**');
    page.off('request', onRequest);
    page.off('response', onResponse);
    page.off('framenavigated', onNavigated);
  });

  it('a case opened in a new tab is signed in through the provider’s session, without a password or a click', async () => {
    const tab = await page.context().newPage();
    await tab.goto(`${pantau.url}/letters`);
    await tab.waitForURL((u) => u.origin === provider.issuer || u.pathname === '/letters');
    if (new URL(tab.url()).origin === provider.issuer) {
      expect(await tab.locator('input[type=password]').count()).toBe(0);
      await tab.getByRole('button', { name: /continue/i }).click();
    }
    await tab.waitForURL((u) => u.origin === pantau.url && u.pathname === '/letters');
    await expect.poll(() => tab.locator('header').innerText()).toContain('Bripka Andi');
    // Still nothing in storage: the new tab's tokens are in its memory too.
    expect(
      (await tab.evaluate(() => [JSON.stringify(localStorage), JSON.stringify(sessionStorage)]))
        .join('')
        .includes('eyJ'),
    ).toBe(false);
    await tab.close();
  });

  it('a reload forgets the token; signing in again goes through the provider’s session without a password', async () => {
    const path = new URL(page.url()).pathname;
    await page.reload();
    // The provider remembers the user: at most a confirmation, never the password again.
    await page.waitForURL((u) => u.origin === provider.issuer || u.pathname === path);
    if (new URL(page.url()).origin === provider.issuer) {
      expect(await page.locator('input[type=password]').count()).toBe(0);
      await page.getByRole('button', { name: /continue/i }).click();
    }
    // Back on the page it was reloaded on.
    await page.waitForURL((u) => u.origin === pantau.url && u.pathname === path);
    await expect.poll(() => page.locator('header').innerText()).toContain('Bripka Andi');
  });

  it('signs out', async () => {
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.waitForURL((u) => u.pathname === '/signin');
    await page.goto(`${pantau.url}/queue`);
    await page.waitForURL((u) => u.pathname === '/signin');
  });
});
