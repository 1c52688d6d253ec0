/**
 * Tenancy and authentication: another tenant's records answer 404 on every operation, a
 * wrong role 403, and any token the local issuer did not sign for this audience 401. The
 * tracking code, the complainant's credential, reaches no agency by any route.
 */
import { parseEml, pdfText } from '../../packages/documents/test/read-back.ts';
import { decodeJwt, generateKeyPair, importJWK, type JSONWebKeySet, type JWK, SignJWT } from 'jose';
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '@pantau/local';
import { FORWARDED_AT } from '../support/domain-example.ts';
import {
  type Api,
  api,
  type ApiResponse,
  complaint,
  expectProblem,
  type Json,
  type RunningPantau,
  startPantau,
  token,
  users,
  forwardedCase,
  idempotencyKey,
  waitForJob,
} from '../support/runtime.ts';

let pantau: RunningPantau;
let http: Api;
let as: ReturnType<typeof users>;

const central = () => as('setneg', 'central_officer');

/** Registers, verifies and forwards a complaint to `agencyId`; returns the case id. */
const forwarded = async (agencyId: string): Promise<string> =>
  (await forwardedCase(http, await central(), [agencyId])).id;

/** Every read and action an agency user can attempt on one assignment of a case. */
function assignmentOperations(caseId: string, agencyId: string) {
  const base = `/v1/cases/${caseId}/assignments/${agencyId}`;
  return {
    'GET the case': (t: string) => http.get(`/v1/cases/${caseId}`, { token: t }),
    'GET the timeline': (t: string) => http.get(`/v1/cases/${caseId}/timeline`, { token: t }),
    'GET the assignment': (t: string) => http.get(base, { token: t }),
    acknowledge: (t: string) => http.post(`${base}/acknowledge`, {}, { token: t }),
    respond: (t: string) =>
      http.post(`${base}/responses`, { kind: 'final', message: 'Selesai.' }, { token: t }),
    redirect: (t: string) =>
      http.post(`${base}/redirect`, { reason: 'Bukan kewenangan kami.' }, { token: t }),
  } satisfies Record<string, (t: string) => Promise<ApiResponse>>;
}

beforeAll(async () => {
  pantau = await startPantau();
  http = api(pantau.url);
  as = users(pantau.url);
});
afterAll(async () => {
  await pantau?.stop();
});

describe('another tenant’s records are not found', () => {
  let polriCase: string;
  let focalCase: string;

  beforeAll(async () => {
    polriCase = await forwarded('polri');
    focalCase = await forwarded('atr-bpn');
  });

  it('another agency gets 404 on every operation of polri’s assignment', async () => {
    const pln = await as('pln', 'agency_coordinator');
    for (const [name, call] of Object.entries(assignmentOperations(polriCase, 'polri'))) {
      const res = await call(pln);
      expectProblem(res, 404, 'not_found');
      expect(res.text, name).not.toContain('polri');
    }
    // Naming itself in the path does not help either.
    for (const call of Object.values(assignmentOperations(polriCase, 'pln'))) {
      expectProblem(await call(pln), 404, 'not_found');
    }
    const after = await http.get(`/v1/cases/${polriCase}/assignments/polri`, {
      token: await central(),
    });
    expect(after.body).toMatchObject({ state: 'pending', version: 1 });
  });

  it('an unknown case is just as not found', async () => {
    const pln = await as('pln', 'agency_officer');
    const unknown = '01JZZZZZZZZZZZZZZZZZZZZZZZ';
    for (const call of Object.values(assignmentOperations(unknown, 'pln'))) {
      expectProblem(await call(pln), 404, 'not_found');
    }
  });

  it('a member unit gets 404 on its focal point’s assignment', async () => {
    for (const role of ['agency_officer', 'agency_coordinator'] as const) {
      const jatim = await as('kanwil-bpn-jatim', role);
      for (const call of Object.values(assignmentOperations(focalCase, 'atr-bpn'))) {
        expectProblem(await call(jatim), 404, 'not_found');
      }
    }
  });

  it('agencies see themselves and their member units, not other agencies', async () => {
    const pln = await as('pln', 'agency_officer');
    expectProblem(await http.get('/v1/agencies/polri', { token: pln }), 404, 'not_found');
    const list = await http.get('/v1/agencies', { token: pln });
    expect(list.body.items.map((a: { id: string }) => a.id)).toEqual(['pln']);

    const focal = await http.get('/v1/agencies', { token: await as('atr-bpn', 'agency_officer') });
    expect(focal.body.items.map((a: { id: string }) => a.id).sort()).toEqual([
      'atr-bpn',
      'kanwil-bpn-jatim',
      'kanwil-bpn-sulsel',
    ]);
    expectProblem(
      await http.get('/v1/agencies/atr-bpn', {
        token: await as('kanwil-bpn-jatim', 'agency_officer'),
      }),
      404,
      'not_found',
    );
  });
});

describe('a focal point acting for a member unit', () => {
  let memberCase: string;
  const base = () => `/v1/cases/${memberCase}/assignments/kanwil-bpn-jatim`;

  beforeAll(async () => {
    memberCase = await forwarded('kanwil-bpn-jatim');
  });

  it('the focal point’s officer may read the member unit’s assignment but not act on it', async () => {
    const officer = await as('atr-bpn', 'agency_officer');
    const read = await http.get(base(), { token: officer });
    expect(read.status, read.text).toBe(200);
    expect(read.body.agencyId).toBe('kanwil-bpn-jatim');
    expectProblem(
      await http.post(`${base()}/acknowledge`, {}, { token: officer }),
      403,
      'forbidden',
    );
    expectProblem(
      await http.post(
        `${base()}/responses`,
        { kind: 'progress', message: 'x' },
        { token: officer },
      ),
      403,
      'forbidden',
    );
    expectProblem(
      await http.post(`${base()}/redirect`, { reason: 'Bukan kewenangan.' }, { token: officer }),
      403,
      'forbidden',
    );
  });

  it('the focal point’s coordinator may act on it', async () => {
    const coordinator = await as('atr-bpn', 'agency_coordinator');
    const ack = await http.post(`${base()}/acknowledge`, {}, { token: coordinator });
    expect(ack.status, ack.text).toBe(200);
    expect(ack.body.state).toBe('acknowledged');
    const answer = await http.post(
      `${base()}/responses`,
      { kind: 'progress', message: 'Kanwil BPN Jatim sedang mengukur ulang bidang tanah.' },
      { token: coordinator },
    );
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.state).toBe('responded');

    const timeline = await http.get(`/v1/cases/${memberCase}/timeline`, { token: await central() });
    const acted = timeline.body.items.find(
      (e: { type: string }) => e.type === 'assignment_acknowledged',
    );
    expect(acted.actor).toMatchObject({ agency: 'atr-bpn', role: 'agency_coordinator' });
  });

  it('a replay of the coordinator’s request (same Idempotency-Key) is no way in for the officer', async () => {
    // The stored answer is the focal point's tenant's: its officer, who may not act on the
    // member unit's assignment, is refused before any replay, as without the key.
    const key = idempotencyKey();
    const body = { kind: 'progress', message: 'Pengukuran ulang dijadwalkan pekan depan.' };
    const coordinator = await as('atr-bpn', 'agency_coordinator');
    const first = await http.post(`${base()}/responses`, body, {
      token: coordinator,
      headers: key,
    });
    expect(first.status, first.text).toBe(200);
    const again = await http.post(`${base()}/responses`, body, {
      token: coordinator,
      headers: key,
    });
    expect(again.body, 'the coordinator’s own retry replays').toEqual(first.body);
    const officer = await as('atr-bpn', 'agency_officer');
    expectProblem(
      await http.post(`${base()}/responses`, body, { token: officer, headers: key }),
      403,
      'forbidden',
    );
  });
});

describe('a delegation lasts while the unit is the focal point’s member, and can always be taken back', () => {
  const admin = () => as('setneg', 'central_admin');
  const member = () => as('kanwil-bpn-ntb', 'agency_officer');
  const coordinator = () => as('atr-bpn', 'agency_coordinator');
  const delegated = async () => {
    const id = await forwarded('atr-bpn');
    const res = await http.post(
      `/v1/cases/${id}/assignments/atr-bpn/delegate`,
      { memberId: 'kanwil-bpn-ntb' },
      { token: await coordinator() },
    );
    expect(res.status, res.text).toBe(200);
    return id;
  };

  beforeAll(async () => {
    const made = await http.post(
      '/v1/agencies',
      {
        id: 'kanwil-bpn-ntb',
        name: 'Kantor Wilayah BPN Provinsi NTB',
        kind: 'agency',
        focalPointId: 'atr-bpn',
        timeZone: 'Asia/Makassar',
        contacts: [{ name: 'Bagian Umum', email: 'umum@kanwil-ntb.example.go.id' }],
      },
      { token: await admin() },
    );
    expect(made.status, made.text).toBe(201);
  });

  it('a coordinator takes a delegation back from an assignment that has ended', async () => {
    const id = await delegated();
    expect((await http.get(`/v1/cases/${id}`, { token: await member() })).status).toBe(200);
    const closed = await http.post(
      `/v1/cases/${id}/close`,
      { outcome: 'withdrawn' },
      { token: await central() },
    );
    expect(closed.status, closed.text).toBe(200);
    const back = await http.post(
      `/v1/cases/${id}/assignments/atr-bpn/delegate`,
      { memberId: null },
      { token: await coordinator() },
    );
    expect(back.status, back.text).toBe(200);
    expect((await http.get(`/v1/cases/${id}`, { token: await member() })).status).toBe(404);
  });

  it('a unit moved away from the focal point no longer reads or answers what it was delegated, and gives it back', async () => {
    const id = await delegated();
    const answer = { kind: 'progress', message: 'Sedang diukur ulang.' };
    const base = `/v1/cases/${id}/assignments/atr-bpn`;
    expect((await http.get(base, { token: await member() })).status).toBe(200);
    /** The case's assignments in the member unit's queue, open and ended. */
    const inMemberQueue = async () => {
      const res = await http.get('/v1/queue?ended=true&limit=100', { token: await member() });
      expect(res.status, res.text).toBe(200);
      return (res.body.items as Json[]).filter((a) => a.caseId === id);
    };
    expect(await inMemberQueue()).toHaveLength(1);
    const moved = await http.patch(
      '/v1/agencies/kanwil-bpn-ntb',
      { focalPointId: null },
      { token: await admin() },
    );
    expect(moved.status, moved.text).toBe(200);
    // At once, the unit neither reads nor answers it; the job the move started gives it back.
    expectProblem(await http.get(`/v1/cases/${id}`, { token: await member() }), 404, 'not_found');
    expectProblem(await http.get(base, { token: await member() }), 404, 'not_found');
    const refused = await http.post(`${base}/responses`, answer, { token: await member() });
    expect([403, 404]).toContain(refused.status);
    // Nothing was answered in its name.
    expect(moved.body.delegationsJob).toMatchObject({
      kind: 'member',
      scope: { kind: 'member', memberId: 'kanwil-bpn-ntb', focalPointId: null },
    });
    const job = await waitForJob(http, await central(), moved.body.delegationsJob.id);
    expect(job).toMatchObject({ state: 'completed', total: 1, done: 1, moved: 1, failed: 0 });
    const state = await http.get(base, { token: await central() });
    expect(state.body.state).toBe('pending');
    // The delegation came back to the focal point, which sees it as its own to work again,
    // with the reason on the timeline; the unit's queue no longer lists what it cannot open.
    expect(state.body.delegatedTo).toBeNull();
    expect(await inMemberQueue()).toEqual([]);
    const timeline = await http.get(`/v1/cases/${id}/timeline?limit=100`, {
      token: await coordinator(),
    });
    // The forwarding letter is written after the forward's reply, so it may land last.
    const delegations = timeline.body.items.filter((e: Json) => e.type === 'assignment_delegated');
    expect(delegations.at(-1)).toMatchObject({
      type: 'assignment_delegated',
      agencyId: 'atr-bpn',
      data: { memberId: null, reason: 'member_left', formerMemberId: 'kanwil-bpn-ntb' },
    });
  });
});

describe('roles', () => {
  let caseId: string;

  beforeAll(async () => {
    caseId = await forwarded('polri');
  });

  it('an agency officer cannot do the central unit’s work', async () => {
    const officer = await as('polri', 'agency_officer');
    const calls: Record<string, () => Promise<ApiResponse>> = {
      'POST /v1/cases': () => http.post('/v1/cases', complaint(), { token: officer }),
      'GET /v1/cases': () => http.get('/v1/cases', { token: officer }),
      'GET /v1/assignments': () => http.get('/v1/assignments', { token: officer }),
      verification: () =>
        http.post(
          `/v1/cases/${caseId}/verification`,
          { decision: 'accept', type: 'light' },
          { token: officer },
        ),
      forward: () =>
        http.post(
          `/v1/cases/${caseId}/assignments`,
          { assignments: [{ agencyId: 'pln' }] },
          { token: officer },
        ),
      close: () =>
        http.post(`/v1/cases/${caseId}/close`, { outcome: 'withdrawn' }, { token: officer }),
      'POST /v1/agencies': () =>
        http.post('/v1/agencies', newAgency('polri-sub'), { token: officer }),
    };
    for (const [name, call] of Object.entries(calls)) {
      const res = await call();
      expect(res.status, `${name}: ${res.text}`).toBe(403);
      expectProblem(res, 403, 'forbidden');
    }
    const view = await http.get(`/v1/cases/${caseId}`, { token: await central() });
    expect(view.body).toMatchObject({ status: 'forwarded', closure: null });
    expect(view.body.assignments).toHaveLength(1);
  });

  it('a central officer cannot act for an agency, nor use an agency’s queue', async () => {
    const officer = await central();
    expectProblem(
      await http.post(`/v1/cases/${caseId}/assignments/polri/acknowledge`, {}, { token: officer }),
      403,
      'forbidden',
    );
    expectProblem(
      await http.post(
        `/v1/cases/${caseId}/assignments/polri/responses`,
        { kind: 'final', message: 'x' },
        { token: officer },
      ),
      403,
      'forbidden',
    );
    expectProblem(await http.get('/v1/queue', { token: officer }), 403, 'forbidden');
  });

  it('only a central admin registers agencies', async () => {
    expectProblem(
      await http.post('/v1/agencies', newAgency('kpk'), { token: await central() }),
      403,
      'forbidden',
    );
    const created = await http.post('/v1/agencies', newAgency('kpk'), {
      token: await as('setneg', 'central_admin'),
    });
    expect(created.status, created.text).toBe(201);
  });
});

describe('the tracking code is the complainant’s credential: no agency ever sees it', () => {
  // Whoever holds the code may reply "satisfied, 5" as the complainant and close the case; an
  // agency that could read its own case's code could grade itself. So the test an issue asks
  // for, "an agency posts the reply with a code it obtained", cannot be written: this one
  // collects everything an agency can read and finds no code (nor anything shaped like one).
  const TRACKING_CODE = /[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{5}/;
  let clocked: RunningPantau;
  let web: Api;
  let who: ReturnType<typeof users>;
  let caseId: string;
  let memberCaseId: string;
  let codes: string[];

  beforeAll(async () => {
    // Its own runtime on the manual clock, so that the ladder writes letters to read.
    clocked = await startPantau({
      env: { PANTAU_CLOCK: 'manual', PANTAU_CLOCK_START: FORWARDED_AT },
    });
    web = api(clocked.url);
    who = users(clocked.url);
    const officer = await who('setneg', 'central_officer');
    // polri and the focal point atr-bpn; atr-bpn delegates its assignment to its member unit.
    const shared = await forwardedCase(web, officer, ['polri', 'atr-bpn']);
    // A member unit's own assignment, which its focal point's coordinator reads and acts on.
    const member = await forwardedCase(web, officer, ['kanwil-bpn-sulsel']);
    caseId = shared.id;
    memberCaseId = member.id;
    codes = [shared.trackingCode, member.trackingCode];
    const delegated = await web.post(
      `/v1/cases/${caseId}/assignments/atr-bpn/delegate`,
      { memberId: 'kanwil-bpn-jatim' },
      { token: await who('atr-bpn', 'agency_coordinator') },
    );
    expect(delegated.status, delegated.text).toBe(200);
    // Silent for weeks: warnings, reminders and a formal warning go out to each agency.
    expect((await web.post('/dev/clock', { advance: 'P30D' })).status).toBe(200);
  });
  afterAll(async () => {
    await clocked?.stop();
  });

  /** Every answer `t` gets from the agency views of a case and of its own agency's queues. */
  async function agencyViews(t: string, agencyId: string, assignment: [string, string]) {
    const [onCase, of] = assignment;
    const base = `/v1/cases/${onCase}/assignments/${of}`;
    const reads: ApiResponse[] = [
      await web.get(`/v1/cases/${onCase}`, { token: t }),
      await web.get(`/v1/cases/${onCase}/timeline?limit=100`, { token: t }),
      await web.get(base, { token: t }),
      await web.get(`${base}/deadlines`, { token: t }),
      await web.get('/v1/queue?limit=100', { token: t }),
      await web.get(`/v1/notifications?agencyId=${agencyId}&limit=100`, { token: t }),
      await web.get(`/v1/agencies/${agencyId}`, { token: t }),
    ];
    for (const res of reads) expect(res.status, res.text).toBe(200);
    return reads;
  }

  const expectNoCode = (responses: ApiResponse[], reader: string) => {
    for (const res of responses) {
      for (const code of codes) expect(res.text, reader).not.toContain(code);
      expect(res.text, `${reader}: something shaped like a tracking code`).not.toMatch(
        TRACKING_CODE,
      );
    }
  };

  it('central reads it on the case (the control)', async () => {
    const res = await web.get(`/v1/cases/${caseId}`, {
      token: await who('setneg', 'central_officer'),
    });
    expect(res.body.trackingCode).toBe(codes[0]);
  });

  it('an agency officer and coordinator: case, assignment, deadlines, queue, timeline, letters', async () => {
    for (const role of ['agency_officer', 'agency_coordinator'] as const) {
      const t = await who('polri', role);
      const seen = await agencyViews(t, 'polri', [caseId, 'polri']);
      // Their own actions answer with views too.
      const base = `/v1/cases/${caseId}/assignments/polri`;
      const acted = [
        await web.post(`${base}/acknowledge`, {}, { token: t }),
        await web.post(
          `${base}/responses`,
          { kind: 'progress', message: `Sedang diperiksa (${role}).` },
          { token: t },
        ),
        await web.post(`${base}/pause`, { reason: 'Menunggu dokumen.' }, { token: t }),
        await web.post(`${base}/resume`, {}, { token: t }),
      ];
      for (const res of acted) expect(res.status, res.text).toBeLessThan(300);
      expectNoCode([...seen, ...acted], `polri ${role}`);
    }
    // The letters were there to read (the check above was not on empty pages).
    const letters = await web.get('/v1/notifications?agencyId=polri&limit=100', {
      token: await who('polri', 'agency_officer'),
    });
    expect(letters.body.items.length).toBeGreaterThan(0);
  });

  it('a focal point’s coordinator, also on its member units’ queues and letters', async () => {
    const t = await who('atr-bpn', 'agency_coordinator');
    const seen = [
      ...(await agencyViews(t, 'atr-bpn', [caseId, 'atr-bpn'])),
      ...(await agencyViews(t, 'kanwil-bpn-sulsel', [memberCaseId, 'kanwil-bpn-sulsel'])),
      await web.get('/v1/queue?scope=members&limit=100', { token: t }),
      await web.get('/v1/agencies', { token: t }),
    ];
    expect(seen.at(-2)!.status).toBe(200);
    expect(
      (await web.get('/v1/notifications?agencyId=kanwil-bpn-sulsel', { token: t })).body.items
        .length,
    ).toBeGreaterThan(0);
    expectNoCode(seen, 'atr-bpn coordinator');
  });

  it('the member unit working a delegated assignment, and the letters written as files', async () => {
    for (const role of ['agency_officer', 'agency_coordinator'] as const) {
      const t = await who('kanwil-bpn-jatim', role);
      const seen = await agencyViews(t, 'kanwil-bpn-jatim', [caseId, 'atr-bpn']);
      expect(JSON.stringify(seen[4]!.body.items)).toContain(caseId); // delegated: in its queue
      const ack = await web.post(
        `/v1/cases/${caseId}/assignments/atr-bpn/acknowledge`,
        {},
        { token: t },
      );
      expect(ack.status, ack.text).toBe(200);
      expectNoCode([...seen, ack], `kanwil-bpn-jatim ${role}`);
    }
    // The letters as sent (.eml files, what an agency's mailbox receives).
    const mail = join(clocked.dataDir, 'mail');
    const files = readdirSync(mail, { recursive: true, withFileTypes: true }).filter((f) =>
      f.name.endsWith('.eml'),
    );
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const text = await readFile(join(f.parentPath, f.name), 'utf8');
      for (const code of codes) expect(text, f.name).not.toContain(code);
      // Decoded as a mail client would, the PDF letter included (issue 15).
      const parsed = await parseEml(text);
      const pdfs = parsed.attachments.filter((a) => a.contentType === 'application/pdf');
      const decoded = [
        parsed.text ?? '',
        ...(await Promise.all(pdfs.map((a) => pdfText(new Uint8Array(a.content))))),
      ].join('\n');
      for (const code of codes) expect(decoded, f.name).not.toContain(code);
    }
  });
});

describe('the subject central restated, to take a name out of it', () => {
  it('agencies read only the restated subject, on the case and anywhere in its timeline', async () => {
    const token = await central();
    const original = 'Pungli oleh Bapak Hendra Wijaya, Lurah Sukamaju, terhadap Ibu Sari';
    const restated = 'Pungutan liar di kantor kelurahan';
    const created = await http.post('/v1/cases', complaint({ subject: original }), { token });
    const id = created.body.id as string;
    const verified = await http.post(
      `/v1/cases/${id}/verification`,
      { decision: 'accept', type: 'normative', subject: restated },
      { token },
    );
    expect(verified.status, verified.text).toBe(200);
    const sent = await http.post(
      `/v1/cases/${id}/assignments`,
      { assignments: [{ agencyId: 'polri' }] },
      { token },
    );
    expect(sent.status, sent.text).toBe(201);

    // Central keeps both: what came in, and what it made of it (the control).
    const own = await http.get(`/v1/cases/${id}/timeline?limit=100`, { token });
    expect(own.text).toContain(original);

    const polri = await as('polri', 'agency_officer');
    const theirCase = await http.get(`/v1/cases/${id}`, { token: polri });
    expect(theirCase.body.subject).toBe(restated);
    const theirs = await http.get(`/v1/cases/${id}/timeline?limit=100`, { token: polri });
    expect(theirs.status, theirs.text).toBe(200);
    expect(theirs.text).not.toContain('Hendra');
    // The verification is there, without the subject it gave: the case's own is the one read.
    const verification = (theirs.body.items as { type: string; data: object }[]).find(
      (e) => e.type === 'case_verified',
    );
    expect(verification?.data).not.toHaveProperty('subject');

    // Restated again, after the forward (the first restatement still named the village): the
    // agency reads the new subject on the case, and no earlier one anywhere in its timeline.
    const again = await http.patch(`/v1/cases/${id}`, { subject: 'Pungutan liar' }, { token });
    expect(again.status, again.text).toBe(200);
    expect((await http.get(`/v1/cases/${id}`, { token: polri })).body.subject).toBe(
      'Pungutan liar',
    );
    const later = await http.get(`/v1/cases/${id}/timeline?limit=100`, { token: polri });
    expect(later.text).not.toContain(restated);
    expect(later.text).not.toContain('Hendra');
    expect(later.text).toContain('subjectRestated');
  });
});

describe('authentication', () => {
  const claims = { sub: 'intruder', agency: 'setneg', role: 'central_admin' };
  const expectUnauthorized = async (bearer: string) => {
    expectProblem(await http.get('/v1/cases', { token: bearer }), 401, 'unauthorized');
  };

  it('no token, or not a Bearer one, is 401', async () => {
    expectProblem(await http.get('/v1/cases'), 401, 'unauthorized');
    expectProblem(await http.get('/v1/queue'), 401, 'unauthorized');
    expectProblem(await http.post('/v1/cases', complaint()), 401, 'unauthorized');
    const basic = await http.get('/v1/cases', {
      headers: { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` },
    });
    expectProblem(basic, 401, 'unauthorized');
    await expectUnauthorized('not-a-jwt');
  });

  it('a token signed by another key is 401, even under the local key’s id', async () => {
    const jwks = (await (await fetch(`${pantau.url}/dev/jwks.json`)).json()) as JSONWebKeySet;
    const kid = jwks.keys[0]!.kid!;
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ agency: claims.agency, role: claims.role })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setSubject(claims.sub)
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    await expectUnauthorized(forged);
  });

  it('an expired token is 401', async () => {
    // Signed with the issuer's own key (from the data dir), its expiry chosen here: no race
    // with the whole second the issuer counts in.
    const jwk = JSON.parse(await readFile(join(pantau.dataDir, 'issuer-key.json'), 'utf8')) as JWK;
    const key = await importJWK(jwk, 'RS256');
    const expiringAt = (exp: number) =>
      new SignJWT({ agency: 'setneg', role: 'central_officer' })
        .setProtectedHeader({ alg: 'RS256', kid: jwk.kid! })
        .setSubject('officer-1')
        .setIssuer(LOCAL_ISSUER)
        .setAudience(LOCAL_AUDIENCE)
        .setIssuedAt(exp - 60)
        .setExpirationTime(exp)
        .sign(key);
    // Expired two seconds ago: refused, no leeway.
    await expectUnauthorized(await expiringAt(Math.floor(Date.now() / 1000) - 2));
    // A token accepted while valid (so remembered by the API) is refused once its exp passes.
    // It is valid for at least a second; a 401 that came back only after that second (a slow
    // machine) says nothing, so the check starts again with a new token.
    for (let attempt = 1; ; attempt += 1) {
      const exp = Math.floor(Date.now() / 1000) + 2;
      const bearer = await expiringAt(exp);
      const fresh = await http.get('/v1/cases', { token: bearer });
      if (fresh.status === 401 && Date.now() >= exp * 1000 && attempt < 5) continue;
      expect(fresh.status, fresh.text).toBe(200);
      await new Promise((r) => setTimeout(r, Math.max(0, exp * 1000 - Date.now()) + 50));
      await expectUnauthorized(bearer);
      break;
    }
    // The dev issuer's short-lived tokens expire when asked: one second after they were issued.
    const shortLived = decodeJwt(
      await token(pantau.url, {
        sub: 'officer-1',
        agency: 'setneg',
        role: 'central_officer',
        expiresInSeconds: 1,
      }),
    );
    expect(shortLived.exp! - shortLived.iat!).toBe(1);
  });

  it('a token of the right key for another audience or issuer is 401', async () => {
    // The local issuer's own key, from the data dir: only the claims are wrong.
    const jwk = JSON.parse(await readFile(join(pantau.dataDir, 'issuer-key.json'), 'utf8')) as JWK;
    const key = await importJWK(jwk, 'RS256');
    const sign = (issuer: string, audience: string) =>
      new SignJWT({ agency: claims.agency, role: claims.role })
        .setProtectedHeader({ alg: 'RS256', kid: jwk.kid! })
        .setSubject(claims.sub)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(key);
    // Control: the same key with the right claims is accepted.
    const right = await http.get('/v1/cases', { token: await sign(LOCAL_ISSUER, LOCAL_AUDIENCE) });
    expect(right.status, right.text).toBe(200);
    await expectUnauthorized(await sign(LOCAL_ISSUER, 'another-app'));
    await expectUnauthorized(await sign('https://evil.example', LOCAL_AUDIENCE));
    // Signed correctly but without the tenant and role claims.
    const bare = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: jwk.kid! })
      .setSubject(claims.sub)
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setExpirationTime('1h')
      .sign(key);
    await expectUnauthorized(bare);
  });

  it('an unsigned (alg: none) or HMAC token made from the public key is 401', async () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const payload = {
      ...claims,
      iss: LOCAL_ISSUER,
      aud: LOCAL_AUDIENCE,
      iat: now,
      exp: now + 3600,
    };
    await expectUnauthorized(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`);

    const jwks = (await (await fetch(`${pantau.url}/dev/jwks.json`)).json()) as JSONWebKeySet;
    const publicJwk = jwks.keys[0]!;
    const secret = new TextEncoder().encode(JSON.stringify(publicJwk));
    const hmac = await new SignJWT({ agency: claims.agency, role: claims.role })
      .setProtectedHeader({ alg: 'HS256', kid: publicJwk.kid! })
      .setSubject(claims.sub)
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setExpirationTime('1h')
      .sign(secret);
    await expectUnauthorized(hmac);
  });
});

function newAgency(id: string) {
  return {
    id,
    name: `Agency ${id}`,
    kind: 'agency',
    contacts: [{ name: 'Liaison', email: `liaison@${id}.example.go.id` }],
  };
}
