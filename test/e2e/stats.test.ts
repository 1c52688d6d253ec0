/** Statistics and spreadsheet exports over HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, complaint, type RunningPantau, startPantau, users } from '../support/runtime.ts';

let pantau: RunningPantau;
let http: ReturnType<typeof api>;
let as: ReturnType<typeof users>;

beforeAll(async () => {
  pantau = await startPantau({
    env: { PANTAU_CLOCK: 'manual', PANTAU_CLOCK_START: '2026-05-04T03:00:00.000Z' },
  });
  http = api(pantau.url);
  as = users(pantau.url);
});
afterAll(async () => {
  await pantau?.stop();
});

describe('statistics over HTTP', () => {
  it('reports response rates per agency as JSON and CSV, and exports cases without identity', async () => {
    const central = await as('setneg', 'central_officer');
    const ids: string[] = [];
    for (const agencies of [['polri', 'pln'], ['polri']]) {
      const created = await http.post('/v1/cases', complaint(), { token: central });
      ids.push(created.body.id);
      await http.post(
        `/v1/cases/${created.body.id}/verification`,
        { decision: 'accept', type: 'light' },
        { token: central },
      );
      await http.post(
        `/v1/cases/${created.body.id}/assignments`,
        { assignments: agencies.map((agencyId) => ({ agencyId })) },
        { token: central },
      );
    }
    const polri = await as('polri', 'agency_officer');
    await http.post(
      `/v1/cases/${ids[0]}/assignments/polri/responses`,
      { kind: 'final', message: 'Selesai.' },
      { token: polri },
    );

    const report = await http.get('/v1/stats/agencies?from=2026-05-01&to=2026-05-31', {
      token: central,
    });
    expect(report.status).toBe(200);
    const polriStats = report.body.items.find((s: { agencyId: string }) => s.agencyId === 'polri');
    expect(polriStats).toMatchObject({
      assigned: 2,
      responded: 1,
      respondedOnTime: 1,
      completed: 1,
      responseRate: 0.5,
      medianWorkingDaysToFirstResponse: 0,
      belowMinimumSample: true,
      rank: null,
    });
    expect(report.body.totals).toMatchObject({ assigned: 3, responded: 1 });
    expect(
      report.body.items.find((s: { agencyId: string }) => s.agencyId === 'setneg'),
    ).toBeUndefined();

    const csv = await http.get('/v1/stats/agencies.csv?from=2026-05-01&to=2026-05-31', {
      token: central,
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe(
      'agencyId,assigned,redirected,responded,respondedOnTime,completed,responseRatePercent,onTimeRatePercent,medianWorkingDaysToFirstResponse,belowMinimumSample,rank',
    );
    expect(lines).toContain('polri,2,0,1,1,1,50.00,50.00,0,true,');
    expect(lines.at(-1)).toMatch(/^all,3,0,1,1,1,33\.33,33\.33,0,false,$/);

    const cases = await http.get('/v1/exports/cases.csv?from=2026-05-04&to=2026-05-04', {
      token: central,
    });
    expect(cases.text.split('\n')[0]).toBe(
      'id,trackingCode,status,channel,receivedAt,subject,type,category,agencies,overdue,outcome,closedAt',
    );
    for (const id of ids) expect(cases.text).toContain(id);
    expect(cases.text).toContain('pln polri');
    for (const secret of ['Siti Rahmawati', '5171034407850002', 'siti.rahmawati@example.com'])
      expect(cases.text).not.toContain(secret);
    const none = await http.get('/v1/exports/cases.csv?from=2026-04-01&to=2026-04-30', {
      token: central,
    });
    expect(none.text.trim().split('\n')).toHaveLength(1);

    expect((await http.get('/v1/stats/agencies', { token: polri })).status).toBe(403);
    expect((await http.get('/v1/exports/cases.csv', { token: polri })).status).toBe(403);
    expect((await http.get('/v1/stats/agencies')).status).toBe(401);
    const bad = await http.get('/v1/stats/agencies?from=2026-13-01', { token: central });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('from');
    expect(
      (await http.get('/v1/stats/agencies?from=2026-06-01&to=2026-05-01', { token: central })).body
        .errors[0].path,
    ).toBe('from');
  });
});

describe('complainant replies and monitoring activities over HTTP', () => {
  it('takes the complainant’s reply through the tracking code, and central’s activities', async () => {
    const central = await as('setneg', 'central_officer');
    const polri = await as('polri', 'agency_officer');
    const created = await http.post('/v1/cases', complaint(), { token: central });
    const { id, trackingCode } = created.body;
    await http.post(
      `/v1/cases/${id}/verification`,
      { decision: 'accept', type: 'light' },
      { token: central },
    );
    await http.post(
      `/v1/cases/${id}/assignments`,
      { assignments: [{ agencyId: 'polri' }] },
      { token: central },
    );
    const early = await http.post('/v1/track/reply', {
      code: trackingCode,
      satisfied: true,
      rating: 5,
    });
    expect(early.status).toBe(409);
    await http.post(
      `/v1/cases/${id}/assignments/polri/responses`,
      { kind: 'final', message: 'Selesai.' },
      { token: polri },
    );

    const tracked = await http.post('/v1/track', { code: trackingCode });
    expect(tracked.body).toMatchObject({ status: 'resolved' });
    expect(tracked.body.replyWindowClosesAt).toMatch(/Z$/);
    expect(
      (await http.post('/v1/track/reply', { code: trackingCode, satisfied: true, rating: 6 })).body
        .errors[0].path,
    ).toBe('rating');
    expect(
      (await http.post('/v1/track/reply', { code: 'ZZZZ-ZZZZ-ZZZZZ', satisfied: true, rating: 4 }))
        .status,
    ).toBe(404);
    const replied = await http.post('/v1/track/reply', {
      code: trackingCode,
      satisfied: false,
      rating: 2,
      message: 'Belum selesai.',
    });
    expect(replied.status).toBe(200);
    expect(replied.body).toMatchObject({ status: 'reopened', replyWindowClosesAt: null });
    expect(
      (await http.post('/v1/track/reply', { code: trackingCode, satisfied: true, rating: 5 }))
        .status,
    ).toBe(409);

    // Delegation: only the agency's coordinator, only to its own member units.
    const delegate = `/v1/cases/${id}/assignments/polri/delegate`;
    expect(
      (
        await http.post(
          delegate,
          { memberId: 'pemkot-jayapura' },
          { token: await as('pln', 'agency_coordinator') },
        )
      ).status,
    ).toBe(404);
    expect(
      (await http.post(delegate, { memberId: 'pemkot-jayapura' }, { token: polri })).status,
    ).toBe(403);
    expect(
      (
        await http.post(
          delegate,
          { memberId: 'Bad Id' },
          { token: await as('polri', 'agency_coordinator') },
        )
      ).body.errors[0].path,
    ).toBe('memberId');
    expect(
      (
        await http.post(
          delegate,
          { memberId: 'pln' },
          { token: await as('polri', 'agency_coordinator') },
        )
      ).status,
    ).toBe(400);
    expect((await http.post(delegate, { memberId: 'pln' }, { token: central })).status).toBe(403);

    const planned = await http.post(
      `/v1/cases/${id}/activities`,
      {
        kind: 'case_conference',
        scheduledAt: '2026-05-20T02:00:00.000Z',
        agencyIds: ['polri'],
        plan: 'Gelar pengaduan',
      },
      { token: central },
    );
    expect(planned.status).toBe(201);
    expect(planned.body).toMatchObject({ status: 'planned', kind: 'case_conference' });
    expect(
      (await http.post(`/v1/cases/${id}/activities`, { kind: 'picnic' }, { token: central })).body
        .errors[0].path,
    ).toBe('kind');
    expect(
      (await http.post(`/v1/cases/${id}/activities`, { kind: 'mediation' }, { token: polri }))
        .status,
    ).toBe(403);
    expect((await http.get(`/v1/cases/${id}`, { token: central })).body.underMonitoring).toBe(true);
    const calendar = await http.get('/v1/activities?status=planned', { token: central });
    expect(calendar.body.items.map((a: { id: string }) => a.id)).toContain(planned.body.id);
    expect((await http.get('/v1/activities', { token: polri })).status).toBe(403);
    const reported = await http.post(
      `/v1/cases/${id}/activities/${planned.body.id}/report`,
      { heldAt: '2026-05-04T02:00:00.000Z', outcome: 'Sepakat', summary: 'Ditindaklanjuti ulang.' },
      { token: central },
    );
    expect(reported.body).toMatchObject({ status: 'done', outcome: 'Sepakat' });
    expect(
      (
        await http.post(
          `/v1/cases/${id}/activities/${planned.body.id}/report`,
          { heldAt: '2026-05-04T02:00:00.000Z', outcome: 'x', summary: 'x' },
          { token: central },
        )
      ).status,
    ).toBe(409);
  });
});
