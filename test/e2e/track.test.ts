/**
 * What the complainant sees on the public tracking route (`POST /v1/track { code }`), over HTTP
 * against the embedded runtime: each agency's answers by agency name and date before they are
 * asked to rate them; what central asked them to send while the case waits for it; a case
 * they reopened, shown as `reopened`, listed for central and forwarded again to the same
 * agencies. Never their identity, never internal data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  type Api,
  type ApiResponse,
  complaint,
  expectInvalid,
  expectProblem,
  forwardedCase,
  type Json,
  type RunningPantau,
  startPantau,
  users,
} from '../support/runtime.ts';

let pantau: RunningPantau;
let http: Api;
let as: ReturnType<typeof users>;

beforeAll(async () => {
  pantau = await startPantau();
  http = api(pantau.url);
  as = users(pantau.url);
});
afterAll(async () => {
  await pantau?.stop();
});

const central = () => as('setneg', 'central_officer');
const IDENTITY = ['Siti Rahmawati', '5171034407850002', 'siti.rahmawati@example.com', '3456 7890'];
const POLRI = 'Kepolisian Negara Republik Indonesia';
const PLN = 'PT PLN (Persero)';

/** An agency's answer through the API, checked. */
async function answer(caseId: string, agencyId: string, kind: string, message: string) {
  const res = await http.post(
    `/v1/cases/${caseId}/assignments/${agencyId}/responses`,
    { kind, message },
    { token: await as(agencyId, 'agency_officer') },
  );
  expect(res.status, res.text).toBe(200);
}

describe('the tracking code travels in the body, never in a path (access logs keep paths)', () => {
  /** A problem as the client reads it, minus what differs on every request. */
  const comparable = (res: ApiResponse) => ({ ...res.body, requestId: undefined });

  it('POST /v1/track { code } answers the tracking view, however the code is typed', async () => {
    const c = await forwardedCase(http, await central(), ['polri']);
    const res = await http.post('/v1/track', { code: c.trackingCode });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ trackingCode: c.trackingCode, status: 'forwarded' });
    expect(res.body.steps.map((s: { status: string }) => s.status)).toEqual([
      'received',
      'verified',
      'forwarded',
    ]);
    const typed = await http.post('/v1/track', {
      code: ` ${c.trackingCode.toLowerCase().replaceAll('-', ' ')} `,
    });
    expect(typed.status, typed.text).toBe(200);
    expect(typed.body.trackingCode).toBe(c.trackingCode);
  });

  it('a wrong code is one 404 problem, the same for a malformed and an unknown code', async () => {
    const unknown = await http.post('/v1/track', { code: 'ZZZZ-ZZZZ-ZZZZZ' });
    expectProblem(unknown, 404, 'not_found');
    expect(unknown.text).not.toContain('ZZZZ');
    for (const code of ['not-a-code', 'ZZZZ', '!!!!-????-*****', 'ZZZZ-ZZZZ-ZZZZZZ']) {
      const malformed = await http.post('/v1/track', { code });
      expectProblem(malformed, 404, 'not_found');
      expect(comparable(malformed), code).toEqual(comparable(unknown));
    }
    const reply = { satisfied: true, rating: 5 };
    const unknownReply = await http.post('/v1/track/reply', { code: 'ZZZZ-ZZZZ-ZZZZZ', ...reply });
    expectProblem(unknownReply, 404, 'not_found');
    expect(comparable(unknownReply)).toEqual(comparable(unknown));
    const malformedReply = await http.post('/v1/track/reply', { code: 'not-a-code', ...reply });
    expect(comparable(malformedReply)).toEqual(comparable(unknown));
  });

  it('a body without a code, or with more than the code, is a 400 naming the field', async () => {
    expectInvalid(await http.post('/v1/track', {}), 'code');
    expectInvalid(await http.post('/v1/track', { code: 12 }), 'code');
    expectInvalid(await http.post('/v1/track', { code: 'ZZZZ-ZZZZ-ZZZZZ', name: 'x' }), 'name');
    expectInvalid(await http.post('/v1/track/reply', { satisfied: true, rating: 5 }), 'code');
  });

  it('the old path routes are gone: 404 with a token, 401 without, never the view', async () => {
    const c = await forwardedCase(http, await central(), ['polri']);
    const token = await central();
    const oldRoutes: [string, string, unknown][] = [
      ['GET', `/v1/track/${c.trackingCode}`, undefined],
      ['POST', `/v1/track/${c.trackingCode}/reply`, { satisfied: true, rating: 5 }],
      ['GET', `/v1/track?code=${c.trackingCode}`, undefined],
    ];
    for (const [method, path, body] of oldRoutes) {
      const withToken = await http.request(method, path, body, { token });
      expectProblem(withToken, 404, 'not_found');
      // Without a token they are like any other protected path (as API Gateway's JWT
      // authorizer answers for them on AWS): they do not exist for the public either.
      const anonymous = await http.request(method, path, body);
      expectProblem(anonymous, 401, 'unauthorized');
      for (const res of [withToken, anonymous]) expect(res.body.steps, path).toBeUndefined();
    }
    // Nothing was replied through them.
    expect((await http.post('/v1/track', { code: c.trackingCode })).body.status).toBe('forwarded');
  });

  it('the served document has the body routes and no path or query parameter for the code', async () => {
    const doc = (await http.get('/openapi.json')).body as {
      paths: Record<string, Record<string, { parameters?: unknown[]; requestBody?: Json }>>;
      components: { schemas: Record<string, { required?: string[] }> };
    };
    const tracking = Object.keys(doc.paths).filter((path) => path.startsWith('/v1/track'));
    expect(tracking.sort()).toEqual(['/v1/track', '/v1/track/reply']);
    for (const path of tracking) {
      expect(Object.keys(doc.paths[path]!), path).toEqual(['post']);
      const operation = doc.paths[path]!.post!;
      expect(operation.parameters ?? [], path).toEqual([]);
      const ref: string = operation.requestBody.content['application/json'].schema.$ref;
      const schema = doc.components.schemas[ref.split('/').at(-1)!]!;
      expect(schema.required, path).toContain('code');
    }
  });
});

describe('the agencies’ answers on the tracking route', () => {
  it('shows each answer (progress and final) by agency name and date, before the rating', async () => {
    const c = await forwardedCase(http, await central(), ['polri', 'pln']);
    const instructions = await http.get(`/v1/cases/${c.id}`, { token: await central() });
    expect(instructions.status).toBe(200);

    const before = await http.post('/v1/track', { code: c.trackingCode });
    expect(before.status, before.text).toBe(200);
    expect(before.body.answers).toEqual([]);

    await answer(c.id, 'polri', 'progress', 'Petugas loket sedang diperiksa Propam.');
    await answer(c.id, 'pln', 'final', 'Sambungan listrik sudah dipasang pada 20 Maret.');
    await answer(c.id, 'polri', 'final', 'Biaya tambahan dikembalikan kepada pemohon.');

    const res = await http.post('/v1/track', { code: c.trackingCode });
    expect(res.status, res.text).toBe(200);
    // Asked to rate now (the reply window is open), with what they are rating in view.
    expect(res.body.status).toBe('resolved');
    expect(res.body.replyWindowClosesAt).toEqual(expect.any(String));
    expect(res.body.answers).toEqual([
      {
        agencyName: POLRI,
        kind: 'progress',
        message: 'Petugas loket sedang diperiksa Propam.',
        at: expect.any(String),
      },
      {
        agencyName: PLN,
        kind: 'final',
        message: 'Sambungan listrik sudah dipasang pada 20 Maret.',
        at: expect.any(String),
      },
      {
        agencyName: POLRI,
        kind: 'final',
        message: 'Biaya tambahan dikembalikan kepada pemohon.',
        at: expect.any(String),
      },
    ]);
    const ats = (res.body.answers as { at: string }[]).map((a) => a.at);
    expect([...ats].sort()).toEqual(ats);
    // Dated as the timeline dates them.
    const timeline = await http.get(`/v1/cases/${c.id}/timeline?limit=100`, {
      token: await central(),
    });
    const submitted = (timeline.body.items as { type: string; at: string }[])
      .filter((e) => e.type === 'response_submitted')
      .map((e) => e.at);
    expect(ats).toEqual(submitted);
    // Never identity or internal data: no complainant, no officer, no agency ids or notes.
    for (const secret of [...IDENTITY, 'polri-agency_officer', 'pln-agency_officer', c.id])
      expect(res.text).not.toContain(secret);
    // The reply answers with the same view.
    const replied = await http.post('/v1/track/reply', {
      code: c.trackingCode,
      satisfied: true,
      rating: 4,
    });
    expect(replied.status, replied.text).toBe(200);
    expect(replied.body.answers).toHaveLength(3);
    // Sent again, as a phone does after its answer was lost: the same view, not an error
    // saying there is nothing to reply to (the reply did go through).
    const again = await http.post('/v1/track/reply', {
      code: c.trackingCode,
      satisfied: true,
      rating: 4,
    });
    expect(again.status, again.text).toBe(200);
    expect(again.body).toEqual(replied.body);
    // Another reply to the closed case is still refused.
    const other = await http.post('/v1/track/reply', {
      code: c.trackingCode,
      satisfied: false,
      rating: 1,
    });
    expect(other.status, other.text).toBe(409);
  });

  it('a "not ours" reason is central’s business, not an answer', async () => {
    const c = await forwardedCase(http, await central(), ['pemprov-bali']);
    const redirected = await http.post(
      `/v1/cases/${c.id}/assignments/pemprov-bali/redirect`,
      { reason: 'Kewenangan Pemkot Denpasar' },
      { token: await as('pemprov-bali', 'agency_officer') },
    );
    expect(redirected.status, redirected.text).toBe(200);
    const res = await http.post('/v1/track', { code: c.trackingCode });
    expect(res.body.answers).toEqual([]);
    expect(res.text).not.toContain('Kewenangan Pemkot Denpasar');
  });

  it('a confidential report still shows its status only', async () => {
    const c = await forwardedCase(http, await central(), ['polri'], {
      body: { confidential: true },
    });
    await answer(c.id, 'polri', 'final', 'Sudah ditindaklanjuti.');
    const res = await http.post('/v1/track', { code: c.trackingCode });
    expect(res.body).toMatchObject({
      status: 'resolved',
      steps: [],
      answers: [],
      confidential: true,
    });
    expect(res.text).not.toContain('Sudah ditindaklanjuti.');
  });
});

describe('a case waiting for the complainant (needs_info)', () => {
  it('carries what is missing, written by central when asking, and how to send it', async () => {
    const token = await central();
    const created = await http.post('/v1/cases', complaint(), { token });
    expect(created.status, created.text).toBe(201);
    const { id, trackingCode } = created.body;
    const missing = 'Fotokopi sertifikat tanah dan bukti pembayaran di loket.';
    const asked = await http.post(
      `/v1/cases/${id}/verification`,
      { decision: 'needs_info', missing, note: 'catatan internal petugas' },
      { token },
    );
    expect(asked.status, asked.text).toBe(200);
    expect(asked.body).toMatchObject({
      status: 'needs_info',
      infoRequest: { missing, requestedAt: expect.any(String) },
    });

    const res = await http.post('/v1/track', { code: trackingCode });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      status: 'needs_info',
      infoRequest: {
        missing,
        requestedAt: asked.body.infoRequest.requestedAt,
        // Where to send it: the central unit's own contact, from the table.
        sendTo: { name: 'Asdep Pengaduan Masyarakat', email: 'dumas@setneg.go.id' },
      },
    });
    expect(res.text).not.toContain('catatan internal petugas');
    for (const secret of IDENTITY) expect(res.text).not.toContain(secret);

    // Asked again, more precisely: the latest request is what the page shows.
    const again = await http.post(
      `/v1/cases/${id}/verification`,
      { decision: 'needs_info', missing: 'Bukti pembayaran saja.' },
      { token },
    );
    expect(again.status, again.text).toBe(200);
    expect((await http.post('/v1/track', { code: trackingCode })).body.infoRequest.missing).toBe(
      'Bukti pembayaran saja.',
    );

    // Once the file is complete and verified, nothing is asked any more.
    const accepted = await http.post(
      `/v1/cases/${id}/verification`,
      { decision: 'accept', type: 'light' },
      { token },
    );
    expect(accepted.body.infoRequest).toBeNull();
    expect((await http.post('/v1/track', { code: trackingCode })).body.infoRequest).toBeNull();

    // Central's timeline keeps what was asked; an agency the case goes to reads the event
    // without it (it may name the complainant's papers).
    const asking = (items: { type: string; data: Record<string, unknown> }[]) =>
      items.filter((e) => e.type === 'case_needs_info').map((e) => e.data.missing);
    const own = await http.get(`/v1/cases/${id}/timeline?limit=100`, { token });
    expect(asking(own.body.items)).toEqual([missing, 'Bukti pembayaran saja.']);
    const sent = await http.post(
      `/v1/cases/${id}/assignments`,
      { assignments: [{ agencyId: 'polri' }] },
      { token },
    );
    expect(sent.status, sent.text).toBe(201);
    const theirs = await http.get(`/v1/cases/${id}/timeline?limit=100`, {
      token: await as('polri', 'agency_officer'),
    });
    expect(asking(theirs.body.items)).toEqual([undefined, undefined]);
    expect(theirs.text).not.toContain('Bukti pembayaran');
    expect(theirs.text).not.toContain(missing);
  });

  it('validates what is missing like any text (not blank, bounded)', async () => {
    const token = await central();
    const created = await http.post('/v1/cases', complaint(), { token });
    const path = `/v1/cases/${created.body.id}/verification`;
    expectInvalid(
      await http.post(path, { decision: 'needs_info', missing: '  ' }, { token }),
      'missing',
    );
    expectInvalid(
      await http.post(path, { decision: 'needs_info', missing: 'x'.repeat(2_001) }, { token }),
      'missing',
    );
  });
});

describe('a case the complainant reopened', () => {
  it('is visibly reopened, listed for central, and forwarded again to the same agencies', async () => {
    const token = await central();
    const c = await forwardedCase(http, token, ['polri', 'pln']);
    await answer(c.id, 'polri', 'final', 'Biaya tambahan dikembalikan.');
    await answer(c.id, 'pln', 'final', 'Sambungan sudah dipasang.');

    const unhappy = await http.post('/v1/track/reply', {
      code: c.trackingCode,
      satisfied: false,
      rating: 2,
      message: 'Biaya belum dikembalikan sampai hari ini.',
    });
    expect(unhappy.status, unhappy.text).toBe(200);
    expect(unhappy.body.status).toBe('reopened');
    const tracked = await http.post('/v1/track', { code: c.trackingCode });
    expect(tracked.body.status).toBe('reopened');
    expect(tracked.body.steps.at(-1)).toMatchObject({ status: 'reopened' });
    // The answers they judged stay in view.
    expect(tracked.body.answers).toHaveLength(2);

    const view = await http.get(`/v1/cases/${c.id}`, { token });
    expect(view.body.status).toBe('reopened');
    const listed = await http.get('/v1/cases?status=reopened&limit=100', { token });
    expect(listed.status, listed.text).toBe(200);
    expect(listed.body.items.map((x: { id: string }) => x.id)).toContain(c.id);
    expect(listed.body.items.every((x: { status: string }) => x.status === 'reopened')).toBe(true);

    // Forwarded again, to the same two agencies: each gets a new generation and clock.
    const again = await http.post(
      `/v1/cases/${c.id}/assignments`,
      {
        assignments: [
          { agencyId: 'polri', instructions: 'Pengadu menyatakan belum puas.' },
          { agencyId: 'pln' },
        ],
      },
      { token },
    );
    expect(again.status, again.text).toBe(201);
    expect(
      again.body.items.map((a: { agencyId: string; generation: number; state: string }) => [
        a.agencyId,
        a.generation,
        a.state,
      ]),
    ).toEqual([
      ['polri', 2, 'pending'],
      ['pln', 2, 'pending'],
    ]);
    const after = await http.get(`/v1/cases/${c.id}`, { token });
    expect(after.body.status).not.toBe('reopened');
    expect(['forwarded', 'in_follow_up']).toContain(after.body.status);
    expect(
      (await http.get('/v1/cases?status=reopened&limit=100', { token })).body.items.map(
        (x: { id: string }) => x.id,
      ),
    ).not.toContain(c.id);

    // The second round's answers join the first; a satisfied reply then closes the case.
    await answer(c.id, 'polri', 'final', 'Biaya telah dikembalikan; bukti transfer terlampir.');
    await answer(c.id, 'pln', 'final', 'Tidak ada tindakan lanjutan.');
    const resolved = await http.post('/v1/track', { code: c.trackingCode });
    expect(resolved.body.status).toBe('resolved');
    expect(resolved.body.outcome).toBeNull();
    expect(resolved.body.answers).toHaveLength(4);
    expect(
      (await http.post('/v1/track/reply', { code: c.trackingCode, satisfied: true, rating: 5 }))
        .body.status,
    ).toBe('closed');
    expect((await http.post('/v1/track', { code: c.trackingCode })).body).toMatchObject({
      status: 'closed',
      outcome: 'resolved',
    });
  });

  it('an agency cannot act on the reopened case until it is forwarded again', async () => {
    const token = await central();
    const c = await forwardedCase(http, token, ['polri']);
    await answer(c.id, 'polri', 'final', 'Selesai.');
    await http.post('/v1/track/reply', { code: c.trackingCode, satisfied: false, rating: 1 });
    const res = await http.post(
      `/v1/cases/${c.id}/assignments/polri/responses`,
      { kind: 'final', message: 'Selesai lagi.' },
      { token: await as('polri', 'agency_officer') },
    );
    expect(res.status, res.text).toBe(409);
    expect((await http.get(`/v1/cases/${c.id}`, { token })).body.status).toBe('reopened');
  });
});
