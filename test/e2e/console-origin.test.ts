/**
 * Attachments over HTTP and in Chromium against the embedded runtime: where the upload form goes when the console is opened at `http://localhost:<port>/`
 * (as the README tells an OIDC set-up to open it; in the demo, loopback by another name).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type TestBrowser } from '../support/browser.ts';
import { SMALL_PDF } from '../support/documents.ts';
import { api, forwardedCase, type RunningPantau, startPantau, users } from '../support/runtime.ts';

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

describe('the console opened at http://localhost:<port>/', () => {
  it('is given an upload form it can POST to from that page', async () => {
    const origin = pantau.url.replace('127.0.0.1', 'localhost');
    const http = api(origin);
    const central = await users(pantau.url)('setneg', 'central_officer');
    const created = await forwardedCase(http, central, ['polri']);
    const started = await http.post(
      `/v1/cases/${created.id}/attachments`,
      { name: 'surat.pdf', size: SMALL_PDF.byteLength },
      { token: central },
    );
    expect(started.status, started.text).toBe(201);
    const upload = started.body.upload as { url: string; fields: Record<string, string> };

    const page = await browser.newPage();
    // What the console's `upload` does: the fields, then the file, POSTed with fetch.
    const postFrom = async (pageOrigin: string) => {
      await page.goto(`${pageOrigin}/track`);
      return page.evaluate(
        async ({ url, fields, bytes }) => {
          const form = new FormData();
          for (const [k, v] of Object.entries(fields)) form.append(k, v);
          form.append('file', new Blob([new Uint8Array(bytes)]), 'surat.pdf');
          return fetch(url, { method: 'POST', body: form }).then(
            (r) => String(r.status),
            (e: unknown) => `failed: ${String(e)}`,
          );
        },
        { url: upload.url, fields: upload.fields, bytes: [...SMALL_PDF] },
      );
    };
    // The page at the address the runtime prints: the form goes.
    expect(await postFrom(pantau.url)).toBe('204');
    // The same runtime, opened as localhost: the form must go too.
    expect(await postFrom(origin), `POST from ${origin} to ${upload.url}`).toBe('204');
  });
});
