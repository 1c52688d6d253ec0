/**
 * `/docs` as a developer opens it, in Chromium: Swagger UI comes from the runtime itself (no
 * CDN: nothing unpinned runs in the page, and it works offline), under a CSP that allows this
 * origin only, and shows the API's operations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshot, type TestBrowser } from '../support/browser.ts';
import { type RunningPantau, startPantau } from '../support/runtime.ts';

let pantau: RunningPantau;
let browser: TestBrowser;

beforeAll(async () => {
  pantau = await startPantau();
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
  await pantau?.stop();
});

describe('/docs', () => {
  it('serves Swagger UI from this origin only and renders the operations', async () => {
    const page = await browser.newPage();
    const elsewhere: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(pantau.url) && !r.url().startsWith('data:')) elsewhere.push(r.url());
    });
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    const res = await page.goto(`${pantau.url}/docs`);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.locator('.opblock').first().waitFor({ timeout: 30_000 });
    await expect(page.locator('.opblock-summary-path').allInnerTexts()).resolves.toContain(
      '/v1/agencies',
    );
    await screenshot(page, 'docs');
    expect(elsewhere).toEqual([]);
    expect(problems).toEqual([]);
    expect(await page.locator('.opblock').count()).toBeGreaterThan(30);
  });

  it('refuses any file but its own', async () => {
    for (const asset of [
      '../package.json',
      'index.html',
      'swagger-ui-bundle.js.map',
      'constructor',
    ]) {
      const r = await fetch(`${pantau.url}/docs?asset=${encodeURIComponent(asset)}`);
      expect(r.status, asset).toBe(404);
    }
  });
});
