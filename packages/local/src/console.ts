/**
 * The web console in the embedded runtime: its built files at `/` (deep links fall back to
 * index.html, as CloudFront does on AWS), `/config.json` saying how to sign in (demo users, or
 * an OIDC provider such as a Cognito user pool), and every API path handed to the API app.
 * Same origin as the API, like on AWS: no CORS.
 */
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { existsSync, readdirSync, statSync } from 'node:fs';
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
    web.use(
      '/assets/*',
      serveStatic({
        root: dir,
        // Vite names assets by content hash: a changed file is a new name.
        onFound: (_path, c) => c.header('cache-control', 'public, max-age=31536000, immutable'),
      }),
    );
    web.use('*', serveStatic({ root: dir }));
    web.get('*', (c, next) => {
      // A deep link (`/cases/01J…`, `/track/ABCD`) is the app's; a missing file is a 404.
      if (/\.[a-z0-9]+$/i.test(c.req.path)) return next();
      c.header('cache-control', 'no-cache');
      return serveStatic({ root: dir, path: 'index.html' })(c, next);
    });
  } else {
    web.get('*', (c) =>
      c.text('The web console is not built: run `npm run build` (npm start does it).', 503),
    );
  }
  return (request, env) =>
    API_PATH.test(new URL(request.url).pathname) ? api(request, env) : web.fetch(request, env);
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
