/**
 * One complaint from registration to closing, across two agencies (and a third after a
 * redirect), over HTTP against the embedded runtime, plus what the public and the agencies
 * may see of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Api,
  api,
  complaint,
  expectProblem,
  idempotencyKey,
  type Json,
  type RunningPantau,
  startPantau,
  users,
  forwardedCase,
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

const COMPLAINANT = {
  name: 'Made Wirawan Putra',
  idNumber: '5103021204800007',
  email: 'made.wirawan@example.com',
  phone: '+62 361 555 0142',
  address: 'Jl. Gatot Subroto Barat No. 41, Denpasar',
};
/** As the API keeps it: the phone as written (`+62 361 555 0142`) in E.164. */
const STORED = { ...COMPLAINANT, phone: '+623615550142' };
/** Crockford base32 without I, L, O, U, grouped 4-4-5. */
const TRACKING_CODE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{5}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const central = () => as('setneg', 'central_officer', 'officer-1');
const polri = () => as('polri', 'agency_officer');
const bali = () => as('pemprov-bali', 'agency_officer');
const pln = () => as('pln', 'agency_officer');

/** The whole timeline as `token` may see it (small cases fit one page of 100). */
/** Waits until the case's timeline holds `n` forwarding letters (each ladder's first tick). */
async function forwardingLetters(caseId: string, n: number): Promise<void> {
  const token = await central();
  await expect
    .poll(
      async () =>
        (await timelineOf(caseId, token)).filter((e) => e.type === 'forwarding_letter').length,
    )
    .toBe(n);
}

async function timelineOf(caseId: string, token: string): Promise<Json[]> {
  const res = await http.get(`/v1/cases/${caseId}/timeline?limit=100`, { token });
  expect(res.status, res.text).toBe(200);
  expect(res.body.nextCursor ?? null).toBeNull();
  return res.body.items;
}

function expectNoIdentity(text: string): void {
  for (const value of [...Object.values(COMPLAINANT), STORED.phone])
    expect(text).not.toContain(value);
}

describe('a complaint forwarded to two agencies, followed up, redirected and closed', () => {
  let caseId: string;
  let trackingCode: string;

  it('central registers the complaint and gets a typable tracking code', async () => {
    const res = await http.post('/v1/cases', complaint({ complainant: COMPLAINANT }), {
      token: await central(),
      headers: idempotencyKey(),
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      status: 'received',
      channel: 'letter',
      complainant: STORED,
      identityHidden: false,
      confidential: false,
      classification: null,
      assignments: [],
      version: expect.any(Number),
    });
    expect(res.body.trackingCode).toMatch(TRACKING_CODE);
    expect(res.body.receivedAt).toMatch(ISO_INSTANT);
    expect(res.body.verificationDueAt).toMatch(ISO_INSTANT);
    caseId = res.body.id;
    trackingCode = res.body.trackingCode;
  });

  it('the public tracking page shows "received" and nothing about the complainant', async () => {
    const res = await http.post('/v1/track', { code: trackingCode });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ trackingCode, status: 'received' });
    expect(res.body.steps.map((s: Json) => s.status)).toEqual(['received']);
    expect(res.body.complainant).toBeUndefined();
    expectNoIdentity(res.text);
  });

  it('the tracking code is found however the complainant types it; an unknown one is 404', async () => {
    const typed = trackingCode.toLowerCase().replaceAll('-', ' ');
    const res = await http.post('/v1/track', { code: typed });
    expect(res.status, res.text).toBe(200);
    expect(res.body.trackingCode).toBe(trackingCode);

    expectProblem(await http.post('/v1/track', { code: 'ZZZZ-ZZZZ-ZZZZZ' }), 404, 'not_found');
  });

  it('central verifies it as a normative complaint', async () => {
    const res = await http.post(
      `/v1/cases/${caseId}/verification`,
      { decision: 'accept', type: 'normative', category: 'pertanahan' },
      { token: await central() },
    );
    expect(res.status, res.text).toBe(200);
    expect(res.body.status).toBe('verified');
    expect(res.body.classification).toMatchObject({ type: 'normative', category: 'pertanahan' });
  });

  it('central forwards it to polri and pemprov-bali, each with deadlines in its own time zone', async () => {
    const res = await http.post(
      `/v1/cases/${caseId}/assignments`,
      {
        assignments: [
          { agencyId: 'polri', instructions: 'Mohon klarifikasi dugaan pungutan liar.' },
          { agencyId: 'pemprov-bali' },
        ],
      },
      { token: await central(), headers: idempotencyKey() },
    );
    expect(res.status, res.text).toBe(201);
    const items: Json[] = res.body.items;
    expect(items.map((a) => a.agencyId)).toEqual(['polri', 'pemprov-bali']);
    for (const a of items) {
      expect(a).toMatchObject({
        caseId,
        state: 'pending',
        overdue: { acknowledge: false, followUp: false, resolution: false },
        escalationLevel: 0,
        paused: false,
      });
      const { acknowledge, followUp, resolution } = a.due;
      for (const due of [acknowledge, followUp, resolution]) expect(due).toMatch(ISO_INSTANT);
      // 3, 5 and 14 working days: strictly later one after the other.
      expect(acknowledge < followUp && followUp < resolution, JSON.stringify(a.due)).toBe(true);
    }
    const [toPolri, toBali] = items;
    // The end of a local working day: 23:59:59.999 WIB (UTC+7) and WITA (UTC+8).
    for (const due of Object.values(toPolri.due)) expect(due).toMatch(/T16:59:59\.999Z$/);
    for (const due of Object.values(toBali.due)) expect(due).toMatch(/T15:59:59\.999Z$/);
    expect(toPolri.instructions).toBe('Mohon klarifikasi dugaan pungutan liar.');

    const view = await http.get(`/v1/cases/${caseId}`, { token: await central() });
    expect(view.body.status).toBe('forwarded');
    expect(view.body.assignments).toHaveLength(2);
    // Each ladder's first tick writes its forwarding letter a moment after the answer, while the
    // assignment is open (one answered or handed back before then gets none): as an agency acts
    // once the letter came, the test goes on once both are there.
    await forwardingLetters(caseId, 2);
  });

  it('each agency finds the complaint in its own queue', async () => {
    for (const [agencyId, token] of [
      ['polri', await polri()],
      ['pemprov-bali', await bali()],
    ] as const) {
      const res = await http.get('/v1/queue', { token });
      expect(res.status, res.text).toBe(200);
      const mine = res.body.items.filter((a: Json) => a.caseId === caseId);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ agencyId, state: 'pending' });
    }
  });

  it('an agency reading the case sees only its own assignment', async () => {
    const res = await http.get(`/v1/cases/${caseId}`, { token: await polri() });
    expect(res.status, res.text).toBe(200);
    expect(res.body.assignments.map((a: Json) => a.agencyId)).toEqual(['polri']);
    // Identity is not hidden on this case: the agency may contact the complainant.
    expect(res.body.complainant).toEqual(STORED);
    expect(res.text).not.toContain('pemprov-bali');
  });

  it('polri acknowledges; acknowledging again changes nothing', async () => {
    const path = `/v1/cases/${caseId}/assignments/polri/acknowledge`;
    const first = await http.post(path, {}, { token: await polri() });
    expect(first.status, first.text).toBe(200);
    expect(first.body.state).toBe('acknowledged');
    expect(first.body.met.acknowledge).toMatch(ISO_INSTANT);

    const again = await http.post(path, {}, { token: await polri() });
    expect(again.status, again.text).toBe(200);
    expect(again.body.state).toBe('acknowledged');
    expect(again.body.version).toBe(first.body.version);
    expect(again.body.met.acknowledge).toBe(first.body.met.acknowledge);
  });

  it('a progress answer puts the case in follow-up; the final answer completes the assignment', async () => {
    const path = `/v1/cases/${caseId}/assignments/polri/responses`;
    const progress = await http.post(
      path,
      { kind: 'progress', message: 'Propam Polda Bali sedang memeriksa para pihak.' },
      { token: await polri() },
    );
    expect(progress.status, progress.text).toBe(200);
    expect(progress.body.state).toBe('responded');
    const afterProgress = await http.get(`/v1/cases/${caseId}`, { token: await central() });
    expect(afterProgress.body.status).toBe('in_follow_up');

    const final = await http.post(
      path,
      { kind: 'final', message: 'Oknum telah diperiksa dan dijatuhi sanksi disiplin.' },
      { token: await polri() },
    );
    expect(final.status, final.text).toBe(200);
    expect(final.body.state).toBe('completed');
    expect(final.body.met.resolution).toMatch(ISO_INSTANT);
  });

  it('a completed assignment takes no further answer', async () => {
    const res = await http.post(
      `/v1/cases/${caseId}/assignments/polri/responses`,
      { kind: 'progress', message: 'Tambahan informasi.' },
      { token: await polri() },
    );
    expectProblem(res, 409, 'invalid_transition');
  });

  it('pemprov-bali says "not ours" with a reason', async () => {
    const res = await http.post(
      `/v1/cases/${caseId}/assignments/pemprov-bali/redirect`,
      {
        reason: 'Penyambungan listrik adalah kewenangan PLN, bukan Pemerintah Provinsi Bali.',
        suggestedAgencyId: 'pln',
      },
      { token: await bali() },
    );
    expect(res.status, res.text).toBe(200);
    expect(res.body.state).toBe('redirected');
    expect(res.body.redirect).toMatchObject({
      reason: expect.stringContaining('kewenangan PLN'),
      suggestedAgencyId: 'pln',
    });
  });

  it('central re-forwards it to pln, and pln’s final answer resolves the case', async () => {
    const forward = await http.post(
      `/v1/cases/${caseId}/assignments`,
      { assignments: [{ agencyId: 'pln' }] },
      { token: await central(), headers: idempotencyKey() },
    );
    expect(forward.status, forward.text).toBe(201);
    expect(forward.body.items[0]).toMatchObject({ agencyId: 'pln', state: 'pending' });
    await forwardingLetters(caseId, 3);

    const final = await http.post(
      `/v1/cases/${caseId}/assignments/pln/responses`,
      { kind: 'final', message: 'Sambungan listrik telah dipasang pada 12 Maret.' },
      { token: await pln() },
    );
    expect(final.status, final.text).toBe(200);
    expect(final.body.state).toBe('completed');

    const view = await http.get(`/v1/cases/${caseId}`, { token: await central() });
    expect(view.body.status).toBe('resolved');
    // The redirected assignment stays on record.
    const states = Object.fromEntries(
      view.body.assignments.map((a: Json) => [a.agencyId, a.state]),
    );
    expect(states).toEqual({ polri: 'completed', 'pemprov-bali': 'redirected', pln: 'completed' });
  });

  it('central closes the case as resolved', async () => {
    const res = await http.post(
      `/v1/cases/${caseId}/close`,
      { outcome: 'resolved', note: 'Pengadu menyatakan puas.' },
      { token: await central() },
    );
    expect(res.status, res.text).toBe(200);
    expect(res.body.status).toBe('closed');
    expect(res.body.closure).toMatchObject({ outcome: 'resolved' });
  });

  it('central’s timeline holds every step, oldest first', async () => {
    // The forwarding letters are written by each ladder's first tick, in the background after
    // the forward's answer: wait until the three are there.
    const token = await central();
    let events: Json[] = [];
    await expect
      .poll(async () => {
        events = await timelineOf(caseId, token);
        return events.filter((e) => e.type === 'forwarding_letter').length;
      })
      .toBe(3);
    const ids = events.map((e) => e.id);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    const ats = events.map((e) => e.at);
    expect([...ats].sort()).toEqual(ats);

    const label = (e: Json) =>
      e.type === 'case_status_changed'
        ? `status:${e.data.to}`
        : e.type === 'response_submitted'
          ? `response:${e.agencyId}:${e.data.kind}`
          : e.agencyId
            ? `${e.type}:${e.agencyId}`
            : e.type;
    const steps = events.map(label);
    // Each forwarding's ladder writes its forwarding letter (issue 15) on its first tick, a
    // moment after the forward: once per agency, after its assignment_forwarded.
    for (const agency of ['polri', 'pemprov-bali', 'pln']) {
      expect(steps.filter((s) => s === `forwarding_letter:${agency}`)).toHaveLength(1);
      expect(steps.indexOf(`forwarding_letter:${agency}`)).toBeGreaterThan(
        steps.indexOf(`assignment_forwarded:${agency}`),
      );
    }
    expect(
      steps.filter((s) => !s.startsWith('status:') && !s.startsWith('forwarding_letter:')),
    ).toEqual([
      'case_registered',
      'case_verified',
      'assignment_forwarded:polri',
      'assignment_forwarded:pemprov-bali',
      'assignment_acknowledged:polri',
      'response:polri:progress',
      'response:polri:final',
      'assignment_redirected:pemprov-bali',
      'assignment_forwarded:pln',
      'response:pln:final',
      'case_closed',
    ]);
    // Each status change comes right after the step that caused it, at the same instant.
    events.forEach((e, i) => {
      if (e.type !== 'case_status_changed') return;
      const cause = events[i - 1];
      expect(cause.type, steps.join('\n')).not.toBe('case_status_changed');
      expect(e.at).toBe(cause.at);
    });
    const after = (step: string) => steps[steps.indexOf(step) + 1];
    expect(after('assignment_forwarded:pemprov-bali')).toBe('status:forwarded');
    expect(after('response:polri:progress')).toBe('status:in_follow_up');
    expect(after('response:pln:final')).toBe('status:resolved');

    expect(events[0].actor).toEqual({
      sub: 'officer-1',
      agency: 'setneg',
      role: 'central_officer',
    });
    const acknowledged = events.find((e) => e.type === 'assignment_acknowledged');
    expect(acknowledged.actor).toMatchObject({ agency: 'polri', role: 'agency_officer' });
    expectNoIdentity(JSON.stringify(events));
  });

  it('polri’s timeline shows case-level events and only its own assignment’s', async () => {
    const events = await timelineOf(caseId, await polri());
    const agencies = new Set(events.map((e) => e.agencyId));
    expect([...agencies].sort()).toEqual([null, 'polri'].sort());
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'case_registered',
        'case_verified',
        'assignment_forwarded',
        'assignment_acknowledged',
        'response_submitted',
        'case_closed',
      ]),
    );
    expect(events.filter((e) => e.type === 'response_submitted')).toHaveLength(2);
    expect(events.some((e) => e.type === 'assignment_redirected')).toBe(false);
  });

  it('the tracking page ends at "closed" with every step, still without identity', async () => {
    const res = await http.post('/v1/track', { code: trackingCode });
    expect(res.status, res.text).toBe(200);
    expect(res.body.status).toBe('closed');
    const statuses = res.body.steps.map((s: Json) => s.status);
    expect(statuses.slice(0, 4)).toEqual(['received', 'verified', 'forwarded', 'in_follow_up']);
    expect(statuses.slice(-2)).toEqual(['resolved', 'closed']);
    // The public steps tell the same story as central's timeline.
    const events = await timelineOf(caseId, await central());
    const changes = events.filter((e) => e.type === 'case_status_changed').map((e) => e.data.to);
    expect(statuses).toEqual(['received', 'verified', ...changes, 'closed']);
    for (const step of res.body.steps) {
      expect(step.at).toMatch(ISO_INSTANT);
      expect(step.label).toEqual(expect.any(String));
    }
    expectNoIdentity(res.text);
  });
});

describe('agencies answering at the same moment', () => {
  it('no answer is lost and the case ends resolved', async () => {
    const agencies = ['polri', 'pemprov-bali', 'pemkot-jayapura', 'pln'];
    const token = await central();
    const created = await http.post('/v1/cases', complaint(), { token });
    const id: string = created.body.id;
    await http.post(
      `/v1/cases/${id}/verification`,
      { decision: 'accept', type: 'light' },
      { token },
    );
    const sent = await http.post(
      `/v1/cases/${id}/assignments`,
      { assignments: agencies.map((agencyId) => ({ agencyId })) },
      { token },
    );
    expect(sent.status, sent.text).toBe(201);

    const answers = await Promise.all(
      agencies.map(async (agencyId) =>
        http.post(
          `/v1/cases/${id}/assignments/${agencyId}/responses`,
          { kind: 'final', message: `Jawaban akhir dari ${agencyId}.` },
          { token: await as(agencyId, 'agency_officer') },
        ),
      ),
    );
    for (const res of answers) expect(res.status, res.text).toBe(200);

    const view = await http.get(`/v1/cases/${id}`, { token });
    expect(view.body.status).toBe('resolved');
    expect(view.body.assignments.map((a: Json) => a.state)).toEqual(
      agencies.map(() => 'completed'),
    );
    const events = await timelineOf(id, token);
    expect(events.filter((e) => e.type === 'response_submitted')).toHaveLength(4);
    expect(events.filter((e) => e.type === 'case_status_changed').map((e) => e.data.to)).toEqual([
      'forwarded',
      'in_follow_up',
      'resolved',
    ]);
  });
});

describe('confidentiality', () => {
  /** Registers, verifies and forwards a complaint to polri; returns the case as central sees it. */
  const forwardedToPolri = async (overrides: Record<string, unknown>): Promise<Json> =>
    forwardedCase(http, await central(), ['polri'], {
      type: 'light',
      body: { complainant: COMPLAINANT, ...overrides },
    });

  it('with identity hidden, the agency sees the complaint without the complainant; central sees it', async () => {
    const c = await forwardedToPolri({ identityHidden: true });

    const agencyView = await http.get(`/v1/cases/${c.id}`, { token: await polri() });
    expect(agencyView.status, agencyView.text).toBe(200);
    expect(agencyView.body.complainant).toBeNull();
    expect(agencyView.body.identityHidden).toBe(true);
    expect(agencyView.body.subject).toBe(c.subject);
    expectNoIdentity(agencyView.text);

    const queue = await http.get('/v1/queue?limit=100', { token: await polri() });
    expectNoIdentity(queue.text);
    const timeline = await http.get(`/v1/cases/${c.id}/timeline`, { token: await polri() });
    expectNoIdentity(timeline.text);

    const centralView = await http.get(`/v1/cases/${c.id}`, { token: await central() });
    expect(centralView.body.complainant).toEqual(STORED);
  });

  it('a confidential report shows only its status on the tracking page', async () => {
    const c = await forwardedToPolri({ confidential: true });
    const res = await http.post('/v1/track', { code: c.trackingCode });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      trackingCode: c.trackingCode,
      status: 'forwarded',
      steps: [],
    });
    expectNoIdentity(res.text);
  });
});

describe('health and documentation', () => {
  it('GET /health answers ok', async () => {
    const res = await http.get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('GET /openapi.json is an OpenAPI 3.1 document listing the public paths', async () => {
    const res = await http.get('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\.1\./);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/cases',
        '/v1/cases/{id}/assignments/{agencyId}/responses',
        '/v1/queue',
        '/v1/assignments',
        '/v1/track',
        '/v1/track/reply',
        '/v1/agencies',
      ]),
    );
  });

  it('GET /docs serves the interactive documentation', async () => {
    const res = await http.get('/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.text).toMatch(/<html/i);
  });
});
