/**
 * The embedded runtime configured with a real identity provider (`PANTAU_OIDC_ISSUER`), as an
 * attacker meets it: no development routes to mint a token with, and every operation of the
 * served OpenAPI document refusing each kind of hostile token (never a 2xx, never a 5xx).
 *
 * The provider's URL answers nothing (a closed port on loopback): no token here is the
 * provider's, and the local issuer stays trusted beside it, so that valid tokens for the
 * fixtures and the controls are signed with its key from the data dir.
 */
import { exportSPKI, importJWK, type JWK, SignJWT } from 'jose';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, LOCAL_AUDIENCE, LOCAL_ISSUER } from '@pantau/local';
import {
  type Api,
  api,
  expectProblem,
  forwardedCase,
  type Json,
  type RunningPantau,
  startPantau,
} from '../support/runtime.ts';

let pantau: RunningPantau;
let http: Api;
let jwk: JWK;
let fixtures: { caseId: string; requestId: string; activityId: string };
/** Every operation that takes a token, by 'METHOD /path'. */
let operations: Map<string, { requestBody?: unknown }>;

/** A token signed with the local issuer's own key (from the data dir), claims as given. */
async function signed(
  claims: Record<string, unknown>,
  options: { issuer?: string; expires?: boolean } = {},
): Promise<string> {
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: jwk.kid! })
    .setSubject('intruder')
    .setIssuer(options.issuer ?? LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt();
  if (options.expires !== false) jwt.setExpirationTime('1h');
  return jwt.sign(await importJWK(jwk, 'RS256'));
}

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
/** Unsigned (`alg: none`), with an hour to live. */
const unsigned = (claims: Record<string, unknown>) => {
  const now = Math.floor(Date.now() / 1000);
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'intruder', aud: LOCAL_AUDIENCE, iat: now, exp: now + 3600, ...claims })}.`;
};

/** HS256 with the issuer's public key as the HMAC secret (the algorithm-confusion attack). */
async function hmacWithPublicKey(secret: string): Promise<string> {
  return new SignJWT({ agency: 'setneg', role: 'central_admin' })
    .setProtectedHeader({ alg: 'HS256', kid: jwk.kid! })
    .setSubject('intruder')
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(secret));
}

/** Names Object.prototype answers to: a plain object used as the issuer table found them. */
const BUILT_IN_NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];
const ADMIN = { agency: 'setneg', role: 'central_admin' };

/** Each hostile kind: its tokens (several forms of one attack). */
const HOSTILE: Record<string, () => Promise<string[]>> = {
  'an issuer naming a built-in property': async () => [
    ...BUILT_IN_NAMES.map((iss) => unsigned({ ...ADMIN, iss })),
    ...BUILT_IN_NAMES.map((iss) => unsigned({ iss })), // no claims at all, as the review found
    ...(await Promise.all(BUILT_IN_NAMES.map((issuer) => signed(ADMIN, { issuer })))),
  ],
  'alg none': async () => [unsigned({ ...ADMIN, iss: LOCAL_ISSUER })],
  'HS256 signed with the public key': async () => {
    const { d, p, q, dp, dq, qi, ...publicJwk } = jwk;
    const key = await importJWK(publicJwk, 'RS256', { extractable: true });
    const pem = await exportSPKI(key as CryptoKey);
    return [await hmacWithPublicKey(JSON.stringify(publicJwk)), await hmacWithPublicKey(pem)];
  },
  'no exp': async () => [await signed(ADMIN, { expires: false })],
  'no agency': async () => [await signed({ role: 'central_admin' })],
  'an agency claim that is an array': async () => [
    await signed({ agency: ['setneg'], role: 'central_admin' }),
    await signed({ agency: ['setneg', 'polri'], role: 'agency_officer' }),
  ],
  'a Cyrillic look-alike of setneg': async () => [
    await signed({ agency: '\u0455etneg', role: 'central_admin' }), // ѕ, CYRILLIC SMALL LETTER DZE
    await signed({ agency: 's\u0435tn\u0435g', role: 'central_officer' }), // е, CYRILLIC IE
  ],
};

/** Valid bodies, so that a token that got through would reach the handler, not a 400. */
const BODIES: Record<string, () => unknown> = {
  'POST /v1/agencies': () => ({
    id: 'intruder-agency',
    name: 'Intruder',
    kind: 'agency',
    contacts: [{ name: 'X', email: 'x@intruder.example' }],
  }),
  'PATCH /v1/agencies/{id}': () => ({ name: 'Kepolisian (renamed by an intruder)' }),
  'POST /v1/cases': () => ({
    channel: 'letter',
    complainant: { name: 'Intruder' },
    subject: 'Planted',
    description: 'Planted by an intruder.',
  }),
  'POST /v1/cases/{id}/verification': () => ({ decision: 'accept', type: 'normative' }),
  'PATCH /v1/cases/{id}': () => ({ agencyDescription: 'Planted by an intruder.' }),
  'POST /v1/cases/{id}/assignments': () => ({ assignments: [{ agencyId: 'pln' }] }),
  'POST /v1/cases/{id}/close': () => ({ outcome: 'withdrawn' }),
  'POST /v1/search': () => ({ q: 'pungutan' }),
  'POST /v1/cases/{id}/assignments/{agencyId}/acknowledge': () => ({}),
  'POST /v1/cases/{id}/assignments/{agencyId}/responses': () => ({
    kind: 'final',
    message: 'Selesai.',
  }),
  'POST /v1/cases/{id}/assignments/{agencyId}/redirect': () => ({ reason: 'Bukan kami.' }),
  'POST /v1/cases/{id}/assignments/{agencyId}/withdraw': () => ({ reason: 'Keliru.' }),
  'POST /v1/cases/{id}/letters/{letterId}/dismiss': () => ({ note: 'Lewat telepon.' }),
  'POST /v1/cases/{id}/assignments/{agencyId}/extension-requests': () => ({
    workingDays: 5,
    reason: 'Lebih lama.',
  }),
  'POST /v1/cases/{id}/assignments/{agencyId}/extension-requests/{requestId}/decision': () => ({
    approve: true,
  }),
  'POST /v1/cases/{id}/assignments/{agencyId}/delegate': () => ({ memberId: null }),
  'POST /v1/cases/{id}/assignments/{agencyId}/pause': () => ({ reason: 'Menunggu.' }),
  'POST /v1/cases/{id}/assignments/{agencyId}/resume': () => ({}),
  'POST /v1/cases/{id}/activities': () => ({ kind: 'clarification' }),
  'POST /v1/cases/{id}/activities/{activityId}/report': () => ({
    heldAt: new Date(Date.now() - 60_000).toISOString(),
    outcome: 'Selesai',
    summary: 'Hadir.',
  }),
  'POST /v1/cases/{id}/activities/{activityId}/cancel': () => ({ reason: 'Tidak perlu.' }),
  'POST /v1/cases/{id}/activities/{activityId}/schedule': () => ({
    scheduledAt: '2026-06-10T10:00:00+07:00',
  }),
  'PATCH /v1/calendars/{id}/days': () => ({
    days: [{ date: '2099-12-31', kind: 'other', name: 'Libur palsu' }],
  }),
  'POST /v1/calendars/{id}/days/impact': () => ({
    days: [{ date: '2099-12-31', kind: 'other', name: 'Libur palsu' }],
  }),
  'PUT /v1/calendars/{id}/days/{date}': () => ({ kind: 'other', name: 'Libur palsu' }),
  'PUT /v1/policies/{id}': () => ({}), // never reached by a refused token; a 400 if it were
  // Bodies that are never read either: a refused token stops before validation.
  'PUT /v1/settings/documents': () => ({}),
  'POST /v1/cases/{id}/attachments': () => ({ name: 'ktp.pdf', size: 1_000 }),
  'POST /v1/cases/{id}/attachments/{attachmentId}/complete': () => ({}),
  'PATCH /v1/cases/{id}/attachments/{attachmentId}': () => ({ visibility: 'agencies' }),
  'POST /v1/imports/cases': () => ({ format: 'csv', content: '', mapping: {}, dryRun: true }),
};

function pathOf(template: string): string {
  const collection = template.split('/')[2];
  const values: Record<string, string> = {
    id:
      collection === 'calendars'
        ? 'id'
        : collection === 'policies'
          ? 'default'
          : collection === 'agencies'
            ? 'polri'
            : fixtures.caseId,
    agencyId: 'polri',
    requestId: fixtures.requestId,
    activityId: fixtures.activityId,
    date: '2099-12-31',
    year: '2099',
    // Records that need not exist: every hostile token is refused before any lookup.
    attachmentId: '01KA0000000000000000000000',
    letterId: '01KA0000000000000000000000',
  };
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no fixture for path parameter {${name}}`);
    return encodeURIComponent(value);
  });
}

beforeAll(async () => {
  pantau = await startPantau({
    env: {
      // Nothing listens there: the provider is configured, never reached.
      PANTAU_OIDC_ISSUER: `http://127.0.0.1:${await freePort()}`,
      PANTAU_OIDC_CLIENT_ID: 'pantau-console',
    },
  });
  http = api(pantau.url);
  jwk = JSON.parse(await readFile(join(pantau.dataDir, 'issuer-key.json'), 'utf8')) as JWK;

  const doc = await http.get('/openapi.json');
  expect(doc.status, doc.text).toBe(200);
  operations = new Map();
  for (const [path, item] of Object.entries(doc.body.paths as Record<string, Json>)) {
    for (const [method, operation] of Object.entries(item as Record<string, Json>)) {
      if (!['get', 'put', 'post', 'delete', 'patch'].includes(method)) continue;
      // Operations documented as taking no token (health, tracking) have nothing to refuse.
      if (Array.isArray(operation.security) && operation.security.length === 0) continue;
      operations.set(`${method.toUpperCase()} ${path}`, operation);
    }
  }

  // Fixtures made with valid tokens of the local issuer, so that a refused token is refused
  // on records that exist.
  const central = await signed({ agency: 'setneg', role: 'central_officer' });
  const created = await forwardedCase(http, central, ['polri']);
  const polri = await signed({ agency: 'polri', role: 'agency_coordinator' });
  const extension = await http.post(
    `/v1/cases/${created.id}/assignments/polri/extension-requests`,
    { workingDays: 3, reason: 'Menunggu data.' },
    { token: polri },
  );
  expect(extension.status, extension.text).toBe(201);
  const activity = await http.post(
    `/v1/cases/${created.id}/activities`,
    { kind: 'clarification' },
    { token: central },
  );
  expect(activity.status, activity.text).toBe(201);
  fixtures = {
    caseId: created.id,
    requestId: extension.body.id,
    activityId: activity.body.id,
  };
});

afterAll(async () => {
  await pantau?.stop();
});

describe('with an identity provider configured, the development routes are not mounted', () => {
  it.each([
    ['POST', '/dev/tokens', { sub: 'x', agency: 'setneg', role: 'central_admin' }],
    ['GET', '/dev/users', undefined],
    ['GET', '/dev/clock', undefined],
    ['POST', '/dev/clock', { advance: 'P3D' }],
    ['GET', '/dev/jwks.json', undefined],
  ])('%s %s is not found', async (method, path, body) => {
    const res = await http.request(method, path, body);
    expectProblem(res, 404, 'not_found');
  });

  it('the served document has no /dev path, and the startup banner says /dev is not mounted', async () => {
    const doc = await http.get('/openapi.json');
    expect(Object.keys(doc.body.paths).filter((p) => p.startsWith('/dev'))).toEqual([]);
    expect(pantau.output()).toMatch(/Dev routes\s+not mounted/);
    expect(pantau.output()).not.toContain('/dev/tokens');
  });
});

describe('the demo configuration (with /dev) stays on loopback', () => {
  it('refuses to start on a non-loopback HOST, before DynamoDB Local or the API start', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pantau-e2e-host-'));
    try {
      const started = startPantau({ dataDir, env: { HOST: '0.0.0.0' } });
      await expect(started).rejects.toThrow(/HOST: the demo configuration .* loopback only/);
      await expect(started).rejects.toThrow(/set PANTAU_OIDC_ISSUER/);
      expect(await readdir(dataDir)).toEqual([]); // no database, no key, nothing started
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('every operation refuses every hostile token kind', () => {
  it('(control) the walk covers the document, and a valid token of the local issuer gets in', async () => {
    expect(operations.size).toBeGreaterThan(30);
    const missing = [...operations]
      .filter(([key, op]) => op.requestBody !== undefined && !(key in BODIES))
      .map(([key]) => key);
    expect(missing, 'operations taking a body without one in BODIES').toEqual([]);
    const control = await http.get('/v1/notifications', { token: await signed(ADMIN) });
    expect(control.status, control.text).toBe(200);
  });

  for (const [kind, make] of Object.entries(HOSTILE)) {
    it(`${kind}: never a 2xx or a 5xx, always 401`, async () => {
      const failures: string[] = [];
      for (const bearer of await make()) {
        for (const [key] of operations) {
          const [method, template] = key.split(' ') as [string, string];
          const res = await http.request(method, pathOf(template), BODIES[key]?.(), {
            token: bearer,
          });
          if (res.status !== 401) {
            const claims = Buffer.from(bearer.split('.')[1] ?? '', 'base64url').toString();
            const verdict = res.status < 300 || res.status >= 500 ? 'FORBIDDEN STATUS' : 'not 401';
            failures.push(
              `${verdict}: ${key} → ${res.status} ${res.text.slice(0, 120)} (claims ${claims.slice(0, 120)})`,
            );
          } else {
            expectProblem(res, 401, 'unauthorized');
          }
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
