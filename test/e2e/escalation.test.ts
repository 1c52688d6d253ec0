/**
 * The escalation ladder end to end, over HTTP against the embedded runtime with the manual
 * clock: the DOMAIN.md example produces its letters on the right dates, as .eml files and in
 * the notifications log; a runtime SIGKILLed mid-ladder resumes from the table on restart,
 * losing and repeating nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FORWARDED_AT, SILENT_LADDER, wib } from '../support/domain-example.ts';
import { parseEml, pdfText } from '../../packages/documents/test/read-back.ts';
import {
  api,
  complaint,
  type RunningPantau,
  startPantau,
  users,
  forwardedCase,
  waitForJob as waitForRuntimeJob,
} from '../support/runtime.ts';

const START = FORWARDED_AT;
const CONSOLE = 'https://pantau.example.go.id';

const dirs: string[] = [];
const running: RunningPantau[] = [];
afterAll(async () => {
  for (const p of running) await p.stop();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function start(dataDir: string) {
  const pantau = await startPantau({
    dataDir,
    // The console's address as agencies reach it: each letter links to its case there.
    env: { PANTAU_CLOCK: 'manual', PANTAU_CLOCK_START: START, PANTAU_PUBLIC_URL: CONSOLE },
  });
  running.push(pantau);
  return { pantau, http: api(pantau.url), as: users(pantau.url) };
}

const forwardedToPolri = async (http: ReturnType<typeof api>, central: string) =>
  (await forwardedCase(http, central, ['polri'])).id as string;

const letters = async (http: ReturnType<typeof api>, central: string, caseId: string) => {
  const res = await http.get(`/v1/notifications?caseId=${caseId}&limit=100`, { token: central });
  expect(res.status).toBe(200);
  // The ladder's letters; each forwarding's letter (surat penerusan, issue 15) comes first.
  return (res.body.items as { action: string }[]).filter(
    (n) => n.action !== 'forwarding',
  ) as unknown as {
    step: string;
    scheduledAt: string;
    targets: string[];
    status: string;
    recipients: string[];
    cc: string[];
    body: string;
    id: string;
    createdAt: string;
    sentAt: string;
  }[];
};

const emlFiles = (dataDir: string) =>
  readdirSync(join(dataDir, 'mail'), { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && f.name.endsWith('.eml'))
    .map((f) => join(f.parentPath, f.name));

// A whole ladder run by the manual clock renders a PDF for each letter (issue 15): about a
// second more on a quiet machine, many on a loaded one, past the tier's 60 s.
// Each test about 11 to 20 s on a quiet 2-core machine, over 60 s on a busy one.
describe('escalation over HTTP with the manual clock', { timeout: 240_000 }, () => {
  it('sends the DOMAIN.md example’s letters on the right dates, as .eml files', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pantau-ladder-'));
    dirs.push(dataDir);
    const { http, as } = await start(dataDir);
    const central = await as('setneg', 'central_officer');
    const caseId = await forwardedToPolri(http, central);

    // POST /dev/clock answers only after every step due by then has run.
    const moved = await http.post('/dev/clock', { advance: 'P45D' });
    expect(moved.body.now).toBe('2026-04-30T03:00:00.000Z');
    const sent = await letters(http, central, caseId);
    expect(sent.map((n) => [n.step, n.scheduledAt, n.targets.join('+')])).toEqual(SILENT_LADDER);
    expect(sent.every((n) => n.status === 'sent')).toBe(true);
    expect(sent[0]!.recipients).toEqual(['dumas@polri.example.go.id']);
    expect(sent.at(-1)!.recipients).toEqual(['dumas@setneg.go.id']); // central intervention goes to central
    // Written at 00:00 on Good Friday 3 April (the instant after Thursday's fifth working day
    // late), dated and read on Monday 6 April, the day it goes out: the acknowledgement (due
    // Thursday 26 March) is in its sixth working day late, as reminder I, dated Friday 27
    // March, said its first.
    const reminder = (step: string) => sent.find((n) => n.step === step)!.body;
    expect(reminder('reminder_1')).toContain('terlambat 1 hari kerja');
    expect(reminder('reminder_2')).toContain('terlambat 6 hari kerja');
    // The head, copied first on the penegasan, reads which letters went to the liaison before,
    // and by when central intervenes (it said "segera", and nothing of the reminders).
    expect(reminder('formal_warning')).toContain(
      'Menindaklanjuti Surat Pengingat I nomor B-4/Kemensetneg/D-4/DM.05/03/2026 tanggal 27 Maret 2026 ' +
        'dan Surat Pengingat II nomor B-5/Kemensetneg/D-4/DM.05/04/2026 tanggal 6 April 2026 ' +
        'yang telah kami sampaikan kepada Divisi Propam Polri (dumas@polri.example.go.id)',
    );
    expect(reminder('formal_warning')).toContain(
      'Apabila sampai dengan 17 April 2026 pukul 23.59 WIB tindak lanjut belum kami terima',
    );

    const files = emlFiles(dataDir);
    expect(files).toHaveLength(SILENT_LADDER.length + 1); // and the forwarding letter
    const eml = readFileSync(
      files.find((f) => f.includes(sent[2]!.id))!,
      'utf8',
    );
    const mail = await parseEml(eml);
    expect(mail.from?.text).toContain('noreply@pantau.local');
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('dumas@polri.example.go.id');
    expect(mail.text).toContain('Surat Pengingat I atas Pengaduan Masyarakat');
    // Greeted as its PDF greets, and told where to act: the case's page in the console,
    // which an agency's officer lands on after signing in. It said "melalui Pantau" alone.
    expect(mail.text).toMatch(/^Yth\. Pimpinan Kepolisian Negara Republik Indonesia\nu\.p\. /);
    expect(mail.text?.match(/https?:\/\/[^\s()]+/g)).toEqual([`${CONSOLE}/cases/${caseId}`]);
    expect(mail.text).toContain(`melalui Pantau (${CONSOLE}/cases/${caseId}).`);
    // The forwarding letter too.
    const forwarding = await parseEml(
      readFileSync(files.find((f) => !sent.some((n) => f.includes(n.id)))!),
    );
    expect(forwarding.text).toContain(`melalui Pantau (${CONSOLE}/cases/${caseId})`);
    // Issue 15: each letter carries its PDF.
    expect(mail.attachments.map((a) => a.contentType)).toEqual(['application/pdf']);
    // A letter held over a holiday for letter hours is dated, as an e-mail, when it went: a
    // mailbox sorting by date would list it days down. Its text bears the day it went out.
    const held = sent.find((n) => Date.parse(n.sentAt) - Date.parse(n.createdAt) > 86_400_000)!;
    expect(held, 'a letter held past a day off').toBeDefined();
    const heldMail = await parseEml(readFileSync(files.find((f) => f.includes(held.id))!));
    expect(heldMail.date?.toISOString(), 'the e-mail’s Date header').toBe(held.sentAt);
    // An official letter is dated the working day it goes out, with no hour, in its e-mail, its
    // PDF and its number's month: the penegasan, written at 00:00 on Saturday 11 April as Friday
    // ended, went out on Monday 13 April (it read "Tanggal: 11 April 2026 pukul 00.00 WIB");
    // the intervention, written at 00:00 on Saturday 18 April, on Monday 20 April.
    for (const [step, date] of [
      ['formal_warning', '13 April 2026'],
      ['central_intervention', '20 April 2026'],
    ] as const) {
      const n = sent.find((x) => x.step === step)!;
      const letter = await parseEml(readFileSync(files.find((f) => f.includes(n.id))!));
      expect(letter.text, step).toContain(`\nTanggal: ${date}\n`);
      expect(await pdfText(letter.attachments[0]!.content), step).toContain(`Jakarta, ${date}`);
      expect((n as unknown as { letterNumber: string }).letterNumber, step).toMatch(/\/04\/2026$/);
    }
    // Letters go to agencies: never the complainant's identity.
    for (const secret of [
      'Siti Rahmawati',
      '5171034407850002',
      'siti.rahmawati@example.com',
      '812 3456',
      'Jl. Melati',
    ]) {
      expect(eml).not.toContain(secret);
    }

    // The agency reads the letters sent to it, and only those.
    const polri = await as('polri', 'agency_officer');
    const own = await http.get('/v1/notifications?limit=100', { token: polri });
    expect(own.status).toBe(200);
    // The log reads newest first (the case's own list, oldest first); forwarding letters aside.
    expect(
      own.body.items
        .filter((n: { action: string }) => n.action !== 'forwarding')
        .map((n: { id: string }) => n.id),
    ).toEqual(sent.map((n) => n.id).reverse());
    // What arrived after a visit on 27 March (the unread badge's count), newest first too, and
    // paged: the letters of 27 March itself are not new.
    const visit = sent[2]!.scheduledAt;
    const newer = await http.get(
      `/v1/notifications?since=${encodeURIComponent(visit)}&limit=3&total=true`,
      { token: polri },
    );
    expect(newer.status, newer.text).toBe(200);
    expect(newer.body.total).toBe(sent.length - 3);
    expect(newer.body.items.map((n: { id: string }) => n.id)).toEqual(
      sent
        .slice(3)
        .map((n) => n.id)
        .reverse()
        .slice(0, 3),
    );
    const pln = await as('pln', 'agency_officer');
    expect((await http.get('/v1/notifications', { token: pln })).body.items).toEqual([]);
    expect((await http.get('/v1/notifications?agencyId=polri', { token: pln })).status).toBe(404);
    const focal = await as('atr-bpn', 'agency_coordinator');
    expect((await http.get('/v1/notifications?agencyId=polri', { token: focal })).status).toBe(404);

    // Its queue, filtered to what is overdue on acknowledgement, names the case by subject.
    const queue = await http.get('/v1/queue?target=acknowledge', { token: polri });
    expect(queue.body.items).toEqual([
      expect.objectContaining({ caseId, subject: complaint().subject }),
    ]);

    const assignment = await http.get(`/v1/cases/${caseId}/assignments/polri`, { token: central });
    expect(assignment.body).toMatchObject({ escalationLevel: 4, monitoring: true });
    // Central's worklist of what reached central intervention counts over its pages, as every
    // worklist does with total=true (it gave none: the filter is applied after reading).
    const open = await http.get('/v1/assignments?limit=100', { token: central });
    const monitored = open.body.items.filter((a: { monitoring: boolean }) => a.monitoring);
    expect(monitored.length).toBeGreaterThan(0);
    const counted = await http.get('/v1/assignments?monitoring=true&total=true&limit=1', {
      token: central,
    });
    expect(counted.status, counted.text).toBe(200);
    expect(counted.body.total).toBe(monitored.length);
    const timeline = await http.get(`/v1/cases/${caseId}/timeline?limit=100`, { token: central });
    expect(
      timeline.body.items.filter((e: { type: string }) => e.type === 'escalation_step'),
    ).toHaveLength(SILENT_LADDER.length);
    // Polri asks for more time only now: central's desk says how late, and how far it climbed.
    const late = await http.post(
      `/v1/cases/${caseId}/assignments/polri/extension-requests`,
      { workingDays: 5, reason: 'Menunggu hasil pemeriksaan' },
      { token: polri },
    );
    expect(late.status, late.text).toBe(201);
    const desk = await http.get('/v1/extension-requests', { token: central });
    expect(desk.body.items.find((x: { id: string }) => x.id === late.body.id)).toMatchObject({
      deadline: { overdue: true },
      escalationLevel: 4,
    });
    // The clock never goes back.
    expect((await http.post('/dev/clock', { now: START })).status).toBe(409);
  });

  it('resumes every open ladder after a SIGKILL: no step lost, none repeated', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pantau-crash-'));
    dirs.push(dataDir);
    const first = await start(dataDir);
    const central = await first.as('setneg', 'central_officer');
    const caseId = await forwardedToPolri(first.http, central);
    await first.http.post('/dev/clock', { advance: 'P12D' }); // 28 March: three letters out
    expect(await letters(first.http, central, caseId)).toHaveLength(3);

    // How the deadlines were computed, and the ladder so far and to come.
    const explained = await first.http.get(`/v1/cases/${caseId}/assignments/polri/deadlines`, {
      token: central,
    });
    expect(explained.status).toBe(200);
    const followUp = explained.body.targets.find(
      (t: { target: string }) => t.target === 'followUp',
    );
    expect(followUp).toMatchObject({
      workingDays: 5,
      countedFrom: '2026-03-16',
      lastWorkingDay: '2026-03-30',
      due: '2026-03-30T16:59:59.999Z',
      overdue: false,
    });
    expect(followUp.skipped.map((d: { date: string }) => d.date)).toEqual([
      '2026-03-18',
      '2026-03-19',
      '2026-03-20',
      '2026-03-23',
      '2026-03-24',
    ]);
    expect(followUp.skipped[1]).toEqual({
      date: '2026-03-19',
      kind: 'national_holiday',
      name: 'Hari Suci Nyepi',
    });
    expect(explained.body.timeZoneLabel).toBe('WIB');
    expect(explained.body.ladder.taken.map((e: { step: string }) => e.step)).toEqual([
      'warning',
      'warning',
      'reminder_1',
    ]);
    expect(explained.body.ladder.toCome[0]).toMatchObject({
      step: 'reminder_2',
      at: wib('2026-04-03'),
      // Due at 00:00 on Good Friday: its letter goes, and is dated, the next working day.
      datedOn: '2026-04-06',
    });
    const other = await first.as('pln', 'agency_officer');
    expect(
      (await first.http.get(`/v1/cases/${caseId}/assignments/polri/deadlines`, { token: other }))
        .status,
    ).toBe(404);

    await first.pantau.crash();

    // Restart on the same data dir: the manual clock resumes where it stopped.
    const second = await start(dataDir);
    expect((await second.http.get('/dev/clock')).body.now).toBe('2026-03-28T03:00:00.000Z');
    const token = await second.as('setneg', 'central_officer');
    await second.http.post('/dev/clock', { advance: 'P33D' });
    const sent = await letters(second.http, token, caseId);
    expect(sent.map((n) => [n.step, n.scheduledAt, n.targets.join('+')])).toEqual(SILENT_LADDER);
    expect(emlFiles(dataDir)).toHaveLength(SILENT_LADDER.length + 1); // and the forwarding letter
  });
});

describe('extensions, pauses, calendar and policies over HTTP', () => {
  it('lets the agency ask and central decide; guards each operation by tenant and role', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pantau-clock-'));
    dirs.push(dataDir);
    const { http, as } = await start(dataDir);
    const central = await as('setneg', 'central_officer');
    const admin = await as('setneg', 'central_admin');
    const polri = await as('polri', 'agency_officer');
    const pln = await as('pln', 'agency_officer');
    const waitForJob = (id: string) => waitForRuntimeJob(http, central, id);
    const caseId = await forwardedToPolri(http, central);
    const base = `/v1/cases/${caseId}/assignments/polri`;

    expect(
      (
        await http.post(
          `${base}/extension-requests`,
          { workingDays: 5, reason: 'Data' },
          { token: pln },
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await http.post(
          `${base}/extension-requests`,
          { workingDays: 0, reason: 'Data' },
          { token: polri },
        )
      ).body.errors[0].path,
    ).toBe('workingDays');
    const asked = await http.post(
      `${base}/extension-requests`,
      { workingDays: 5, reason: 'Menunggu data' },
      { token: polri },
    );
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ status: 'pending', workingDays: 5 });
    const decision = `${base}/extension-requests/${asked.body.id}/decision`;
    expect((await http.post(decision, { approve: true }, { token: polri })).status).toBe(403);
    const approved = await http.post(
      decision,
      { approve: true, note: 'Disetujui' },
      { token: central },
    );
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      assignment: { due: { acknowledge: '2026-04-02T16:59:59.999Z' } },
    });
    expect((await http.post(decision, { approve: false }, { token: central })).status).toBe(409);

    expect((await http.post(`${base}/pause`, { reason: 'x' }, { token: pln })).status).toBe(404);
    const paused = await http.post(
      `${base}/pause`,
      { reason: 'Menunggu dokumen pengadu' },
      { token: polri },
    );
    expect(paused.body).toMatchObject({ paused: true, pausedSince: START });
    expect((await http.post(`${base}/pause`, { reason: 'lagi' }, { token: central })).status).toBe(
      409,
    );
    expect((await http.post(`${base}/resume`, {}, { token: central })).body.paused).toBe(false);

    const days = await http.get('/v1/calendars/id/days?year=2026', { token: polri });
    expect(days.body.items).toContainEqual({
      date: '2026-03-19',
      kind: 'national_holiday',
      name: 'Hari Suci Nyepi',
      // Seeded, never replaced: read as added (a day stored before days had versions too).
      version: 1,
    });
    expect(days.body.years).toEqual([2025, 2026]);
    const day = { kind: 'collective_leave', name: 'Cuti bersama tambahan' };
    expect(
      (await http.request('PUT', '/v1/calendars/id/days/2026-06-02', day, { token: central }))
        .status,
    ).toBe(403);
    expect(
      (await http.request('PUT', '/v1/calendars/id/days/2026-13-40', day, { token: admin })).status,
    ).toBe(400);
    // Saved at once: 202 with the job that re-arms the open assignments, readable by central.
    const put = await http.request('PUT', '/v1/calendars/id/days/2026-06-02', day, {
      token: admin,
    });
    expect(put.status).toBe(202);
    expect(put.body).toMatchObject({ date: '2026-06-02', job: { kind: 'calendar' } });
    const job = await waitForJob(put.body.job.id);
    expect(job).toMatchObject({ state: 'completed', failed: 0 });
    expect(job.done).toBe(job.total);
    expect((await http.get(`/v1/jobs/${job.id}`, { token: polri })).status).toBe(403);
    const removed = await http.request('DELETE', '/v1/calendars/id/days/2026-06-02', undefined, {
      token: admin,
    });
    expect(removed.status).toBe(202);
    // Sent again while its job is under way (its answer lost), it is answered that job; once
    // the job has ended, the day is simply not there.
    await waitForJob(removed.body.job.id);
    expect(
      (
        await http.request('DELETE', '/v1/calendars/id/days/2026-06-02', undefined, {
          token: admin,
        })
      ).status,
    ).toBe(404);

    const policy = await http.get('/v1/policies/default', { token: central });
    expect(policy.body.ladder.map((s: { name: string }) => s.name)).toEqual([
      'warning',
      'reminder_1',
      'reminder_2',
      'formal_warning',
      'central_intervention',
    ]);
    const { id: _id, version: _version, updatedAt: _updatedAt, ...body } = policy.body;
    const badLadder = { ...body, ladder: [{ ...body.ladder[1], relativeTo: 'previous' }] };
    expect(
      (await http.request('PUT', '/v1/policies/default', badLadder, { token: admin })).body
        .errors[0].path,
    ).toBe('ladder');
    // A calendar id past any key DynamoDB takes, a party named twice: named at their fields.
    for (const [bad, path] of [
      [{ ...body, calendarId: 'x'.repeat(3_000) }, 'calendarId'],
      [
        {
          ...body,
          ladder: body.ladder.map((s: object, i: number) =>
            i === 1 ? { ...s, recipients: ['agency', 'agency'] } : s,
          ),
        },
        'ladder.1.recipients',
      ],
      // A saved step keeps what it does: the ladder writes a step once per episode by its name,
      // so a second reminder turned into a warning under its name would never be sent where
      // the reminder was, and its letters would be listed as the reminder. Removed and added
      // anew, it is a step of its own.
      [
        {
          ...body,
          ladder: body.ladder.map((s: object, i: number) =>
            i === 2 ? { ...s, action: 'formal_warning' } : s,
          ),
        },
        'ladder.2.action',
      ],
    ] as const) {
      const refused = await http.request('PUT', '/v1/policies/default', bad, { token: admin });
      expect([refused.status, refused.body.errors?.[0]?.path], refused.text).toEqual([400, path]);
    }
    expect(
      (await http.request('PUT', '/v1/policies/default', body, { token: central })).status,
    ).toBe(403);
    const saved = await http.request(
      'PUT',
      '/v1/policies/default',
      { ...body, followUpWorkingDays: 6 },
      { token: admin },
    );
    expect(saved.status).toBe(202);
    expect((await waitForJob(saved.body.job.id)).state).toBe('completed');
    expect(saved.body.policy).toMatchObject({
      followUpWorkingDays: 6,
      version: policy.body.version + 1,
    });
  });
});
