/**
 * Issue 12, item 7, over HTTP against the embedded runtime as `npm start` runs it: 2,000
 * unauthenticated tracking lookups in 37 s were never throttled. Now each client address gets
 * `PANTAU_PUBLIC_RATE_LIMIT` (60) a minute on the public tracking routes, then a 429 problem
 * with `Retry-After`; another address is still served. The complaint form's routes count
 * against the same figure, and sending a complaint against a stricter one
 * (`PANTAU_COMPLAINT_RATE_LIMIT`, 20 in 10 minutes). The addresses are loopback ones
 * (127.0.0.1, 127.0.0.2, …), the client's own socket binding to each.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningPantau, startPantau } from '../support/runtime.ts';

let pantau: RunningPantau;

beforeAll(async () => {
  pantau = await startPantau();
});

afterAll(async () => {
  await pantau?.stop();
});

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A request from a given local address (the key the runtime counts under). */
const send = (
  method: string,
  path: string,
  localAddress: string,
  body?: unknown,
): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const headers = body === undefined ? {} : { 'content-type': 'application/json' };
    const req = request(`${pantau.url}${path}`, { method, localAddress, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
      );
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
const get = (path: string, localAddress: string) => send('GET', path, localAddress);
/** A tracking lookup: `POST /v1/track { code }`, of a code no case has (404). */
const lookup = (localAddress: string) =>
  send('POST', '/v1/track', localAddress, { code: 'ZZZZ-ZZZZ-ZZZZZ' });

describe('the public tracking routes are limited per client (embedded)', () => {
  it('the 61st lookup in a minute from one address is a 429 problem with Retry-After', async () => {
    const statuses: number[] = [];
    let refused: Answer | undefined;
    const started = Date.now();
    // The 2,000 lookups, stopped at the first refusal.
    for (let i = 0; i < 2000 && !refused; i++) {
      const answer = await lookup('127.0.0.1');
      statuses.push(answer.status);
      if (answer.status === 429) refused = answer;
    }
    const seconds = (Date.now() - started) / 1000;
    expect(statuses.length, `${statuses.length} requests in ${seconds} s`).toBe(61);
    expect(new Set(statuses.slice(0, 60))).toEqual(new Set([404]));
    expect(refused!.headers['content-type']).toContain('application/problem+json');
    expect(JSON.parse(refused!.body)).toMatchObject({ status: 429, code: 'rate_limited' });
    const retryAfter = Number(refused!.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);

    // Another address is served; the console, the docs and the liveness probe are not limited.
    expect((await lookup('127.0.0.2')).status).toBe(404);
    expect((await get('/health', '127.0.0.1')).status).toBe(200);
    expect((await get('/openapi.json', '127.0.0.1')).status).toBe(200);
    expect((await lookup('127.0.0.1')).status).toBe(429);
  });
});

describe('sending complaints is limited harder (embedded)', () => {
  /** A complaint with a wrong proof: read and refused (400), so counted. */
  const complain = (localAddress: string) =>
    send('POST', '/v1/complaints', localAddress, {
      altcha: 'bm90IGpzb24',
      anonymous: true,
      subject: 'Jalan rusak',
      description: 'Jalan desa berlubang sejak musim hujan.',
    });

  it('the 21st complaint from one address in 10 minutes is a 429 problem; the address still follows its case', async () => {
    const statuses: number[] = [];
    let refused: Answer | undefined;
    for (let i = 0; i < 100 && !refused; i++) {
      const answer = await complain('127.0.0.3');
      statuses.push(answer.status);
      if (answer.status === 429) refused = answer;
    }
    expect(statuses.length).toBe(21);
    expect(new Set(statuses.slice(0, 20))).toEqual(new Set([400]));
    expect(refused!.headers['content-type']).toContain('application/problem+json');
    expect(JSON.parse(refused!.body)).toMatchObject({ status: 429, code: 'rate_limited' });
    const retryAfter = Number(refused!.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(60);
    expect(retryAfter).toBeLessThanOrEqual(600);

    expect((await lookup('127.0.0.3')).status).toBe(404);
    expect((await get('/v1/complaints/challenge', '127.0.0.3')).status).toBe(200);
    expect((await complain('127.0.0.4')).status).toBe(400);
  });
});
