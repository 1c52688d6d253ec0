/**
 * The app's edge guards (issue 12, item 7), through `app.request()` on DynamoDB Local:
 * - on AWS, CloudFront adds a secret origin header and the API refuses requests without it,
 *   so the execute-api URL cannot go around the WAF;
 * - embedded, the public routes are limited per client address (sending a complaint harder),
 *   and a client over the limit gets a 429 problem with `Retry-After`;
 * - a complaint's proof of work expires, but a replay of one already sent does not need it.
 */
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DynamoStore } from '@pantau/store';
import { freshStore } from '../../../test/support/dynamodb.ts';
import { createApp } from './app.ts';
import { COMPLAINT_RATE_LIMIT } from './edge.ts';
import { createJwtVerifier, type TokenVerifier } from './auth.ts';

const ISSUER = 'urn:test-issuer';
const AUDIENCE = 'pantau';
const HEADER = 'x-pantau-origin-verify';
const SECRET = 'a-secret-only-cloudfront-knows-0123456789';
/** A well-formed tracking code of no case: the lookup runs and answers 404. */
const UNKNOWN_CODE = 'ZZZZ-ZZZZ-ZZZZZ';
/** A tracking lookup: the code travels in the body (`POST /v1/track`). */
const lookup = (headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify({ code: UNKNOWN_CODE }),
});

/** A request as from one client address (the runtime keys by the socket; a header here). */
const from = (client: string, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { ...(init.headers as Record<string, string>), 'x-test-client': client },
});

let store: DynamoStore;
let verifier: TokenVerifier;
let signingKey: CryptoKey;

const token = () =>
  new SignJWT({ sub: 'o1', agency: 'setneg', role: 'central_officer' })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(signingKey);

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  signingKey = pair.privateKey;
  verifier = createJwtVerifier({
    jwks: { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256' }] },
    issuer: ISSUER,
    audience: AUDIENCE,
  });
  store = await freshStore();
});

const problemOf = async (res: Response) => {
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return (await res.json()) as { status: number; code: string; title: string; detail: string };
};

describe('the origin secret (AWS: only CloudFront, with its WAF, reaches the API)', () => {
  const app = () =>
    createApp({
      store,
      verifier,
      clock: () => new Date(),
      originSecret: { header: HEADER, value: SECRET },
    });

  it.each([
    ['no header', {}],
    ['another value', { [HEADER]: 'guessed' }],
    ['the value with a different length', { [HEADER]: `${SECRET}x` }],
    ['an empty value', { [HEADER]: '' }],
  ])('a public route with %s is a 403 problem, before the lookup', async (_, headers) => {
    const res = await app().request('/v1/track', lookup(headers));
    expect(res.status).toBe(403);
    const problem = await problemOf(res);
    expect(problem).toMatchObject({ status: 403, code: 'forbidden', title: 'Forbidden' });
    expect(problem.detail).not.toContain(SECRET);
  });

  it('a valid token does not make up for the missing header, nor do the docs stay open', async () => {
    const authorization = `Bearer ${await token()}`;
    expect((await app().request('/v1/cases', { headers: { authorization } })).status).toBe(403);
    expect((await app().request('/openapi.json')).status).toBe(403);
    expect((await app().request('/v1/nothing-here')).status).toBe(403);
  });

  it('with the header, requests go on as usual', async () => {
    const through = { [HEADER]: SECRET };
    expect((await app().request('/v1/track', lookup(through))).status).toBe(404);
    const authorization = `Bearer ${await token()}`;
    const cases = await app().request('/v1/cases', { headers: { ...through, authorization } });
    expect(cases.status).toBe(200);
  });

  it('/health stays reachable without it: the liveness probe monitors call on execute-api', async () => {
    const res = await app().request('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('without an origin secret configured (embedded), no header is needed', async () => {
    const embedded = createApp({ store, verifier, clock: () => new Date() });
    expect((await embedded.request('/v1/track', lookup())).status).toBe(404);
  });
});

describe('the per-client rate limit on the public routes (embedded)', () => {
  const LIMIT = 60;
  const app = () =>
    createApp({
      store,
      verifier,
      clock: () => new Date(),
      // The runtime keys by the socket's remote address; here a header stands in for it.
      publicRateLimit: {
        limit: LIMIT,
        windowMs: 60_000,
        clientAddress: (c) => c.req.header('x-test-client'),
      },
    });

  it(`the ${LIMIT + 1}st tracking lookup in a minute from one client is a 429 problem with Retry-After`, async () => {
    const limited = app();
    const statuses: number[] = [];
    let first429: Response | undefined;
    // The issue's 2,000 lookups, stopped at the first refusal (or at 2,000 if none comes).
    for (let i = 0; i < 2000 && !first429; i++) {
      const res = await limited.request('/v1/track', from('203.0.113.7', lookup()));
      statuses.push(res.status);
      if (res.status === 429) first429 = res;
      else await res.arrayBuffer();
    }
    expect(statuses.length).toBe(LIMIT + 1);
    expect(new Set(statuses.slice(0, LIMIT))).toEqual(new Set([404]));
    expect(first429).toBeDefined();
    const retryAfter = Number(first429!.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await problemOf(first429!)).toMatchObject({
      status: 429,
      code: 'rate_limited',
      title: 'Too Many Requests',
    });

    // Another client is still served; the limited one stays limited.
    expect((await limited.request('/v1/track', from('198.51.100.9', lookup()))).status).toBe(404);
    expect((await limited.request('/v1/track', from('203.0.113.7', lookup()))).status).toBe(429);
  });

  it('counts both tracking routes against one limit per client, and nothing else', async () => {
    const limited = app();
    const client = '192.0.2.44';
    const authorization = `Bearer ${await token()}`;
    const json = { 'content-type': 'application/json' };
    const reply = JSON.stringify({ code: UNKNOWN_CODE, satisfied: true, rating: 5 });
    // TRACKING_ROUTES: the lookup and the reply, each with the code in its body.
    const requests: [string, RequestInit][] = [
      ['/v1/track', lookup()],
      ['/v1/track/reply', { method: 'POST', headers: json, body: reply }],
    ];
    for (let i = 0; i < LIMIT; i++) {
      const [path, init] = requests[i % requests.length]!;
      const res = await limited.request(path, from(client, init));
      expect(res.status, `${path} #${i + 1}`).not.toBe(429);
    }
    for (const [path, init] of requests) {
      expect((await limited.request(path, from(client, init))).status, path).toBe(429);
    }
    // Not limited here: the liveness probe, the routes behind a token, an old tracking link.
    expect((await limited.request('/health', from(client))).status).toBe(200);
    expect((await limited.request(`/v1/track/${UNKNOWN_CODE}`, from(client))).status).toBe(401);
    const cases = await limited.request('/v1/cases', from(client, { headers: { authorization } }));
    expect(cases.status).toBe(200);
  });
});

describe('the per-client limits on the public complaint form (embedded)', () => {
  const GENERAL = 60;
  const app = () =>
    createApp({
      store,
      verifier,
      clock: () => new Date(),
      // Less work per challenge: only fetching them is counted here.
      proofOfWork: { secret: SECRET, maxCounter: 10, cost: 1 },
      publicRateLimit: {
        limit: GENERAL,
        windowMs: 60_000,
        clientAddress: (c) => c.req.header('x-test-client'),
      },
    });
  const send = (client: string): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-test-client': client },
    // A complaint whose proof is wrong: the app reads it (400 on altcha), so it was counted.
    body: JSON.stringify({
      altcha: 'bm90IGpzb24',
      anonymous: true,
      subject: 'Jalan rusak',
      description: 'Jalan desa berlubang sejak musim hujan.',
    }),
  });

  it(`the ${COMPLAINT_RATE_LIMIT.limit + 1}st complaint from one client in 10 minutes is a 429 problem; fetching a challenge is not sending`, async () => {
    const limited = app();
    const client = '203.0.113.50';
    for (let i = 0; i < COMPLAINT_RATE_LIMIT.limit; i++) {
      const res = await limited.request('/v1/complaints', send(client));
      expect(res.status, `complaint #${i + 1}`).toBe(400);
    }
    const refused = await limited.request('/v1/complaints', send(client));
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(60);
    expect(retryAfter).toBeLessThanOrEqual(COMPLAINT_RATE_LIMIT.windowMs / 1000);
    expect(await problemOf(refused)).toMatchObject({ status: 429, code: 'rate_limited' });
    // The same client still follows its case and fetches challenges (the general limit);
    // another client still sends.
    expect((await limited.request('/v1/track', from(client, lookup()))).status).toBe(404);
    const challenge = await limited.request('/v1/complaints/challenge', {
      headers: { 'x-test-client': client },
    });
    expect(challenge.status).toBe(200);
    expect((await limited.request('/v1/complaints', send('198.51.100.20'))).status).toBe(400);
  });

  it(`the challenge route counts against the general limit: the ${GENERAL + 1}st in a minute is a 429`, async () => {
    const limited = app();
    const client = '192.0.2.77';
    const statuses: number[] = [];
    for (let i = 0; i <= GENERAL; i++) {
      const res = await limited.request('/v1/complaints/challenge', {
        headers: { 'x-test-client': client },
      });
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    expect(statuses.slice(0, GENERAL).every((s) => s === 200)).toBe(true);
    expect(statuses[GENERAL]).toBe(429);
  });
});

describe('a complaint sent again with its Idempotency-Key', () => {
  it('gets its receipt after its challenge has expired: the first request spent the proof, the replay needs none', async () => {
    const app = createApp({
      store,
      verifier,
      clock: () => new Date(),
      // Counted from its issue, by this clock: 3 s leave the first request time on a busy machine.
      proofOfWork: { secret: SECRET, maxCounter: 10, cost: 1, ttlSeconds: 3 },
    });
    const solved = async () => {
      const challenge = await (await app.request('/v1/complaints/challenge')).json();
      const solution = await solveChallenge({ challenge, deriveKey });
      return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
    };
    const post = (altcha: string, key: string) =>
      app.request('/v1/complaints', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({
          altcha,
          anonymous: true,
          subject: 'Jalan rusak',
          description: 'Jalan desa berlubang sejak musim hujan.',
        }),
      });
    const [altcha, unused] = await Promise.all([solved(), solved()]);
    const first = await post(altcha, 'lost-answer-0000000001');
    expect(first.status).toBe(201);
    const receipt = await first.json();

    await new Promise((resolve) => setTimeout(resolve, 4_100));
    // Both challenges are past their 3 s now: one never sent is refused…
    const late = await post(unused, 'lost-answer-0000000002');
    expect(late.status).toBe(400);
    // …and the one already spent replays its receipt.
    const replay = await post(altcha, 'lost-answer-0000000001');
    expect(replay.status).toBe(201);
    expect(await replay.json()).toEqual(receipt);
  });
});

describe('the body limit: a complaint carries its files, everything else stays at 1 MiB', () => {
  const app = () => createApp({ store, verifier, clock: () => new Date() });
  /** A complaint (its proof wrong, so nothing is written) with `sizes` bytes of files. */
  const complaintWith = (sizes: number[]) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      altcha: 'bm90IGpzb24',
      anonymous: true,
      subject: 'Jalan rusak',
      description: 'Jalan desa berlubang sejak musim hujan.',
      attachments: sizes.map((n, i) => ({
        name: `foto-${i}.jpg`,
        content: Buffer.alloc(n, i).toString('base64'),
      })),
    }),
  });
  const pathsOf = async (res: Response) =>
    ((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path);
  const MiB = 1024 * 1024;

  it('reads a complaint with 4 MiB of files (5.6 MiB of JSON) to the proof check', async () => {
    const res = await app().request('/v1/complaints', complaintWith([2 * MiB, MiB, MiB]));
    expect(res.status).toBe(400);
    expect(await pathsOf(res)).toEqual(['altcha']);
  });

  it('names the files when they pass 4 MiB together, or one alone does', async () => {
    const together = await app().request('/v1/complaints', complaintWith([2 * MiB, 2 * MiB, 1]));
    expect(await pathsOf(together)).toEqual(['attachments']);
    const alone = await app().request('/v1/complaints', complaintWith([4 * MiB + 1]));
    expect(await pathsOf(alone)).toContain('attachments.0.content');
  });

  it('refuses a complaint body past its own limit, and 1.5 MiB anywhere else, as a 400 on body', async () => {
    const huge = await app().request('/v1/complaints', complaintWith([3 * MiB, 3 * MiB]));
    expect(huge.status).toBe(400);
    expect(await pathsOf(huge)).toEqual(['body']);
    const track = await app().request('/v1/track', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'x'.repeat(1.5 * MiB) }),
    });
    expect(await pathsOf(track)).toEqual(['body']);
  });

  it('judges a body by the length it states, before reading any of it', async () => {
    // Stated past the limit, whatever follows: refused on the header alone.
    const stated = await app().request('/v1/track', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(1.5 * MiB) },
      body: JSON.stringify({ code: 'ABCD-EFGH-JKMN' }),
    });
    expect(stated.status).toBe(400);
    expect(await pathsOf(stated)).toEqual(['body']);
    // The complaint form's own limit: its true length (1.4 MiB of JSON) is read on to the proof
    // check, which fails; 6 MiB stated is not.
    const json = complaintWith([MiB]);
    const within = await app().request('/v1/complaints', {
      ...json,
      headers: { ...json.headers, 'content-length': String(Buffer.byteLength(String(json.body))) },
    });
    expect(await pathsOf(within)).toEqual(['altcha']);
    const past = await app().request('/v1/complaints', {
      ...json,
      headers: { ...json.headers, 'content-length': String(6 * MiB) },
    });
    expect(await pathsOf(past)).toEqual(['body']);
  });
});

describe('the OpenAPI document says so', () => {
  it('lists a 429 problem with Retry-After on each public tracking route', async () => {
    const app = createApp({ store, verifier, clock: () => new Date() });
    const document = (await (await app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    const tracking = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/v1/track'))
      .flatMap(([path, operations]) =>
        Object.entries(operations).map(([method, op]) => [`${method} ${path}`, op] as const),
      );
    expect(tracking.length).toBeGreaterThan(0);
    for (const [operation, { responses }] of tracking) {
      expect(responses['429'], operation).toMatchObject({
        content: { 'application/problem+json': {} },
        headers: { 'Retry-After': { schema: { type: 'integer' } } },
      });
    }
  });
});
