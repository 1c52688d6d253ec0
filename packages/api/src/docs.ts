/**
 * `/docs`: Swagger UI for the served OpenAPI document, from the `swagger-ui-dist` package's own
 * files (no CDN, so nothing unpinned runs in the page and `/docs` works offline), under a
 * Content-Security-Policy that allows this origin only. The assets answer on the same route
 * (`/docs?asset=…`), which is the one public docs route API Gateway and CloudFront know.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';

/** The files the page needs, by the name the page asks for them. */
const ASSETS = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
} as const;
type Asset = keyof typeof ASSETS | 'init.js';

/** Starts Swagger UI on the document; a file of its own, since the CSP forbids inline scripts. */
const INIT = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui' });
});
`;

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Pantau API</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/docs?asset=swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/docs?asset=swagger-ui-bundle.js"></script>
    <script src="/docs?asset=init.js"></script>
  </body>
</html>
`;

/** This origin only; Swagger UI sets element styles, hence `'unsafe-inline'` for styles alone. */
export const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Mounts `/docs`. `assetsDir` holds `swagger-ui.css` and `swagger-ui-bundle.js`: the package's
 * folder embedded, the files copied beside the bundle on Lambda; without it `/docs` says where
 * the document is.
 */
export function mountDocs(app: OpenAPIHono, assetsDir: string | undefined): void {
  const cache = new Map<string, Buffer>();
  app.get('/docs', async (c) => {
    c.header('content-security-policy', DOCS_CSP);
    c.header('x-content-type-options', 'nosniff');
    const asset = c.req.query('asset') as Asset | undefined;
    if (asset === undefined) {
      if (!assetsDir) return c.text('Swagger UI is not installed here; see /openapi.json', 404);
      return c.html(PAGE);
    }
    if (asset === 'init.js') {
      c.header('content-type', 'text/javascript; charset=utf-8');
      return c.body(INIT);
    }
    if (!assetsDir || !Object.hasOwn(ASSETS, asset)) return c.text('not found', 404);
    let body = cache.get(asset);
    if (!body) {
      body = await readFile(join(assetsDir, asset));
      cache.set(asset, body);
    }
    c.header('content-type', ASSETS[asset]);
    c.header('cache-control', 'public, max-age=3600');
    return c.body(new Uint8Array(body));
  });
}
