/**
 * Bad input is a 400 that names the field and writes nothing; a retried POST with the same
 * Idempotency-Key returns the first answer instead of creating twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Api,
  api,
  complaint,
  expectInvalid,
  expectProblem,
  idempotencyKey,
  type Json,
  type RunningPantau,
  startPantau,
  users,
} from '../support/runtime.ts';

let pantau: RunningPantau;
let http: Api;
let as: ReturnType<typeof users>;

const central = () => as('setneg', 'central_officer');
const admin = () => as('setneg', 'central_admin');

beforeAll(async () => {
  pantau = await startPantau();
  http = api(pantau.url);
  as = users(pantau.url);
});
afterAll(async () => {
  await pantau?.stop();
});

/** Ids of every case (newest first), read as central. */
async function caseIds(): Promise<string[]> {
  const res = await http.get('/v1/cases?limit=100', { token: await central() });
  expect(res.status, res.text).toBe(200);
  return res.body.items.map((c: Json) => c.id);
}

async function agencyIds(): Promise<string[]> {
  const res = await http.get('/v1/agencies?limit=100', { token: await admin() });
  expect(res.status, res.text).toBe(200);
  return res.body.items.map((a: Json) => a.id);
}

async function verifiedCase(): Promise<string> {
  const token = await central();
  const created = await http.post('/v1/cases', complaint(), { token });
  expect(created.status, created.text).toBe(201);
  const verified = await http.post(
    `/v1/cases/${created.body.id}/verification`,
    { decision: 'accept', type: 'light' },
    { token },
  );
  expect(verified.status, verified.text).toBe(200);
  return created.body.id;
}

/** Asserts the 400 names `path` (as its last segment: `limit` or `query.limit`). */
function expectInvalidField(res: Awaited<ReturnType<Api['get']>>, field: string): void {
  expectProblem(res, 400, 'validation_failed');
  const paths: string[] = res.body.errors.map((e: { path: string }) => e.path);
  expect(
    paths.some((p) => p === field || p.endsWith(`.${field}`)),
    `${field} in ${res.text}`,
  ).toBe(true);
}

describe('registering a complaint with bad input', () => {
  it('answers 400 naming the field, and registers nothing', async () => {
    const before = await caseIds();
    const token = await central();
    const withoutSubject = complaint();
    delete withoutSubject.subject;
    const cases: [string, unknown, string][] = [
      ['missing subject', withoutSubject, 'subject'],
      ['subject of 201 characters', complaint({ subject: 'x'.repeat(201) }), 'subject'],
      ['channel not in the list', complaint({ channel: 'fax' }), 'channel'],
      ['unknown field', complaint({ foo: 'bar' }), 'foo'],
      [
        'complainant without a name',
        complaint({ complainant: { email: 'a@example.com' } }),
        'complainant.name',
      ],
      [
        'invalid complainant email',
        complaint({ complainant: { name: 'A', email: 'x' } }),
        'complainant.email',
      ],
      ['receivedAt not an instant', complaint({ receivedAt: 'yesterday' }), 'receivedAt'],
    ];
    for (const [name, body, path] of cases) {
      const res = await http.post('/v1/cases', body, { token, headers: idempotencyKey() });
      expect(res.status, `${name}: ${res.text}`).toBe(400);
      expectInvalid(res, path);
    }
    const subjectOf200 = await http.post('/v1/cases', complaint({ subject: 'x'.repeat(200) }), {
      token,
    });
    expect(subjectOf200.status, '200 characters is still fine').toBe(201);
    expect(await caseIds()).toEqual([subjectOf200.body.id, ...before]);
  });

  it('a malformed JSON body is a 400 problem, not a crash', async () => {
    const before = await caseIds();
    const res = await http.post('/v1/cases', undefined, {
      token: await central(),
      raw: '{"channel":',
    });
    expectInvalid(res, 'body');
    expect(await caseIds()).toEqual(before);
  });

  it('a body that is not JSON at all is refused', async () => {
    const before = await caseIds();
    const res = await http.post('/v1/cases', undefined, {
      token: await central(),
      raw: JSON.stringify(complaint()),
      contentType: 'text/plain',
    });
    expect([400, 415], res.text).toContain(res.status);
    expectProblem(res, res.status);
    expect(await caseIds()).toEqual(before);
  });

  it('text that is not text (half of a UTF-16 pair) is named at its field, and registers nothing', async () => {
    const before = await caseIds();
    // JSON may carry a lone surrogate as \\ud800; no person types one, and DynamoDB stores text.
    const raw = JSON.stringify(complaint({ subject: 'Pungutan liar SENTINEL' })).replace(
      'SENTINEL',
      '\\ud800',
    );
    expectInvalid(
      await http.post('/v1/cases', undefined, { token: await central(), raw }),
      'subject',
    );
    expect(await caseIds()).toEqual(before);
  });

  it('a date of year 0 or 9999 is a typing slip, named at its field (it was a 500 in statistics)', async () => {
    const token = await central();
    expectInvalid(
      await http.post('/v1/cases', complaint({ receivedAt: '0000-01-01T00:00:00+08:00' }), {
        token,
      }),
      'receivedAt',
    );
    expectInvalid(
      await http.get('/v1/stats/agencies?from=0000-02-29&to=0000-03-31', { token }),
      'from',
    );
    expectInvalid(await http.get('/v1/exports/cases.csv?to=9999-12-31', { token }), 'to');
  });

  it('a query bound "since ever" (1970, as the console sends on a first visit) is taken', async () => {
    const since = '1970-01-01T00:00:00.000Z';
    const polri = await as('polri', 'agency_officer');
    for (const path of [
      `/v1/queue?forwardedSince=${since}&limit=1&total=true`,
      `/v1/notifications?since=${since}&limit=1&total=true`,
    ]) {
      const res = await http.get(path, { token: polri });
      expect(res.status, `${path}: ${res.text}`).toBe(200);
    }
  });

  it('a receivedAt in the future is refused', async () => {
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expectInvalid(
      await http.post('/v1/cases', complaint({ receivedAt: future }), { token: await central() }),
      'receivedAt',
    );
  });
});

describe('verifying and forwarding with bad input', () => {
  it('accepting without a complaint type names `type` and leaves the case received', async () => {
    const token = await central();
    const created = await http.post('/v1/cases', complaint(), { token });
    const id = created.body.id;
    expectInvalid(
      await http.post(`/v1/cases/${id}/verification`, { decision: 'accept' }, { token }),
      'type',
    );
    expectInvalid(
      await http.post(
        `/v1/cases/${id}/verification`,
        { decision: 'approve', type: 'light' },
        { token },
      ),
      'decision',
    );
    const view = await http.get(`/v1/cases/${id}`, { token });
    expect(view.body).toMatchObject({ status: 'received', classification: null });
  });

  it('forwarding to an unknown agency names it and forwards to nobody', async () => {
    const token = await central();
    const id = await verifiedCase();
    expectInvalid(
      await http.post(
        `/v1/cases/${id}/assignments`,
        { assignments: [{ agencyId: 'no-such-agency' }] },
        { token, headers: idempotencyKey() },
      ),
      'assignments.0.agencyId',
    );
    // A known agency alongside an unknown one is not forwarded either: all or nothing.
    expectInvalid(
      await http.post(
        `/v1/cases/${id}/assignments`,
        { assignments: [{ agencyId: 'polri' }, { agencyId: 'no-such-agency' }] },
        { token },
      ),
      'assignments.1.agencyId',
    );
    // The central unit is not an agency to forward to.
    expectInvalid(
      await http.post(
        `/v1/cases/${id}/assignments`,
        { assignments: [{ agencyId: 'setneg' }] },
        { token },
      ),
      'assignments.0.agencyId',
    );
    expectInvalid(
      await http.post(`/v1/cases/${id}/assignments`, { assignments: [] }, { token }),
      'assignments',
    );

    const view = await http.get(`/v1/cases/${id}`, { token });
    expect(view.body).toMatchObject({ status: 'verified', assignments: [] });
    const timeline = await http.get(`/v1/cases/${id}/timeline`, { token });
    expect(timeline.body.items.map((e: Json) => e.type)).toEqual([
      'case_registered',
      'case_verified',
    ]);
    const polriQueue = await http.get('/v1/queue', { token: await as('polri', 'agency_officer') });
    expect(polriQueue.body.items.filter((a: Json) => a.caseId === id)).toEqual([]);
  });

  it('an agency answer with an unknown kind or an empty message names the field', async () => {
    const token = await central();
    const id = await verifiedCase();
    await http.post(
      `/v1/cases/${id}/assignments`,
      { assignments: [{ agencyId: 'pln' }] },
      { token },
    );
    const pln = await as('pln', 'agency_officer');
    const path = `/v1/cases/${id}/assignments/pln/responses`;
    expectInvalid(await http.post(path, { kind: 'interim', message: 'x' }, { token: pln }), 'kind');
    expectInvalid(await http.post(path, { kind: 'final', message: '' }, { token: pln }), 'message');
    const assignment = await http.get(`/v1/cases/${id}/assignments/pln`, { token: pln });
    expect(assignment.body).toMatchObject({ state: 'pending', version: 1 });
  });
});

describe('list parameters', () => {
  it('limit must be between 1 and 100', async () => {
    const token = await central();
    for (const path of ['/v1/cases', '/v1/assignments', '/v1/agencies']) {
      expectInvalidField(await http.get(`${path}?limit=0`, { token }), 'limit');
      expectInvalidField(await http.get(`${path}?limit=101`, { token }), 'limit');
      expect((await http.get(`${path}?limit=100`, { token })).status).toBe(200);
    }
    const officer = await as('polri', 'agency_officer');
    expectInvalidField(await http.get('/v1/queue?limit=0', { token: officer }), 'limit');
    expectInvalidField(await http.get('/v1/queue?limit=abc', { token: officer }), 'limit');
    expectInvalidField(await http.get('/v1/queue?scope=everyone', { token: officer }), 'scope');
  });
});

describe('registering agencies with bad input', () => {
  const agency = (overrides: Record<string, unknown> = {}) => ({
    id: 'bpjs-kesehatan',
    name: 'BPJS Kesehatan',
    kind: 'agency',
    timeZone: 'Asia/Jakarta',
    contacts: [{ name: 'Unit Pengaduan', email: 'pengaduan@bpjs.example.go.id' }],
    ...overrides,
  });

  it('answers 400 naming the field, 409 for an existing id, and registers nothing', async () => {
    const before = await agencyIds();
    const token = await admin();
    expectInvalid(await http.post('/v1/agencies', agency({ id: 'Bad Id!' }), { token }), 'id');
    expectInvalid(await http.post('/v1/agencies', agency({ kind: 'ngo' }), { token }), 'kind');
    expectInvalid(
      await http.post('/v1/agencies', agency({ timeZone: 'Asia/Singapore' }), { token }),
      'timeZone',
    );
    expectInvalid(await http.post('/v1/agencies', agency({ contacts: [] }), { token }), 'contacts');
    expectInvalid(
      await http.post('/v1/agencies', agency({ focalPointId: 'no-such-agency' }), { token }),
      'focalPointId',
    );
    expectInvalid(
      await http.post('/v1/agencies', agency({ focalPointId: 'setneg' }), { token }),
      'focalPointId',
    );
    expectProblem(
      await http.post('/v1/agencies', agency({ id: 'polri' }), { token }),
      409,
      'already_exists',
    );
    expect(await agencyIds()).toEqual(before);
    const polri = await http.get('/v1/agencies/polri', { token });
    expect(polri.body.name).toBe('Kepolisian Negara Republik Indonesia');
  });

  it('a valid member unit is registered and its focal point sees it', async () => {
    const token = await admin();
    const res = await http.post(
      '/v1/agencies',
      agency({
        id: 'kantah-denpasar',
        name: 'Kantor Pertanahan Kota Denpasar',
        focalPointId: 'atr-bpn',
        timeZone: 'Asia/Makassar',
      }),
      { token, headers: idempotencyKey() },
    );
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ id: 'kantah-denpasar', focalPointId: 'atr-bpn', version: 1 });
    const seen = await http.get('/v1/agencies', {
      token: await as('atr-bpn', 'agency_coordinator'),
    });
    expect(seen.body.items.map((a: Json) => a.id)).toContain('kantah-denpasar');
  });
});

describe('idempotent retries', () => {
  it('registering twice with one key creates one case; another body under that key is 409', async () => {
    const token = await central();
    const before = await caseIds();
    const headers = idempotencyKey();
    const body = complaint({ subject: 'Jalan desa rusak berat' });
    const first = await http.post('/v1/cases', body, { token, headers });
    const second = await http.post('/v1/cases', body, { token, headers });
    expect(first.status, first.text).toBe(201);
    expect(second.status, second.text).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.trackingCode).toBe(first.body.trackingCode);
    expect(await caseIds()).toEqual([first.body.id, ...before]);

    const reused = await http.post('/v1/cases', complaint({ subject: 'Lain hal' }), {
      token,
      headers,
    });
    expectProblem(reused, 409, 'idempotency_key_reused');
    expect(await caseIds()).toEqual([first.body.id, ...before]);

    // Without a key, the same body is simply another complaint.
    const other = await http.post('/v1/cases', body, { token });
    expect(other.status).toBe(201);
    expect(other.body.id).not.toBe(first.body.id);
  });

  it('retries racing each other with one key still create one case', async () => {
    const token = await central();
    const before = await caseIds();
    const headers = idempotencyKey();
    const body = complaint({ subject: 'Pengiriman ganda dari jaringan yang lambat' });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => http.post('/v1/cases', body, { token, headers })),
    );
    for (const res of results) expect(res.status, res.text).toBe(201);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await caseIds()).toEqual([results[0]!.body.id, ...before]);
  });

  it('forwarding twice with one key forwards once; another body under that key is 409', async () => {
    const token = await central();
    const id = await verifiedCase();
    const headers = idempotencyKey();
    const body = { assignments: [{ agencyId: 'polri' }] };
    const first = await http.post(`/v1/cases/${id}/assignments`, body, { token, headers });
    const second = await http.post(`/v1/cases/${id}/assignments`, body, { token, headers });
    expect(first.status, first.text).toBe(201);
    expect(second.status, second.text).toBe(201);
    expect(second.body).toEqual(first.body);

    expectProblem(
      await http.post(
        `/v1/cases/${id}/assignments`,
        { assignments: [{ agencyId: 'pln' }] },
        {
          token,
          headers,
        },
      ),
      409,
      'idempotency_key_reused',
    );
    // A new key for an agency already working on it: a conflict, not a second assignment.
    expectProblem(
      await http.post(`/v1/cases/${id}/assignments`, body, { token, headers: idempotencyKey() }),
      409,
    );
    const view = await http.get(`/v1/cases/${id}`, { token });
    expect(view.body.assignments.map((a: Json) => a.agencyId)).toEqual(['polri']);
    const timeline = await http.get(`/v1/cases/${id}/timeline`, { token });
    expect(timeline.body.items.filter((e: Json) => e.type === 'assignment_forwarded')).toHaveLength(
      1,
    );
  });

  it('a replayed agency answer is not appended twice', async () => {
    const token = await central();
    const id = await verifiedCase();
    await http.post(
      `/v1/cases/${id}/assignments`,
      { assignments: [{ agencyId: 'polri' }] },
      { token },
    );
    const polri = await as('polri', 'agency_officer');
    const path = `/v1/cases/${id}/assignments/polri/responses`;
    const headers = idempotencyKey();
    const body = { kind: 'progress', message: 'Laporan sedang diverifikasi oleh Polda.' };
    const first = await http.post(path, body, { token: polri, headers });
    const second = await http.post(path, body, { token: polri, headers });
    expect(first.status, first.text).toBe(200);
    expect(second.status, second.text).toBe(200);
    expect(second.body).toEqual(first.body);

    expectProblem(
      await http.post(path, { ...body, message: 'Pesan lain.' }, { token: polri, headers }),
      409,
      'idempotency_key_reused',
    );
    const timeline = await http.get(`/v1/cases/${id}/timeline`, { token });
    const responses = timeline.body.items.filter((e: Json) => e.type === 'response_submitted');
    expect(responses).toHaveLength(1);
    const assignment = await http.get(`/v1/cases/${id}/assignments/polri`, { token });
    expect(assignment.body.version).toBe(first.body.version);
  });
});
