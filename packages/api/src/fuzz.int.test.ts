/**
 * Property-based fuzzing of every JSON body the API takes, through the real app on DynamoDB
 * Local: arbitrary JSON, near-valid bodies with one field mutated, and hostile inputs (deep
 * nesting, huge strings, unicode, prototype-pollution keys, wrong content types, 1 MB bodies).
 * Never a 5xx; whatever is refused leaves nothing behind.
 */
import type { DynamoStore } from '@pantau/store';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { addAgencies, freshStore } from '../../../test/support/dynamodb.ts';
import { testIssuer } from '../../../test/support/tokens.ts';
import { Service } from '@pantau/core';
import { createApp } from './app.ts';

let app: ReturnType<typeof createApp>;
let store: DynamoStore;
const tokens: Record<string, string> = {};
let caseId = '';

beforeAll(async () => {
  const issuer = await testIssuer({ issuer: 'fuzz' });
  const { verifier } = issuer;
  const sign = (agency: string, role: string) => issuer.sign({ sub: 'fuzz', agency, role });
  tokens.central = await sign('setneg', 'central_officer');
  tokens.admin = await sign('setneg', 'central_admin');
  tokens.polri = await sign('polri', 'agency_coordinator');
  store = await freshStore();
  const clock = () => new Date('2026-03-16T03:00:00.000Z');
  await addAgencies(new Service({ store, clock }), [{ id: 'polri' }]);
  app = createApp({ store, verifier, clock });
  const created = await app.request('/v1/cases', {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens.central}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      channel: 'letter',
      complainant: { name: 'A' },
      subject: 'S',
      description: 'D',
    }),
  });
  caseId = ((await created.json()) as { id: string }).id;
  await app.request(`/v1/cases/${caseId}/verification`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens.central}`, 'content-type': 'application/json' },
    body: JSON.stringify({ decision: 'accept', type: 'light' }),
  });
});

/** Every operation that takes a body, with a valid one to mutate, and who may call it. */
const operations = () => [
  {
    method: 'POST',
    path: '/v1/cases',
    token: tokens.central,
    valid: {
      channel: 'letter',
      complainant: { name: 'B', email: 'b@example.id' },
      subject: 'S',
      description: 'D',
    },
  },
  {
    method: 'POST',
    path: '/v1/agencies',
    token: tokens.admin,
    valid: {
      id: 'new-agency',
      name: 'N',
      kind: 'agency',
      contacts: [{ name: 'C', email: 'c@example.go.id' }],
    },
  },
  {
    method: 'POST',
    path: `/v1/cases/${caseId}/assignments`,
    token: tokens.central,
    valid: { assignments: [{ agencyId: 'polri' }] },
  },
  {
    method: 'POST',
    path: `/v1/cases/${caseId}/verification`,
    token: tokens.central,
    valid: { decision: 'accept', type: 'light' },
  },
  {
    method: 'POST',
    path: `/v1/cases/${caseId}/close`,
    token: tokens.central,
    valid: { outcome: 'resolved' },
  },
  {
    method: 'POST',
    path: `/v1/cases/${caseId}/activities`,
    token: tokens.central,
    valid: { kind: 'mediation' },
  },
  {
    method: 'POST',
    path: `/v1/cases/${caseId}/assignments/polri/responses`,
    token: tokens.polri,
    valid: { kind: 'progress', message: 'm' },
  },
  {
    method: 'POST',
    path: `/v1/cases/${caseId}/assignments/polri/redirect`,
    token: tokens.polri,
    valid: { reason: 'r' },
  },
  {
    method: 'POST',
    path: `/v1/cases/${caseId}/assignments/polri/extension-requests`,
    token: tokens.polri,
    valid: { workingDays: 3, reason: 'r' },
  },
  {
    method: 'PUT',
    path: '/v1/calendars/id/days/2026-12-31',
    token: tokens.admin,
    valid: { kind: 'other', name: 'n' },
  },
  {
    method: 'POST',
    path: `/v1/cases/${caseId}/assignments/polri/pause`,
    token: tokens.polri,
    valid: { reason: 'r', askComplainant: 'a' },
  },
  {
    method: 'PATCH',
    path: '/v1/calendars/id/days',
    token: tokens.admin,
    valid: { days: [{ date: '2026-12-30', kind: 'other', name: 'n' }] },
  },
  {
    method: 'POST',
    path: '/v1/calendars/id/days/impact',
    token: tokens.admin,
    valid: { days: [{ date: '2026-12-30', kind: 'other', name: 'n' }] },
  },
  { method: 'PATCH', path: '/v1/agencies/polri', token: tokens.admin, valid: { name: 'Polri' } },
  { method: 'POST', path: '/v1/track', token: undefined, valid: { code: 'ZZZZ-ZZZZ-ZZZZZ' } },
  {
    method: 'POST',
    path: '/v1/track/reply',
    token: undefined,
    valid: { code: 'ZZZZ-ZZZZ-ZZZZZ', satisfied: true, rating: 5 },
  },
];

/** How many items the table holds for cases (a refused request must not add any). */
async function caseCount(): Promise<number> {
  let n = 0;
  let cursor: string | undefined;
  do {
    const page = await store.listCases({}, { limit: 100, cursor });
    n += page.items.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return n;
}

const send = (
  op: ReturnType<typeof operations>[number],
  body: string,
  contentType = 'application/json',
) =>
  app.request(op.path, {
    method: op.method,
    headers: {
      ...(op.token ? { authorization: `Bearer ${op.token}` } : {}),
      'content-type': contentType,
    },
    body,
  });

const hostile = (valid: Record<string, unknown>) => [
  '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000),
  JSON.stringify({ ...valid, subject: 'x'.repeat(300_000) }),
  'x'.repeat(1_100_000),
  JSON.stringify({
    ...valid,
    __proto__: { admin: true },
    constructor: { prototype: { polluted: true } },
  }),
  '{"__proto__":{"polluted":true}}',
  JSON.stringify({ ...valid, name: '\u0000\uD800\uFFFF😀'.repeat(100) }),
  JSON.stringify([valid]),
  'null',
  '',
];

describe('fuzzing every body', () => {
  it('never answers 5xx to arbitrary JSON, and writes no case for a refusal', async () => {
    const before = await caseCount();
    let created = 0;
    for (const op of operations()) {
      await fc.assert(
        fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (value) => {
          const res = await send(op, JSON.stringify(value));
          expect(
            res.status,
            `${op.method} ${op.path} ← ${JSON.stringify(value).slice(0, 200)}`,
          ).toBeLessThan(500);
          if (op.path === '/v1/cases' && res.status === 201) created += 1;
        }),
        { numRuns: 40, seed: 20260316 },
      );
    }
    expect(await caseCount()).toBe(before + created);
  });

  it('never answers 5xx to a valid body with one field replaced by anything', async () => {
    for (const op of operations()) {
      const keys = Object.keys(op.valid);
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...keys),
          fc.jsonValue({ maxDepth: 3 }),
          async (key, value) => {
            const res = await send(op, JSON.stringify({ ...op.valid, [key]: value }));
            expect(
              res.status,
              `${op.method} ${op.path} ${key}=${JSON.stringify(value).slice(0, 200)}`,
            ).toBeLessThan(500);
            if (res.status === 400) {
              const problem = (await res.json()) as { errors?: { path: string }[] };
              expect(problem.errors?.length ?? 0).toBeGreaterThan(0);
            }
          },
        ),
        { numRuns: 30, seed: 7 },
      );
    }
  });

  it('turns hostile inputs away with 4xx problems, and pollutes nothing', async () => {
    const before = await caseCount();
    for (const op of operations()) {
      for (const body of hostile(op.valid)) {
        const res = await send(op, body);
        expect(res.status, `${op.method} ${op.path} ← ${body.slice(0, 60)}`).toBeLessThan(500);
      }
      for (const contentType of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
      ]) {
        expect((await send(op, JSON.stringify(op.valid), contentType)).status).toBeLessThan(500);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect(await caseCount()).toBeGreaterThanOrEqual(before);
  });
});
