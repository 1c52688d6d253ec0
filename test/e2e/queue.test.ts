/**
 * Queues and worklists: soonest deadline first, cursor pagination that neither skips nor
 * repeats, and what a focal point's coordinator sees of its member units.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Api,
  api,
  expectInvalid,
  expectProblem,
  type Json,
  type RunningPantau,
  startPantau,
  users,
  forwardedCase,
} from '../support/runtime.ts';

let pantau: RunningPantau;
let http: Api;
let as: ReturnType<typeof users>;

const central = () => as('setneg', 'central_officer');

/** Registers, verifies (as `type`) and forwards a complaint to `agencyId`; returns the case id. */
const forwarded = async (agencyId: string, type: 'light' | 'normative' | 'examination') =>
  (
    await forwardedCase(http, await central(), [agencyId], {
      type,
      body: { subject: `${type} → ${agencyId}` },
    })
  ).id as string;

/** Every page of a list, following `nextCursor` from `path` (which carries `limit`). */
async function allPages(path: string, token: string): Promise<{ pages: Json[][]; items: Json[] }> {
  const pages: Json[][] = [];
  let cursor: string | null | undefined;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res = await http.get(
      cursor ? `${path}${sep}cursor=${encodeURIComponent(cursor)}` : path,
      {
        token,
      },
    );
    expect(res.status, res.text).toBe(200);
    pages.push(res.body.items);
    cursor = res.body.nextCursor;
    expect(pages.length, 'too many pages: the cursor does not advance').toBeLessThan(20);
  } while (cursor);
  return { pages, items: pages.flat() };
}

const keyOf = (a: Json) => `${a.caseId}/${a.agencyId}`;

function expectSoonestFirst(items: Json[]): void {
  const dues = items.map((a) => a.nextDueAt as string);
  expect([...dues].sort()).toEqual(dues);
}

beforeAll(async () => {
  pantau = await startPantau();
  http = api(pantau.url);
  as = users(pantau.url);
});
afterAll(async () => {
  await pantau?.stop();
});

describe('an agency’s queue', () => {
  const agency = 'pemkot-jayapura';
  const officer = () => as(agency, 'agency_officer');
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // Next deadlines that differ: acknowledgement (3 working days) while pending, first
    // follow-up (5) once acknowledged, then resolution by complaint type (light 5,
    // normative 14, examination 60) once a progress answer is in.
    ids.pending = await forwarded(agency, 'light');
    ids.acknowledged = await forwarded(agency, 'normative');
    ids.examination = await forwarded(agency, 'examination');
    ids.normative = await forwarded(agency, 'normative');
    ids.light = await forwarded(agency, 'light');
    ids.redirected = await forwarded(agency, 'light');
    const token = await officer();
    const act = async (id: string, action: string, body: unknown = {}) => {
      const res = await http.post(`/v1/cases/${id}/assignments/${agency}/${action}`, body, {
        token,
      });
      expect(res.status, res.text).toBe(200);
    };
    await act(ids.acknowledged!, 'acknowledge');
    for (const id of [ids.examination!, ids.normative!, ids.light!]) {
      await act(id, 'responses', { kind: 'progress', message: 'Sedang ditangani.' });
    }
    await act(ids.redirected!, 'redirect', {
      reason: 'Bukan kewenangan Pemerintah Kota Jayapura.',
    });
  });

  it('lists open assignments, soonest next deadline first', async () => {
    const res = await http.get('/v1/queue', { token: await officer() });
    expect(res.status, res.text).toBe(200);
    const items: Json[] = res.body.items;
    expect(items.every((a) => a.agencyId === agency)).toBe(true);
    expect(items.map((a) => a.caseId).sort()).toEqual(
      [ids.pending, ids.acknowledged, ids.examination, ids.normative, ids.light].sort(),
    );
    expectSoonestFirst(items);

    const byCase = new Map(items.map((a) => [a.caseId, a]));
    const next = (name: string) => byCase.get(ids[name]);
    expect(next('pending').nextDueAt).toBe(next('pending').due.acknowledge);
    expect(next('acknowledged').nextDueAt).toBe(next('acknowledged').due.followUp);
    for (const name of ['light', 'normative', 'examination'])
      expect(next(name).nextDueAt).toBe(next(name).due.resolution);
    // Deadlines that differ come in that order (light's resolution may tie the follow-up).
    expect(items[0].caseId).toBe(ids.pending);
    expect(items.at(-2).caseId).toBe(ids.normative);
    expect(items.at(-1).caseId).toBe(ids.examination);
    expect(next('pending').nextDueAt < next('light').nextDueAt).toBe(true);
    expect(next('light').nextDueAt < next('normative').nextDueAt).toBe(true);
    expect(next('normative').nextDueAt < next('examination').nextDueAt).toBe(true);
    // 23:59:59.999 WIT (UTC+9).
    for (const a of items) expect(a.nextDueAt).toMatch(/T14:59:59\.999Z$/);
  });

  it('pages of 2 follow the cursor through every assignment once, in order', async () => {
    const token = await officer();
    const whole = await http.get('/v1/queue', { token });
    const { pages, items } = await allPages('/v1/queue?limit=2', token);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(items.map(keyOf)).toEqual(whole.body.items.map(keyOf));
    expect(new Set(items.map(keyOf)).size).toBe(items.length);
  });

  it('the last page says there is no next one', async () => {
    const res = await http.get('/v1/queue?limit=100', { token: await officer() });
    expect(res.body.items).toHaveLength(5);
    expect(res.body.nextCursor ?? null).toBeNull();
  });

  it('central’s worklist for the agency pages one by one in the same order', async () => {
    const token = await central();
    const whole = await http.get('/v1/queue', { token: await officer() });
    const { pages, items } = await allPages(`/v1/assignments?agencyId=${agency}&limit=1`, token);
    expect(pages.map((p) => p.length)).toEqual([1, 1, 1, 1, 1]);
    expect(items.map(keyOf)).toEqual(whole.body.items.map(keyOf));
  });

  it('central’s worklist by state lists the redirected assignment', async () => {
    const res = await http.get('/v1/assignments?state=redirected', { token: await central() });
    expect(res.status, res.text).toBe(200);
    expect(res.body.items.map(keyOf)).toEqual([`${ids.redirected}/${agency}`]);
    expect(res.body.items[0]).toMatchObject({
      state: 'redirected',
      redirect: { reason: 'Bukan kewenangan Pemerintah Kota Jayapura.' },
    });

    const queue = await http.get('/v1/queue?state=redirected', { token: await officer() });
    expect(queue.body.items.map(keyOf)).toEqual([`${ids.redirected}/${agency}`]);
  });

  it('central’s worklist across agencies is soonest first too', async () => {
    const { items } = await allPages('/v1/assignments?limit=2', await central());
    expect(items.map((a) => a.caseId).sort()).toEqual(
      [ids.pending, ids.acknowledged, ids.examination, ids.normative, ids.light].sort(),
    );
    expectSoonestFirst(items);
  });

  it('a tampered or garbage cursor is refused', async () => {
    const token = await officer();
    const first = await http.get('/v1/queue?limit=2', { token });
    const cursor: string = first.body.nextCursor;
    expect(cursor).toEqual(expect.any(String));

    expectInvalid(await http.get('/v1/queue?limit=2&cursor=not-a-cursor', { token }), 'cursor');
    // Pointing the (opaque, but decodable) cursor at another agency's partition.
    const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
    expect(decoded).toContain(agency);
    const forged = Buffer.from(decoded.replaceAll(agency, 'polri')).toString('base64url');
    expectInvalid(await http.get(`/v1/queue?limit=2&cursor=${forged}`, { token }), 'cursor');
    const truncated = cursor.slice(0, -6);
    expectProblem(await http.get(`/v1/queue?limit=2&cursor=${truncated}`, { token }), 400);
  });
});

describe('a focal point and its member units', () => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ids.own = await forwarded('atr-bpn', 'normative');
    ids.jatim = await forwarded('kanwil-bpn-jatim', 'normative');
    ids.sulsel = await forwarded('kanwil-bpn-sulsel', 'normative');
  });

  it('the coordinator’s own queue holds only the focal point’s assignments', async () => {
    const res = await http.get('/v1/queue', { token: await as('atr-bpn', 'agency_coordinator') });
    expect(res.status, res.text).toBe(200);
    expect(res.body.items.map(keyOf)).toEqual([`${ids.own}/atr-bpn`]);
  });

  it('with scope=members the coordinator also sees the member units’, soonest first', async () => {
    const token = await as('atr-bpn', 'agency_coordinator');
    const res = await http.get('/v1/queue?scope=members', { token });
    expect(res.status, res.text).toBe(200);
    expect(res.body.items.map(keyOf).sort()).toEqual(
      [
        `${ids.own}/atr-bpn`,
        `${ids.jatim}/kanwil-bpn-jatim`,
        `${ids.sulsel}/kanwil-bpn-sulsel`,
      ].sort(),
    );
    expectSoonestFirst(res.body.items);
    // Each unit's deadlines end its own working day: WITA (Makassar) an hour before WIB.
    const dueOf = (agencyId: string) =>
      res.body.items.find((a: Json) => a.agencyId === agencyId).due.acknowledge;
    expect(dueOf('kanwil-bpn-sulsel')).toMatch(/T15:59:59\.999Z$/);
    expect(dueOf('kanwil-bpn-jatim')).toMatch(/T16:59:59\.999Z$/);

    const { pages, items } = await allPages('/v1/queue?scope=members&limit=1', token);
    expect(pages).toHaveLength(3);
    expect(items.map(keyOf)).toEqual(res.body.items.map(keyOf));
  });

  it('an agency officer of the focal point may not ask for member units', async () => {
    const res = await http.get('/v1/queue?scope=members', {
      token: await as('atr-bpn', 'agency_officer'),
    });
    expectProblem(res, 403, 'forbidden');
  });

  it('a member unit sees its own assignments, never its focal point’s', async () => {
    for (const role of ['agency_officer', 'agency_coordinator'] as const) {
      const token = await as('kanwil-bpn-jatim', role);
      for (const scope of ['own', 'members']) {
        const res = await http.get(`/v1/queue?scope=${scope}`, { token });
        if (role === 'agency_officer' && scope === 'members') {
          expectProblem(res, 403, 'forbidden');
          continue;
        }
        expect(res.status, res.text).toBe(200);
        expect(res.body.items.map(keyOf)).toEqual([`${ids.jatim}/kanwil-bpn-jatim`]);
      }
    }
  });
});

describe('what is new in a member unit’s queue', () => {
  it('a member unit gives a delegated assignment back to its coordinator, saying why', async () => {
    const coordinator = await as('atr-bpn', 'agency_coordinator');
    const jatim = await as('kanwil-bpn-jatim', 'agency_officer');
    const sulsel = await as('kanwil-bpn-sulsel', 'agency_officer');
    const id = await forwarded('atr-bpn', 'light');
    const path = `/v1/cases/${id}/assignments/atr-bpn/delegate`;
    const delegated = await http.post(
      path,
      { memberId: 'kanwil-bpn-jatim' },
      { token: coordinator },
    );
    expect(delegated.status, delegated.text).toBe(200);
    // Another unit cannot, nor can the unit hand it on to a sibling.
    const sibling = await http.post(path, { memberId: null }, { token: sulsel });
    expect(sibling.status, sibling.text).toBe(404);
    const handedOn = await http.post(path, { memberId: 'kanwil-bpn-sulsel' }, { token: jatim });
    expect(handedOn.status, handedOn.text).toBe(403);
    // The unit holding it gives it back: "not our region". The coordinator's queue counts it
    // as new since its last visit (its badge), though forwarded and delegated before.
    const visited = encodeURIComponent(
      (await http.get('/v1/clock', { token: coordinator })).body.now,
    );
    const back = await http.post(
      path,
      { memberId: null, note: 'Lokasi di Makassar, wilayah Kanwil BPN Sulawesi Selatan.' },
      { token: jatim },
    );
    expect(back.status, back.text).toBe(200);
    expect(back.body.delegatedTo).toBeNull();
    expect(back.body.state).toBe('pending');
    // The coordinator has it again, with why; the unit no longer has the case.
    const own = await http.get(`/v1/cases/${id}`, { token: coordinator });
    expect(own.body.assignments.find((a: Json) => a.agencyId === 'atr-bpn').delegatedTo).toBeNull();
    // The forwarding letter is written after the forward's reply, so it may land last.
    const timeline = await http.get(`/v1/cases/${id}/timeline`, { token: coordinator });
    const delegations = timeline.body.items.filter((e: Json) => e.type === 'assignment_delegated');
    expect(delegations.at(-1)).toMatchObject({
      type: 'assignment_delegated',
      data: {
        memberId: null,
        returnedBy: 'kanwil-bpn-jatim',
        note: 'Lokasi di Makassar, wilayah Kanwil BPN Sulawesi Selatan.',
      },
    });
    expect((await http.get(`/v1/cases/${id}`, { token: jatim })).status).toBe(404);
    const news = await http.get(`/v1/queue?forwardedSince=${visited}`, { token: coordinator });
    expect(news.body.items.map(keyOf)).toContain(`${id}/atr-bpn`);

    // One it has answered in full is not given back: it has ended.
    const done = await forwarded('atr-bpn', 'light');
    const donePath = `/v1/cases/${done}/assignments/atr-bpn`;
    await http.post(
      `${donePath}/delegate`,
      { memberId: 'kanwil-bpn-jatim' },
      { token: coordinator },
    );
    const answered = await http.post(
      `${donePath}/responses`,
      { kind: 'final', message: 'Sertifikat sudah diterbitkan.' },
      { token: jatim },
    );
    expect(answered.status, answered.text).toBe(200);
    const late = await http.post(`${donePath}/delegate`, { memberId: null }, { token: jatim });
    expect(late.status, late.text).toBe(409);
  });

  it('an assignment delegated to the unit after its last visit counts as new, though forwarded before', async () => {
    const coordinator = await as('atr-bpn', 'agency_coordinator');
    const unit = await as('kanwil-bpn-jatim', 'agency_officer');
    // Central forwards (Monday), the unit visits its queue (Tuesday), the coordinator
    // delegates (Wednesday): the unit's "new since" counts the delegation.
    const id = await forwarded('atr-bpn', 'light');
    const visited = await http.get('/v1/clock', { token: unit });
    expect(visited.status, visited.text).toBe(200);
    const since = encodeURIComponent(visited.body.now);
    const newSince = async () => {
      const res = await http.get(`/v1/queue?forwardedSince=${since}&total=true`, { token: unit });
      expect(res.status, res.text).toBe(200);
      return res.body;
    };
    expect((await newSince()).total).toBe(0);
    const delegated = await http.post(
      `/v1/cases/${id}/assignments/atr-bpn/delegate`,
      { memberId: 'kanwil-bpn-jatim' },
      { token: coordinator },
    );
    expect(delegated.status, delegated.text).toBe(200);
    const page = await newSince();
    expect(page.items.map(keyOf)).toEqual([`${id}/atr-bpn`]);
    expect(page.total).toBe(1);
    // The coordinator's own badge does not count its own act as news.
    const mine = await http.get(`/v1/queue?forwardedSince=${since}&total=true`, {
      token: coordinator,
    });
    expect(mine.status, mine.text).toBe(200);
    expect(mine.body.items.map(keyOf)).not.toContain(`${id}/atr-bpn`);
  });
});
