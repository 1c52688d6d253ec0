/**
 * Central oversight end to end over HTTP with the manual clock: one complaint, three agencies
 * (one answers on time, one late after reminders, one redirects and the case is forwarded
 * again), a mediation planned and reported, statistics and CSV checked against what happened,
 * and both of the complainant's reply paths.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wib } from '../support/domain-example.ts';
import { api, complaint, type RunningPantau, startPantau, users } from '../support/runtime.ts';

let pantau: RunningPantau;
let http: ReturnType<typeof api>;
let as: ReturnType<typeof users>;

beforeAll(async () => {
  pantau = await startPantau({
    env: { PANTAU_CLOCK: 'manual', PANTAU_CLOCK_START: '2026-03-16T03:00:00.000Z' },
  });
  http = api(pantau.url);
  as = users(pantau.url);
});
afterAll(async () => {
  await pantau?.stop();
});

const at = (iso: string) => http.post('/dev/clock', { now: iso });

describe('a cross-agency case under central oversight', () => {
  it('runs from forwarding to the complainant’s last word, and the figures tell what happened', async () => {
    const central = await as('setneg', 'central_officer');
    const polri = await as('polri', 'agency_officer');
    const pln = await as('pln', 'agency_officer');
    const bali = await as('pemprov-bali', 'agency_officer');
    const jayapura = await as('pemkot-jayapura', 'agency_officer');

    // Monday 16 March 2026, 10:00 WIB: registered, verified, forwarded to three agencies.
    const created = await http.post('/v1/cases', complaint(), { token: central });
    const { id, trackingCode } = created.body;
    await http.post(
      `/v1/cases/${id}/verification`,
      { decision: 'accept', type: 'normative' },
      { token: central },
    );
    const forwarded = await http.post(
      `/v1/cases/${id}/assignments`,
      { assignments: [{ agencyId: 'polri' }, { agencyId: 'pln' }, { agencyId: 'pemprov-bali' }] },
      { token: central },
    );
    expect(forwarded.status).toBe(201);
    const base = (agency: string) => `/v1/cases/${id}/assignments/${agency}`;

    // Tue 17: polri acknowledges; Bali says "not ours". Wed 18: central forwards to Jayapura.
    await at('2026-03-17T03:00:00.000Z');
    await http.post(`${base('polri')}/acknowledge`, {}, { token: polri });
    await http.post(
      `${base('pemprov-bali')}/redirect`,
      { reason: 'Kewenangan Pemkot Jayapura', suggestedAgencyId: 'pemkot-jayapura' },
      { token: bali },
    );
    const redirected = await http.get('/v1/assignments?state=redirected', { token: central });
    expect(redirected.body.items.map((a: { caseId: string }) => a.caseId)).toContain(id);
    await at('2026-03-18T03:00:00.000Z');
    const again = await http.post(
      `/v1/cases/${id}/assignments`,
      { assignments: [{ agencyId: 'pemkot-jayapura' }] },
      { token: central },
    );
    expect(again.body.items[0]).toMatchObject({
      agencyId: 'pemkot-jayapura',
      clock: { basis: 'fresh' },
    });

    // A mediation is planned for Friday 27 March.
    const mediation = await http.post(
      `/v1/cases/${id}/activities`,
      {
        kind: 'mediation',
        scheduledAt: '2026-03-27T02:00:00.000Z',
        agencyIds: ['pln'],
        participants: ['Pengadu', 'PLN UP3'],
        plan: 'Mediasi daring',
      },
      { token: central },
    );
    expect(mediation.status).toBe(201);

    // polri answers on time (Wed 25), Jayapura too (Thu 26); PLN stays silent.
    await at('2026-03-25T03:00:00.000Z');
    await http.post(
      `${base('polri')}/responses`,
      { kind: 'final', message: 'Laporan telah ditindaklanjuti.' },
      { token: polri },
    );
    await at('2026-03-26T03:00:00.000Z');
    await http.post(
      `${base('pemkot-jayapura')}/responses`,
      { kind: 'final', message: 'Sudah diselesaikan.' },
      { token: jayapura },
    );
    expect((await http.get(`/v1/cases/${id}`, { token: central })).body.status).toBe(
      'in_follow_up',
    );

    // The mediation is held and reported on Friday 27.
    await at('2026-03-27T06:00:00.000Z');
    const reported = await http.post(
      `/v1/cases/${id}/activities/${mediation.body.id}/report`,
      {
        heldAt: '2026-03-27T02:00:00.000Z',
        outcome: 'PLN menyanggupi',
        summary: 'PLN menyanggupi penyelesaian dalam satu minggu.',
      },
      { token: central },
    );
    expect(reported.body.status).toBe('done');

    // PLN answers late, after reminder II (Fri 3 April): Monday 6 April.
    await at('2026-04-06T03:00:00.000Z');
    const late = await http.get(`${base('pln')}`, { token: central });
    expect(late.body).toMatchObject({
      escalationLevel: 2,
      overdue: { acknowledge: true, followUp: true, resolution: false },
    });
    await http.post(
      `${base('pln')}/responses`,
      { kind: 'final', message: 'Sambungan telah dipulihkan.' },
      { token: pln },
    );
    const letters = await http.get(`/v1/notifications?caseId=${id}&limit=100`, { token: central });
    const byAgency = (agency: string) =>
      letters.body.items
        // Ladder letters only: each forwarding's letter (issue 15) is not a rung, nor the
        // mediation's invitation to PLN.
        .filter(
          (n: { agencyId: string; action: string }) =>
            n.agencyId === agency && n.action !== 'forwarding' && n.action !== 'invitation',
        )
        .map((n: { step: string; scheduledAt: string }) => [n.step, n.scheduledAt]);
    expect(byAgency('pln')).toEqual([
      ['warning', wib('2026-03-18')],
      ['warning', wib('2026-03-27')],
      ['reminder_1', wib('2026-03-27')],
      ['reminder_2', wib('2026-04-03')],
    ]);
    expect(byAgency('polri')).toEqual([]);
    expect(byAgency('pemprov-bali')).toEqual([]);

    // Statistics for March: what happened, agency by agency.
    const stats = await http.get('/v1/stats/agencies?from=2026-03-01&to=2026-03-31', {
      token: central,
    });
    const row = (agency: string) =>
      stats.body.items.find((s: { agencyId: string }) => s.agencyId === agency);
    expect(row('polri')).toMatchObject({
      assigned: 1,
      responded: 1,
      respondedOnTime: 1,
      completed: 1,
      medianWorkingDaysToFirstResponse: 2,
    });
    expect(row('pln')).toMatchObject({
      assigned: 1,
      responded: 1,
      respondedOnTime: 0,
      completed: 1,
      onTimeRate: 0,
      medianWorkingDaysToFirstResponse: 9,
    });
    expect(row('pemprov-bali')).toMatchObject({
      assigned: 1,
      redirected: 1,
      responded: 0,
      responseRate: null,
    });
    expect(row('pemkot-jayapura')).toMatchObject({
      assigned: 1,
      responded: 1,
      respondedOnTime: 1,
      medianWorkingDaysToFirstResponse: 2,
    });
    expect(stats.body.totals).toMatchObject({
      assigned: 4,
      redirected: 1,
      responded: 3,
      respondedOnTime: 2,
      // polri acknowledged, Jayapura and PLN (late) met the target by answering.
      acknowledged: 3,
      acknowledgedOnTime: 2,
      completed: 3,
      responseRate: 1,
      onTimeRate: 0.6667,
      acknowledgeOnTimeRate: 0.6667,
      medianWorkingDaysToFirstResponse: 2,
    });
    const csv = await http.get('/v1/stats/agencies.csv?from=2026-03-01&to=2026-03-31', {
      token: central,
    });
    expect(csv.text).toContain('PT PLN (Persero),1,0,0,1,0,1,0,1,100.00,0.00,0.00,9,Ya,');
    expect(csv.text).toContain('Semua instansi,4,1,0,3,2,3,2,3,100.00,66.67,66.67,2,Tidak,');

    // Resolved: the complainant is not satisfied, central forwards to polri again; the second
    // time the complainant is satisfied and the case closes.
    const resolved = await http.post('/v1/track', { code: trackingCode });
    expect(resolved.body.status).toBe('resolved');
    const unhappy = await http.post('/v1/track/reply', {
      code: trackingCode,
      satisfied: false,
      rating: 2,
      message: 'Masih sering padam.',
    });
    expect(unhappy.body.status).toBe('reopened');
    await at('2026-04-07T03:00:00.000Z');
    const reopened = await http.post(
      `/v1/cases/${id}/assignments`,
      { assignments: [{ agencyId: 'pln' }] },
      { token: central },
    );
    expect(reopened.body.items[0]).toMatchObject({
      agencyId: 'pln',
      generation: 2,
      state: 'pending',
    });
    await http.post(
      `${base('pln')}/responses`,
      { kind: 'final', message: 'Jaringan diperbaiki.' },
      { token: pln },
    );
    const happy = await http.post('/v1/track/reply', {
      code: trackingCode,
      satisfied: true,
      rating: 4,
    });
    expect(happy.body.status).toBe('closed');

    const timeline = await http.get(`/v1/cases/${id}/timeline?limit=100`, { token: central });
    const types = timeline.body.items.map((e: { type: string }) => e.type);
    expect(types.filter((t: string) => t === 'complainant_replied')).toHaveLength(2);
    expect(types).toEqual(
      expect.arrayContaining([
        'activity_planned',
        'activity_reported',
        'assignment_redirected',
        'escalation_step',
      ]),
    );
    const cases = await http.get('/v1/exports/cases.csv?from=2026-03-16&to=2026-03-16', {
      token: central,
    });
    // Closed on the complainant's second reply (Tuesday 7 April, 10:00 WIB); by its agenda
    // number, and without the complainant's tracking code.
    expect(cases.text).toContain(`${created.body.agendaNumber},2026-03-16 10:00,Surat,`);
    expect(cases.text).toContain(',Ditutup,Tidak,Terselesaikan,2026-04-07 10:00\n');
    expect(cases.text).not.toContain(trackingCode);
  });
});
