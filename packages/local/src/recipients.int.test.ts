/**
 * Recipients by rung, end to end: agencies registered and their contacts edited over HTTP (the
 * Hono app with the local issuer's tokens), a complaint forwarded, and the real ladder run by
 * the embedded engine on DynamoDB Local under a manual clock, to the letters it writes.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, createJwtVerifier } from '@pantau/api';
import { DEFAULT_LADDER, type Mailer, type NotificationRecord } from '@pantau/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshStore, manualClock } from '../../../test/support/dynamodb.ts';
import { LocalLadderEngine } from './engine.ts';
import { createLocalIssuer, LOCAL_AUDIENCE, LOCAL_ISSUER } from './issuer.ts';
import { toEml } from './mailer.ts';

const clock = manualClock('2026-03-16T03:00:00.000Z'); // Monday
const sent: NotificationRecord[] = [];
/** The ladder's rungs in their order. */
const RUNGS: string[] = DEFAULT_LADDER.map((step) => step.name);
// Refuses addresses on `.invalid` as the embedded mailer does (a domain that never exists).
const mailer: Mailer = {
  send: async (n) => {
    const refused = [...n.recipients, ...n.cc].filter((a) => a.endsWith('.invalid'));
    if (refused.length > 0) throw new Error(`550 5.1.2 no such domain: ${refused.join(', ')}`);
    sent.push(n);
  },
};
let app: ReturnType<typeof createApp>;
let engine: LocalLadderEngine;
let token: (sub: string, agency: string, role: string) => Promise<string>;

beforeAll(async () => {
  const store = await freshStore();
  const issuer = await createLocalIssuer(join(mkdtempSync(join(tmpdir(), 'pantau-')), 'key.json'));
  const verifier = createJwtVerifier({
    jwks: issuer.jwks,
    issuer: LOCAL_ISSUER,
    audience: LOCAL_AUDIENCE,
  });
  engine = new LocalLadderEngine({ store, clock: clock.now, mailer });
  app = createApp({ store, verifier, clock: clock.now, ladders: engine });
  token = (sub, agency, role) => issuer.mint({ sub, agency, role });
});

async function call(method: string, path: string, bearer: string, body?: unknown) {
  const res = await app.request(path, {
    method,
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const liaison = { name: 'Bagian Umum', email: 'umum@kanwil-x.example.go.id' };
const head = {
  name: 'Kepala Kanwil',
  email: 'kakanwil@kanwil-x.example.go.id',
  role: 'Kepala Kantor Wilayah',
  kind: 'head',
};

describe('contacts and their kinds over the API', () => {
  it('registers a focal point and a member unit, then PATCHes the unit’s contacts with a head', async () => {
    const admin = await token('admin-1', 'setneg', 'central_admin');
    const created = await call('POST', '/v1/agencies', admin, {
      id: 'focal-x',
      name: 'Kementerian X',
      kind: 'ministry',
      contacts: [
        { name: 'Biro Humas', email: 'humas@focal-x.example.go.id', kind: 'liaison' },
        { name: 'Sekretaris Jenderal', email: 'sekjen@focal-x.example.go.id', kind: 'head' },
      ],
    });
    expect(created.status).toBe(201);
    const unit = await call('POST', '/v1/agencies', admin, {
      id: 'kanwil-x',
      name: 'Kantor Wilayah X',
      kind: 'agency',
      focalPointId: 'focal-x',
      contacts: [liaison],
    });
    // A contact given without a kind is a liaison.
    expect(unit.body).toMatchObject({ contacts: [{ ...liaison, kind: 'liaison' }] });

    // Someone must receive the reminders: heads only is refused, naming the field.
    const headsOnly = await call('PATCH', '/v1/agencies/kanwil-x', admin, { contacts: [head] });
    expect(headsOnly.status).toBe(400);
    expect(headsOnly.body).toMatchObject({ errors: [{ path: 'contacts' }] });
    // Only a central admin edits contacts; an agency officer may not, even its own.
    const own = await token('kanwil-x-1', 'kanwil-x', 'agency_coordinator');
    expect(
      (await call('PATCH', '/v1/agencies/kanwil-x', own, { contacts: [liaison] })).status,
    ).toBe(403);

    const patched = await call('PATCH', '/v1/agencies/kanwil-x', admin, {
      contacts: [liaison, head],
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      version: 2,
      focalPointId: 'focal-x',
      contacts: [
        { ...liaison, kind: 'liaison' },
        { ...head, kind: 'head' },
      ],
    });
    expect((await call('GET', '/v1/agencies/kanwil-x', own)).body).toEqual(patched.body);
  });
});

describe('recipients by rung, through the embedded engine', () => {
  it('warns and reminds the liaison, copies the head and the focal point on the formal warning, and intervenes with central', async () => {
    const officer = await token('officer-1', 'setneg', 'central_officer');
    const registered = await call('POST', '/v1/cases', officer, {
      channel: 'letter',
      complainant: { name: 'Siti Aminah', phone: '0812000000' },
      subject: 'Sertifikat tanah belum terbit',
      description: 'Sudah dua tahun.',
    });
    const caseId = registered.body.id as string;
    await call('POST', `/v1/cases/${caseId}/verification`, officer, {
      decision: 'accept',
      type: 'normative',
    });
    const forwarded = await call('POST', `/v1/cases/${caseId}/assignments`, officer, {
      assignments: [{ agencyId: 'kanwil-x' }],
    });
    expect(forwarded.status).toBe(201);
    await engine.runDue();
    // The agency stays silent; each step is written on its day, and its letter goes out in
    // letter hours (the sweep, as the runtime runs it each minute).
    for (let day = 1; day <= 35; day += 1) {
      clock.set(new Date(Date.parse('2026-03-16T03:00:00.000Z') + day * 86_400_000).toISOString());
      await engine.runDue();
      await engine.sweep();
    }

    const letters = await call('GET', `/v1/notifications?caseId=${caseId}&limit=50`, officer);
    const addressed = (letters.body.items as NotificationRecord[])
      // The forwarding letter (issue 15) goes to the liaisons on day 0; this test is the ladder's.
      .filter((n) => n.step !== 'forwarding')
      // Letters of the same instant (a warning and a reminder) come in no set order: by rung.
      .sort(
        (x, y) =>
          Date.parse(x.scheduledAt) - Date.parse(y.scheduledAt) ||
          RUNGS.indexOf(x.step) - RUNGS.indexOf(y.step),
      )
      .map((n) => ({ step: n.step, to: n.recipients, cc: n.cc }));
    const alone = { to: [liaison.email], cc: [] };
    expect(addressed).toEqual([
      { step: 'warning', ...alone },
      { step: 'warning', ...alone },
      { step: 'reminder_1', ...alone },
      { step: 'reminder_2', ...alone },
      { step: 'warning', ...alone },
      {
        step: 'formal_warning',
        to: [liaison.email],
        cc: [head.email, 'humas@focal-x.example.go.id'],
      },
      { step: 'central_intervention', to: ['dumas@setneg.go.id'], cc: [liaison.email, head.email] },
    ]);

    // What was sent is what the letters log says: the head first hears of it at the formal warning.
    const formal = sent.find((n) => n.caseId === caseId && n.step === 'formal_warning')!;
    expect(toEml(formal)).toContain(
      `To: ${liaison.email}\r\nCc: ${head.email}, humas@focal-x.example.go.id\r\n`,
    );
    expect(
      sent.filter((n) => n.caseId === caseId && [...n.recipients, ...n.cc].includes(head.email)),
    ).toHaveLength(2);
  });
});

describe('a step addressed to a party the agency has no contact for (audit s23, finding 3)', () => {
  it('records the letter failed at once, with why, for central to add the contact and send it again', async () => {
    const admin = await token('admin-1', 'setneg', 'central_admin');
    const officer = await token('officer-1', 'setneg', 'central_officer');
    // The penegasan addressed to the head alone, as Indonesian practice does.
    const policy = await call('GET', '/v1/policies/default', admin);
    const { id: _id, version: _version, updatedAt: _updatedAt, ...body } = policy.body;
    const ladder = (body.ladder as { name: string }[]).map((s) =>
      s.name === 'formal_warning' ? { ...s, recipients: ['agency_head'], cc: [] } : s,
    );
    // 202: saved, and the running ladders re-armed by a job.
    expect((await call('PUT', '/v1/policies/default', admin, { ...body, ladder })).status).toBe(
      202,
    );
    // An agency with a liaison only (a head contact is optional) and no focal point.
    const liaisonY = { name: 'Bagian Umum', email: 'umum@kanwil-y.example.go.id' };
    expect(
      (
        await call('POST', '/v1/agencies', admin, {
          id: 'kanwil-y',
          name: 'Kantor Wilayah Y',
          kind: 'agency',
          contacts: [liaisonY],
        })
      ).status,
    ).toBe(201);
    clock.set('2026-05-04T03:00:00.000Z'); // Monday
    const registered = await call('POST', '/v1/cases', officer, {
      channel: 'letter',
      complainant: { name: 'Siti Aminah', phone: '0812000000' },
      subject: 'Izin usaha belum terbit',
      description: 'Sudah setahun.',
    });
    const caseId = registered.body.id as string;
    await call('POST', `/v1/cases/${caseId}/verification`, officer, {
      decision: 'accept',
      type: 'normative',
    });
    await call('POST', `/v1/cases/${caseId}/assignments`, officer, {
      assignments: [{ agencyId: 'kanwil-y' }],
    });
    await engine.runDue();
    sent.length = 0;
    for (let day = 1; day <= 30; day += 1) {
      clock.set(new Date(Date.parse('2026-05-04T03:00:00.000Z') + day * 86_400_000).toISOString());
      await engine.runDue();
      await engine.sweep();
    }
    const letters = await call('GET', `/v1/notifications?caseId=${caseId}&limit=50`, officer);
    const formal = (letters.body.items as NotificationRecord[]).find(
      (n) => n.step === 'formal_warning',
    )!;
    // Never "sent" to no one: failed when written, saying what is missing.
    expect(formal).toMatchObject({ status: 'failed', recipients: [], sentAt: null });
    expect(formal.lastError).toContain('Kantor Wilayah Y');
    expect(formal.lastError).toContain('head');
    expect(sent.filter((n) => n.caseId === caseId && n.step === 'formal_warning')).toEqual([]);
    expect(sent.every((n) => n.recipients.length > 0)).toBe(true);
    // On central's list of failed letters at once.
    const failed = await call('GET', '/v1/notifications/failed?limit=50', officer);
    expect((failed.body.items as NotificationRecord[]).map((n) => n.id)).toContain(formal.id);
    // Central adds the head and sends it again: it goes to the head.
    const headY = { name: 'Kepala Kanwil', email: 'kakanwil@kanwil-y.example.go.id', kind: 'head' };
    await call('PATCH', '/v1/agencies/kanwil-y', admin, { contacts: [liaisonY, headY] });
    const resent = await call('POST', `/v1/cases/${caseId}/letters/${formal.id}/resend`, officer);
    expect(resent.status).toBe(200);
    clock.set(new Date(Date.parse(clock.now().toISOString()) + 10 * 60_000).toISOString());
    await engine.sweep();
    expect(
      sent.filter((n) => n.id === formal.id).map((n) => ({ to: n.recipients, cc: n.cc })),
    ).toEqual([{ to: [headY.email], cc: [] }]);
  });
});

describe('a held letter addressed as the parties are when it goes (audit s23, finding 2)', () => {
  it('re-addresses a formal warning held for 08:00 after a unit moved or a contact was removed, and fails one left with no one', async () => {
    const admin = await token('admin-1', 'setneg', 'central_admin');
    const officer = await token('officer-1', 'setneg', 'central_officer');
    // The penegasan to the head, copied to the focal point.
    const policy = await call('GET', '/v1/policies/default', admin);
    const { id: _id, version: _version, updatedAt: _updatedAt, ...body } = policy.body;
    const ladder = (body.ladder as { name: string }[]).map((s) =>
      s.name === 'formal_warning' ? { ...s, recipients: ['agency_head'], cc: ['focal_point'] } : s,
    );
    expect((await call('PUT', '/v1/policies/default', admin, { ...body, ladder })).status).toBe(
      202,
    );
    const contact = (email: string, kind: 'liaison' | 'head') => ({
      name: kind === 'head' ? 'Kepala' : 'Bagian Umum',
      email,
      kind,
    });
    for (const fp of ['fp-a', 'fp-b'])
      expect(
        (
          await call('POST', '/v1/agencies', admin, {
            id: fp,
            name: `Kementerian ${fp.slice(3).toUpperCase()}`,
            kind: 'ministry',
            contacts: [contact(`humas@${fp}.example.go.id`, 'liaison')],
          })
        ).status,
      ).toBe(201);
    const units = {
      // (a) moved to focal point B before 08:00.
      'kanwil-m': {
        focalPointId: 'fp-a',
        contacts: [
          contact('umum@kanwil-m.example.go.id', 'liaison'),
          contact('kakanwil@kanwil-m.example.go.id', 'head'),
        ],
      },
      // (b) one of its two heads removed before 08:00.
      'kanwil-n': {
        focalPointId: 'fp-a',
        contacts: [
          contact('umum@kanwil-n.example.go.id', 'liaison'),
          contact('kakanwil@kanwil-n.example.go.id', 'head'),
          contact('wakil@kanwil-n.example.go.id', 'head'),
        ],
      },
      // (c) its only head removed before 08:00: no one left to address the letter to.
      'kanwil-o': {
        focalPointId: 'fp-a',
        contacts: [
          contact('umum@kanwil-o.example.go.id', 'liaison'),
          contact('kakanwil@kanwil-o.example.go.id', 'head'),
        ],
      },
    };
    for (const [id, unit] of Object.entries(units))
      expect(
        (
          await call('POST', '/v1/agencies', admin, {
            id,
            name: `Kantor Wilayah ${id.slice(-1).toUpperCase()}`,
            kind: 'agency',
            ...unit,
          })
        ).status,
      ).toBe(201);
    clock.set('2026-06-08T03:00:00.000Z'); // Monday 10:00 WIB
    const registered = await call('POST', '/v1/cases', officer, {
      channel: 'letter',
      complainant: { name: 'Siti Aminah', phone: '0812000000' },
      subject: 'Bantuan sosial belum cair',
      description: 'Sudah enam bulan.',
    });
    const caseId = registered.body.id as string;
    await call('POST', `/v1/cases/${caseId}/verification`, officer, {
      decision: 'accept',
      type: 'normative',
    });
    expect(
      (
        await call('POST', `/v1/cases/${caseId}/assignments`, officer, {
          assignments: Object.keys(units).map((agencyId) => ({ agencyId })),
        })
      ).status,
    ).toBe(201);
    await engine.runDue();
    const formalWarnings = async () =>
      (
        (await call('GET', `/v1/notifications?caseId=${caseId}&limit=100`, officer)).body
          .items as NotificationRecord[]
      ).filter((n) => n.step === 'formal_warning');
    // Each night at 00:05 WIB the ladder writes its letters, held for 08:00, and the sweep sends
    // them at 08:05; until the night the formal warnings are written.
    let held: NotificationRecord[] = [];
    for (let day = 0; day < 40 && held.length === 0; day += 1) {
      const midnight = Date.parse('2026-06-08T17:05:00.000Z') + day * 86_400_000;
      clock.set(new Date(midnight).toISOString());
      await engine.runDue();
      held = await formalWarnings();
      if (held.length > 0) break;
      clock.set(new Date(midnight + 8 * 3_600_000).toISOString());
      await engine.runDue();
      await engine.sweep();
    }
    expect(held.map((n) => n.status)).toEqual(['pending', 'pending', 'pending']);
    // As written: to the head, copied to focal point A.
    expect(held.find((n) => n.agencyId === 'kanwil-m')).toMatchObject({
      recipients: ['kakanwil@kanwil-m.example.go.id'],
      cc: ['humas@fp-a.example.go.id'],
    });
    const sendsAt = (held[0] as unknown as { sendsAt: string }).sendsAt;

    // Before 08:00: the unit moves, a head leaves, the only head leaves.
    expect(
      (await call('PATCH', '/v1/agencies/kanwil-m', admin, { focalPointId: 'fp-b' })).status,
    ).toBe(200);
    expect(
      (
        await call('PATCH', '/v1/agencies/kanwil-n', admin, {
          contacts: units['kanwil-n'].contacts.filter((c) => !c.email.startsWith('kakanwil')),
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await call('PATCH', '/v1/agencies/kanwil-o', admin, {
          contacts: units['kanwil-o'].contacts.filter((c) => c.kind === 'liaison'),
        })
      ).status,
    ).toBe(200);
    sent.length = 0;
    clock.set(new Date(Date.parse(sendsAt) + 5 * 60_000).toISOString());
    await engine.runDue();
    await engine.sweep();

    const goneTo = (agencyId: string) =>
      sent
        .filter(
          (n) => n.caseId === caseId && n.step === 'formal_warning' && n.agencyId === agencyId,
        )
        .map((n) => ({ to: n.recipients, cc: n.cc }));
    const recorded = async (agencyId: string) =>
      (await formalWarnings()).find((n) => n.agencyId === agencyId)!;
    // (a) Copied to focal point B, accountable for the unit now, not to A.
    expect(goneTo('kanwil-m')).toEqual([
      { to: ['kakanwil@kanwil-m.example.go.id'], cc: ['humas@fp-b.example.go.id'] },
    ]);
    expect(await recorded('kanwil-m')).toMatchObject({
      status: 'sent',
      recipients: ['kakanwil@kanwil-m.example.go.id'],
      cc: ['humas@fp-b.example.go.id'],
    });
    // (b) Not to the head removed.
    expect(goneTo('kanwil-n')).toEqual([
      { to: ['wakil@kanwil-n.example.go.id'], cc: ['humas@fp-a.example.go.id'] },
    ]);
    expect(await recorded('kanwil-n')).toMatchObject({
      status: 'sent',
      recipients: ['wakil@kanwil-n.example.go.id'],
    });
    // (c) No one left: never sent (not even to its copy), failed for central with why.
    expect(goneTo('kanwil-o')).toEqual([]);
    const failed = await recorded('kanwil-o');
    expect(failed).toMatchObject({ status: 'failed', recipients: [], sentAt: null });
    expect(failed.lastError).toContain('Kantor Wilayah O');
    expect(failed.lastError).toContain('head');
    const list = await call('GET', '/v1/notifications/failed?limit=50', officer);
    expect((list.body.items as NotificationRecord[]).map((n) => n.id)).toContain(failed.id);
  });
});

describe('failed letters per agency (audit: 41 agencies, 3 with addresses that never worked)', () => {
  it('sums up an agency’s failed letters, says whether its latest failed, and marks the ladder’s steps whose letter failed', async () => {
    const admin = await token('admin-1', 'setneg', 'central_admin');
    const officer = await token('officer-1', 'setneg', 'central_officer');
    const bad = [
      { name: 'Humas', email: 'humas@bulog-z.invalid', kind: 'liaison' },
      { name: 'Direktur', email: 'dirut@bulog-z.invalid', kind: 'head' },
    ];
    for (const [id, contacts] of [
      ['bulog-z', bad],
      [
        'pln-z',
        [
          { name: 'Humas', email: 'humas@pln-z.example.go.id', kind: 'liaison' },
          // The formal warning goes to the head (the policy as the tests above left it).
          { name: 'Direktur', email: 'dirut@pln-z.example.go.id', kind: 'head' },
        ],
      ],
    ] as const)
      expect(
        (
          await call('POST', '/v1/agencies', admin, {
            id,
            name: `Perum ${id}`,
            kind: 'soe',
            contacts,
          })
        ).status,
      ).toBe(201);
    clock.set('2026-09-07T03:00:00.000Z'); // Monday 10:00 WIB
    const forward = async (subject: string, agencyId: string) => {
      const registered = await call('POST', '/v1/cases', officer, {
        channel: 'letter',
        complainant: { name: 'Siti Aminah', phone: '0812000000' },
        subject,
        description: 'Sudah sebulan.',
      });
      const id = registered.body.id as string;
      await call('POST', `/v1/cases/${id}/verification`, officer, {
        decision: 'accept',
        type: 'normative',
      });
      expect(
        (
          await call('POST', `/v1/cases/${id}/assignments`, officer, {
            assignments: [{ agencyId }],
          })
        ).status,
      ).toBe(201);
      return id;
    };
    const first = await forward('Beras bantuan tidak sampai', 'bulog-z');
    await forward('Harga beras operasi pasar', 'bulog-z');
    await forward('Listrik padam tiap malam', 'pln-z');
    // Five weeks pass: every letter to BULOG is refused until given up, PLN's go.
    const passTo = (iso: string) =>
      engine.passTime(
        { now: clock.now, set: (d: Date) => clock.set(d.toISOString()) },
        new Date(iso),
      );
    await passTo('2026-10-12T03:00:00.000Z');

    const letters = async (agencyId: string) =>
      (await call('GET', `/v1/notifications?agencyId=${agencyId}&limit=100`, officer)).body
        .items as (NotificationRecord & { failure: string | null })[];
    const failedOfBulog = (await letters('bulog-z')).filter((n) => n.status === 'failed');
    expect(failedOfBulog.length).toBeGreaterThanOrEqual(4);
    expect(failedOfBulog.every((n) => n.failure === 'address_refused')).toBe(true);

    const summary = async () =>
      (await call('GET', '/v1/notifications/failed/agencies', officer)).body as {
        items: Record<string, unknown>[];
        complete: boolean;
      };
    const before = await summary();
    expect(before.complete).toBe(true);
    expect(before.items.find((g) => g.agencyId === 'pln-z')).toBeUndefined();
    const latest = failedOfBulog[0]!; // newest written first
    expect(before.items.find((g) => g.agencyId === 'bulog-z')).toEqual({
      agencyId: 'bulog-z',
      count: failedOfBulog.length,
      firstAt: failedOfBulog.at(-1)!.createdAt,
      latestAt: latest.createdAt,
      failure: 'address_refused',
      // Its newest, the central intervention, went to central copying BULOG: BULOG's addresses.
      addresses: ['humas@bulog-z.invalid', 'dirut@bulog-z.invalid'],
      lastError: latest.lastError,
      latestFailed: true,
      addressUnchanged: true,
    });
    // One agency's failed letters alone, for central to work through.
    const ofBulog = await call(
      'GET',
      '/v1/notifications/failed?agencyId=bulog-z&limit=100',
      officer,
    );
    expect(ofBulog.status).toBe(200);
    expect((ofBulog.body.items as NotificationRecord[]).map((n) => n.id).sort()).toEqual(
      failedOfBulog.map((n) => n.id).sort(),
    );

    // The case's ladder: each step taken says its letter failed, and why.
    const deadlines = await call(
      'GET',
      `/v1/cases/${first}/assignments/bulog-z/deadlines`,
      officer,
    );
    const taken = (deadlines.body.ladder as { taken: { letter: unknown }[] }).taken;
    expect(taken.length).toBeGreaterThanOrEqual(2);
    for (const step of taken)
      expect(step.letter).toEqual({
        status: 'failed',
        failure: 'address_refused',
        refused: null,
        sendsAt: null,
        handled: false,
        cancelled: null,
        refusedAddresses: [],
      });
    expect(
      (deadlines.body.ladder as { toCome: { letter: unknown }[] }).toCome.every(
        (s) => s.letter === null,
      ),
    ).toBe(true);

    // An admin corrects the address; central sends the newest again and they go: BULOG's latest
    // letter no longer failed, and the address refused is no longer its.
    const good = [{ name: 'Humas', email: 'humas@bulog-z.example.co.id', kind: 'liaison' }];
    expect((await call('PATCH', '/v1/agencies/bulog-z', admin, { contacts: good })).status).toBe(
      200,
    );
    const newest = failedOfBulog.filter((n) => n.createdAt === latest.createdAt);
    for (const n of newest)
      expect(
        (await call('POST', `/v1/cases/${n.caseId}/letters/${n.id}/resend`, officer)).status,
      ).toBe(200);
    await passTo(new Date(clock.now().getTime() + 30 * 60_000).toISOString());
    const now = await letters('bulog-z');
    expect(newest.map((n) => now.find((m) => m.id === n.id)?.status)).toEqual(
      newest.map(() => 'sent'),
    );
    expect((await summary()).items.find((g) => g.agencyId === 'bulog-z')).toMatchObject({
      count: failedOfBulog.length - newest.length,
      latestFailed: false,
      addressUnchanged: false,
    });

    // Central's alone.
    const agency = await token('bulog-1', 'bulog-z', 'agency_coordinator');
    expect((await call('GET', '/v1/notifications/failed/agencies', agency)).status).toBe(403);
  });

  it('says a letter refused and waiting for its retry was refused, why, and when it is tried again', async () => {
    const admin = await token('admin-1', 'setneg', 'central_admin');
    const officer = await token('officer-1', 'setneg', 'central_officer');
    expect(
      (
        await call('POST', '/v1/agencies', admin, {
          id: 'bulog-y',
          name: 'Perum bulog-y',
          kind: 'soe',
          contacts: [{ name: 'Humas', email: 'humas@bulog-y.invalid', kind: 'liaison' }],
        })
      ).status,
    ).toBe(201);
    const registered = await call('POST', '/v1/cases', officer, {
      channel: 'letter',
      complainant: { name: 'Siti Aminah', phone: '0812000000' },
      subject: 'Beras bantuan tidak sampai',
      description: 'Sudah sebulan.',
    });
    const id = registered.body.id as string;
    await call('POST', `/v1/cases/${id}/verification`, officer, {
      decision: 'accept',
      type: 'normative',
    });
    await call('POST', `/v1/cases/${id}/assignments`, officer, {
      assignments: [{ agencyId: 'bulog-y' }],
    });
    const passTo = (at: number) =>
      engine.passTime(
        { now: clock.now, set: (d: Date) => clock.set(d.toISOString()) },
        new Date(at),
      );
    const deadlines = async () =>
      (await call('GET', `/v1/cases/${id}/assignments/bulog-y/deadlines`, officer)).body.ladder as {
        taken: { letter: unknown }[];
        toCome: { at: string }[];
      };
    const ladderLetter = async () =>
      (
        (await call('GET', `/v1/notifications?caseId=${id}&limit=100`, officer)).body
          .items as (NotificationRecord & { sendsAt: string | null })[]
      ).find((n) => n.step !== 'forwarding')!;
    // The first rung is written at 00:00 and held for letter hours; the sweep takes it minutes
    // after they begin, and the mailer refuses it (tried again 15 minutes later).
    await passTo(Date.parse((await deadlines()).toCome[0]!.at));
    const written = await ladderLetter();
    expect(written).toMatchObject({ status: 'pending', attempts: 0, refused: null });
    await passTo(Date.parse(written.sendsAt!) + 10 * 60_000);
    const refused = await ladderLetter();
    expect(refused).toMatchObject({
      status: 'pending',
      attempts: 1,
      failure: null,
      refused: 'address_refused',
    });
    expect(Date.parse(refused.sendsAt!)).toBeGreaterThan(clock.now().getTime());
    // The ladder's step says it too: not "queued" as a letter never tried.
    expect((await deadlines()).taken[0]!.letter).toEqual({
      status: 'pending',
      failure: null,
      refused: 'address_refused',
      sendsAt: refused.sendsAt,
      handled: false,
      cancelled: null,
      refusedAddresses: [],
    });
  });
});
