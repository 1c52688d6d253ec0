/**
 * The web console in the embedded runtime: its built files at `/` (deep links fall back to
 * index.html, as CloudFront does on AWS), `/config.json` saying how to sign in (demo users, or
 * an OIDC provider such as a Cognito user pool), and every API path handed to the API app.
 * Same origin as the API, like on AWS: no CORS.
 */
import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_DIR = fileURLToPath(new URL('../../web', import.meta.url));
export const CONSOLE_DIR = join(WEB_DIR, 'dist');

const API_PATH = /^\/(?:v1|dev)(?:\/|$)|^\/(?:health|openapi\.json|docs)$/;

/** A fetch handler; `env` carries Node's request bindings (the client's socket) through. */
type Fetch = (request: Request, env?: object) => Response | Promise<Response>;

/** An OIDC provider the console signs in with (authorization code + PKCE). */
export interface ConsoleOidc {
  readonly issuer: string;
  readonly clientId: string;
  /** Cognito's hosted domain, for its logout endpoint. */
  readonly domain?: string | undefined;
}

export function withConsole(
  api: Fetch,
  options: { dir?: string; oidc?: ConsoleOidc | undefined } = {},
): Fetch {
  const dir = options.dir ?? CONSOLE_DIR;
  const oidc = options.oidc;
  const web = new Hono();
  web.use(consoleHeaders(oidc));
  web.get('/config.json', (c) => {
    c.header('cache-control', 'no-store');
    if (!oidc) return c.json({ auth: { kind: 'local' } });
    // The same shape infra/web.ts writes on AWS, for wherever the browser reached us.
    const origin = new URL(c.req.url).origin;
    return c.json({
      auth: {
        kind: 'cognito',
        authority: oidc.issuer,
        clientId: oidc.clientId,
        ...(oidc.domain ? { domain: oidc.domain } : {}),
        redirectUri: `${origin}/auth/callback`,
        logoutUri: `${origin}/`,
      },
    });
  });
  if (existsSync(join(dir, 'index.html'))) {
    // The app's page, at `/` and every deep link (revalidated each time: it names the assets).
    const page = async (c: Context) => {
      c.header('cache-control', 'no-cache');
      return c.html(await readFile(join(dir, 'index.html'), 'utf8'));
    };
    web.use(
      '/assets/*',
      serveStatic({
        root: dir,
        // Vite names assets by content hash: a changed file is a new name.
        onFound: (_path, c) => c.header('cache-control', 'public, max-age=31536000, immutable'),
      }),
    );
    web.get('/', page);
    web.get('/index.html', page);
    web.use('*', serveStatic({ root: dir }));
    web.get('*', (c, next) =>
      // A deep link (`/cases/01J…`, `/track/ABCD`) is the app's; a missing file is a 404.
      /\.[a-z0-9]+$/i.test(c.req.path) ? next() : page(c),
    );
  } else {
    web.get('*', (c) =>
      c.text('The web console is not built: run `npm run build` (npm start does it).', 503),
    );
  }
  return (request, env) =>
    API_PATH.test(new URL(request.url).pathname) ? api(request, env) : web.fetch(request, env);
}

/**
 * The security headers CloudFront adds to the console on AWS (infra/web.ts, `SecurityHeaders`),
 * so that here too no site can frame the console or the public pages (the complaint form, the
 * tracking page), and a CSP stands behind any XSS in a page that holds a staff token. As there,
 * the API's own paths go without: they answer JSON (and /docs, Swagger UI, is not the console).
 *
 * - The console calls the API and posts upload forms on its own origin; oidc-client-ts reads
 *   the issuer's discovery document and keys and redeems codes at its token endpoint, on the
 *   issuer's host or Cognito's hosted domain (a provider whose endpoints are elsewhere needs
 *   them added here). Sign-in and sign-out are navigations.
 * - The same policy as there, nothing added: the complaint form's ALTCHA widget is its
 *   "external" build, its stylesheet and worker files of this origin
 *   (packages/web/src/pages/altcha.ts), so it runs under it here as on AWS.
 * - Hono's other defaults (COOP, CORP, …) stay: the console opens no popup and is embedded
 *   nowhere.
 */
function consoleHeaders(oidc: ConsoleOidc | undefined) {
  const hosted = oidc?.domain ? [new URL(oidc.domain).origin] : [];
  const signIn = oidc ? [new URL(oidc.issuer).origin, ...hosted] : [];
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      connectSrc: ["'self'", ...new Set(signIn)],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      styleSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'", ...hosted],
      frameAncestors: ["'none'"],
    },
    strictTransportSecurity: 'max-age=31536000; includeSubDomains',
    xFrameOptions: 'DENY',
    referrerPolicy: 'strict-origin-when-cross-origin',
  });
}

/** Newest modification time under a path (files and folders), skipping build output. */
function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path)
    .filter((name) => name !== 'dist' && name !== 'node_modules')
    .reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

/**
 * Builds the console with Vite when it is missing or older than its sources, so `npm start`
 * on a fresh clone (or after a pull) shows the console of this checkout.
 */
export async function buildConsoleIfStale(log: (line: string) => void): Promise<void> {
  const index = join(CONSOLE_DIR, 'index.html');
  const sources = ['src', 'index.html', 'vite.config.ts', 'package.json'].map((p) =>
    join(WEB_DIR, p),
  );
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  if (built > 0 && sources.every((s) => !existsSync(s) || newest(s) <= built)) return;
  log('Building the web console (vite build)…');
  await buildConsole();
}

/** The console's production build (`npm start`, and `bench:console` into a folder of its own). */
export async function buildConsole(
  options: { outDir?: string; manifest?: boolean; sourcemap?: boolean } = {},
): Promise<void> {
  const { build } = await import('vite');
  // Vite follows NODE_ENV when set (a test runner sets `test`): the console is always the
  // production build, React's included.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: WEB_DIR,
      logLevel: 'warn',
      configFile: join(WEB_DIR, 'vite.config.ts'),
      build: {
        ...(options.outDir ? { outDir: options.outDir, emptyOutDir: true } : {}),
        ...(options.manifest ? { manifest: true } : {}),
        ...(options.sourcemap === false ? { sourcemap: false } : {}),
      },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
