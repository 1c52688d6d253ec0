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
