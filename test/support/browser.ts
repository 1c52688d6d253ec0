/// <reference lib="dom" />
/**
 * Debian's Chromium headless shell driven by playwright-core (no browser download: `.ci/run`
 * installs the `chromium-headless-shell` package when it is missing). Screenshots of each main
 * screen go to SCREENSHOTS.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type CDPSession,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core';
import { expect } from 'vitest';
import { onDemand } from '@pantau/documents/on-demand';
import { DEMO_USERS } from '@pantau/local';
import type { Role } from '@pantau/core';

/**
 * Chromium's headless shell: the same Blink, V8 and Skia as the browser (its version is
 * Debian's `chromium`'s), without the browser's own UI layer, and what Playwright itself runs
 * headless. Pages render alike (the desk's screenshot at 1,366 px: 69 of its 4.2 million
 * colour values differ, each by one level) and cost about 30 % less CPU than in the full
 * browser's headless mode (four console files: 129 against 90 CPU-s, 121 against 92 s; issue
 * 17, goal 5). `CHROMIUM_PATH=/usr/bin/chromium` runs them in the full browser.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium-headless-shell';
export const SCREENSHOTS = join(import.meta.dirname, '../../test-results/screenshots');

function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} not found: install Chromium's headless shell (apt-get install -y chromium-headless-shell), as .ci/run does`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    // Without the background-networking flags Chromium keeps dialling Google's hosts, which
    // this sandbox refuses; as root it needs --no-sandbox.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A test file's part of the worker's Chromium: the contexts it opened, closed together. */
export interface TestBrowser {
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** Closes this file's contexts (and their pages); the browser serves the worker's next file. */
  close(): Promise<void>;
}

/**
 * One Chromium per test worker, started by the first file that asks: the e2e tier's workers
 * serve file after file (`isolate: false` in vitest.config.ts), and a browser start cost each
 * console file about 4.5 s of CPU. Files share nothing else: each opens its own contexts
 * (cookies, storage, viewport, locale) and closes them in `afterAll`. Playwright stops the
 * browser when the worker exits.
 */
let shared = onDemand(launchChromium);

export async function openBrowser(): Promise<TestBrowser> {
  let browser = await shared();
  if (!browser.isConnected()) {
    shared = onDemand(launchChromium);
    browser = await shared();
  }
  const contexts = new Set<BrowserContext>();
  const newContext = async (options?: BrowserContextOptions) => {
    const context = await browser.newContext(options);
    contexts.add(context);
    return context;
  };
  return {
    newContext,
    newPage: async (options) => (await newContext(options)).newPage(),
    close: async () => {
      await Promise.all([...contexts].map((c) => c.close()));
      contexts.clear();
    },
  };
}

/** True when the page is no wider than its viewport (nothing to scroll sideways). */
export const fitsWidth = (p: Page): Promise<boolean> =>
  p.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

/**
 * The words under `root` that a line break cut in two ("penegas" over "an"): each word's own
 * boxes, measured, where a whole word has one. A break after a slash or a hyphen is a word's
 * own ("Agraria/" over "Badan"), so those parts count as words.
 */
export const wordsSplit = (root: Locator): Promise<string[]> =>
  root.evaluateAll((elements) =>
    elements.flatMap((element) => {
      const split: string[] = [];
      const walk = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walk.nextNode(); node; node = walk.nextNode()) {
        // Unseen text (a visually hidden caption, a phone's clipped table head: 1 px wide)
        // breaks anywhere and is heard whole.
        let box = node.parentElement;
        while (box && box !== element && box.getBoundingClientRect().width > 1)
          box = box.parentElement;
        if (box && box !== element) continue;
        const text = node.textContent ?? '';
        for (const word of text.matchAll(/[^\s/\-–]+/g)) {
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          const lines = new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top)));
          if (lines.size > 1) split.push(word[0]);
        }
      }
      return split;
    }),
  );

/** A phone's screen (390 × 844), in Indonesian, in WIB: a context of this file's browser. */
export const phoneContext = (browser: TestBrowser): Promise<BrowserContext> =>
  browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    isMobile: true,
    hasTouch: true,
  });

/** Where the screenshot `name` goes: `SCREENSHOTS/<name>.png`, the folder made if need be. */
export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${name}.png`);
}

/** Each page's DevTools session, opened by its first screenshot. */
const devTools = new WeakMap<Page, Promise<CDPSession>>();

/**
 * The whole page, below the fold too, as `SCREENSHOTS/<name>.png`. Asked of Chromium directly
 * (`Page.captureScreenshot` beyond the viewport, encoded for speed) rather than through
 * Playwright's `fullPage`: a 1280 × 3,288 case page took 544 ms that way (its median of 6) and
 * 294 ms this way; about 120 screens a run are photographed (issue 17, goal 5).
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  let session = devTools.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    devTools.set(page, session);
  }
  const cdp = await session;
  // The page's whole content, or the window where the content is shorter (as a person sees it).
  const { cssContentSize: content, cssLayoutViewport: view } =
    await cdp.send('Page.getLayoutMetrics');
  const { data } = await cdp.send('Page.captureScreenshot', {
    format: 'png',
    captureBeyondViewport: true,
    optimizeForSpeed: true,
    clip: {
      x: 0,
      y: 0,
      width: Math.ceil(Math.max(content.width, view.clientWidth)),
      height: Math.ceil(Math.max(content.height, view.clientHeight)),
      scale: 1,
    },
  });
  writeFileSync(screenshotPath(name), Buffer.from(data, 'base64'));
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * WCAG 2.2 A/AA violations axe-core finds on the page as it is now (labels, names, contrast,
 * landmarks, ARIA use), as `rule: target, target…` lines: empty when clean.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // Once per document: a screen reached inside the app (no page load) still has it. Evaluated,
  // not added as a <script>: the console's CSP (script-src 'self') refuses an inline script.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
      .axe;
    const result = (await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'],
      },
      // Only violations are read: axe then keeps one node of each other result type, not all.
      resultTypes: ['violations'],
    })) as { violations: { id: string; nodes: { target: string[] }[] }[] };
    return result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  });
  return violations;
}

/** The name of an agency's demo user in a role (`/dev/users`). */
export function demoUserName(agency: string, role: Role): string {
  const user = DEMO_USERS.find((u) => u.agency === agency && u.role === role);
  if (!user) throw new Error(`no demo user ${role} in ${agency}`);
  return user.name;
}

/**
 * The sign-in page's button for an agency's demo user in a role: the person's name, then the
 * role ("Dimas Anggara — Petugas pusat").
 */
export const demoUser = (agency: string, role: Role): RegExp =>
  new RegExp(`^${demoUserName(agency, role)} — `);

/** Signs in on the embedded sign-in page as the demo user whose button matches `name`. */
export async function signInAs(page: Page, url: string, name: RegExp): Promise<void> {
  // Whatever a failed step before left signed in, start clean.
  await page.goto(`${url}/track`);
  await page.evaluate(() => {
    sessionStorage.clear();
    localStorage.removeItem('pantau.session');
  });
  await page.goto(`${url}/signin`);
  await page.getByRole('button', { name }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Keluar' }).click();
  await page.waitForURL((u) => u.pathname === '/signin');
}

/**
 * Waits until every desk card has loaded: cards with nothing in them then leave the page, and
 * what was below them moves up. A click aimed before that (on a busy machine) can land on
 * whatever moved into its place.
 */
export async function deskSettled(page: Page): Promise<void> {
  const summary = page.locator('nav.desk-summary');
  await summary.waitFor();
  await expect.poll(() => summary.innerText(), { timeout: 15_000 }).not.toContain('Memuat');
}

/** One of a case page's actions (a disclosure with its form), by its title. */
export const action = (page: Page, title: string | RegExp) =>
  page.locator('details.action').filter({ has: page.locator('summary', { hasText: title }) });

/**
 * Opens an action's `<details>` as a person would, clicking its summary until it stays open: a
 * page that re-renders after the previous action (its data reloaded) may close it again.
 */
export async function openAction(details: Locator): Promise<void> {
  await expect
    .poll(
      async () => {
        if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open)))
          await details.locator('summary').click();
        return details.evaluate((d) => (d as HTMLDetailsElement).open);
      },
      { timeout: 15_000 },
    )
    .toBe(true);
}

/**
 * What must never be on a screen: zod's words ("expected … received undefined", in English or
 * Indonesian), a regex, or a raw record id (a ULID: 26 Crockford base32 characters).
 */
export const LEAKED_TEXT = /expected|diharapkan|undefined|\/\^|\b[0-9A-HJKMNP-TV-Z]{26}\b/;

/**
 * The screen's text as a person reads it, checked for what must never be shown: letters' bodies
 * included, which name the case by its agenda number.
 */
export async function plainText(page: Page, name: string): Promise<void> {
  const text = await page.locator('body').innerText();
  expect(text.match(LEAKED_TEXT)?.[0], `${name}: ${text.slice(0, 2000)}`).toBeUndefined();
}

/**
 * A main screen, once nothing on it is still loading: its screenshot, no problem shown (a
 * failed call would be one), no leaked text (zod's words, a regex, a raw id), and no WCAG 2.2
 * A/AA violation that axe-core can find.
 */
export async function mainScreen(page: Page, name: string): Promise<void> {
  // The screen as it settles, not half loaded: the checks below would pass on a blank card.
  await expect.poll(() => page.locator('.loading').count(), { timeout: 15_000 }).toBe(0);
  await screenshot(page, name);
  expect(await page.locator('.alert-error').allInnerTexts(), name).toEqual([]);
  await plainText(page, name);
  expect(await accessibilityViolations(page), name).toEqual([]);
}
