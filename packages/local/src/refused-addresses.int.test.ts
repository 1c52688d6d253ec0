/**
 * A letter with one address the mail server refuses (audit: a head's Cc on a dead domain sank
 * the whole letter), end to end: agencies and cases over HTTP, the embedded engine on DynamoDB
 * Local under a manual clock, and the embedded mailer writing real `.eml` files (it refuses
 * addresses on `.invalid`, as a server refuses an unknown domain).
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, createJwtVerifier } from '@pantau/api';
import type { NotificationRecord } from '@pantau/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshStore, manualClock } from '../../../test/support/dynamodb.ts';
import { LocalLadderEngine } from './engine.ts';
import { createLocalIssuer, LOCAL_AUDIENCE, LOCAL_ISSUER } from './issuer.ts';
import { emlMailer } from './mailer.ts';

const clock = manualClock('2026-07-06T03:00:00.000Z'); // Monday, 10:00 WIB
const mailDir = mkdtempSync(join(tmpdir(), 'pantau-mail-'));
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
  engine = new LocalLadderEngine({ store, clock: clock.now, mailer: emlMailer(mailDir) });
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

type Letter = NotificationRecord & {
  refused: string | null;
  failure: string | null;
  refusedAddresses: { address: string; reason: string }[];
};

/** The `.eml` files the mailer wrote for letter `id` (one a send; one sent again beside it). */
const emlsOf = (id: string) =>
  readdirSync(mailDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.includes(id) && f.endsWith('.eml'))
    .map((f) => readFileSync(join(mailDir, f), 'utf8'));

/**
 * An agency with `contacts`, a case forwarded to it at `start` (a Monday with no day off in the
 * days after: the warning is not held over one), and the ladder's letters `days` on.
 */
async function caseFor(
  id: string,
  contacts: { email: string; kind: string }[],
  start: string,
  days: number,
) {
  clock.set(start);
  const admin = await token('admin-1', 'setneg', 'central_admin');
  const officer = await token('officer-1', 'setneg', 'central_officer');
  const created = await call('POST', '/v1/agencies', admin, {
    id,
    name: `Kantor ${id}`,
    kind: 'agency',
    contacts: contacts.map((c, i) => ({ name: `Kontak ${i}`, ...c })),
  });
  expect(created.status).toBe(201);
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
  await call('POST', `/v1/cases/${caseId}/assignments`, officer, {
    assignments: [{ agencyId: id }],
  });
  await engine.passTime(
    { now: clock.now, set: (d: Date) => clock.set(d.toISOString()) },
    new Date(clock.now().getTime() + days * 86_400_000),
  );
  const letters = await call('GET', `/v1/notifications?caseId=${caseId}&limit=50`, officer);
  return { caseId, officer, admin, letters: letters.body.items as Letter[] };
}

describe('a letter with an address the mail server refuses (audit: one dead domain sank it)', () => {
  beforeAll(async () => {
    // The warning copies the agency's head, as the audit's letters did.
    const admin = await token('admin-1', 'setneg', 'central_admin');
    const policy = await call('GET', '/v1/policies/default', admin);
    const { id: _id, version: _version, updatedAt: _updatedAt, ...body } = policy.body;
    const ladder = (body.ladder as { name: string; action: string }[]).map((s) =>
      s.action === 'warning' ? { ...s, recipients: ['agency'], cc: ['agency_head'] } : s,
    );
    expect((await call('PUT', '/v1/policies/default', admin, { ...body, ladder })).status).toBe(
      202,
    );
  });

  it('reaches every address that works, records the refused ones, and lists that copy for central', async () => {
    const good = 'umum@kanwil-r.example.go.id';
    const oldLiaison = 'lama@kanwil-r.invalid';
    const deadHead = 'kakanwil@kanwil-r.invalid';
    const { caseId, officer, admin, letters } = await caseFor(
      'kanwil-r',
      [
        { email: good, kind: 'liaison' },
        { email: oldLiaison, kind: 'liaison' },
        { email: deadHead, kind: 'head' },
      ],
      '2026-07-06T03:00:00.000Z',
      4,
    );
    const forwarding = letters.find((n) => n.step === 'forwarding')!;
    const warning = letters.find((n) => n.action === 'warning')!;
    // Sent, to the address that works; the refused ones named, each with the server's words.
    expect(forwarding).toMatchObject({
      status: 'sent',
      recipients: [good],
      cc: [],
      failure: null,
      refused: null,
      refusedAddresses: [{ address: oldLiaison, reason: '550 5.1.2 no such domain' }],
    });
    expect(warning).toMatchObject({
      status: 'sent',
      recipients: [good],
      cc: [],
      refusedAddresses: [
        { address: oldLiaison, reason: '550 5.1.2 no such domain' },
        { address: deadHead, reason: '550 5.1.2 no such domain' },
      ],
    });
    // One message each, to the working address alone: nothing sent twice, nothing to a dead one.
    for (const n of [forwarding, warning]) {
      const emls = emlsOf(n.id);
      expect(emls).toHaveLength(1);
      expect(emls[0]).toContain(`\r\nTo: ${good}\r\n`);
      expect(emls[0]).not.toContain('.invalid');
    }

    // Every letter of the case went so; central's list of failed letters says those copies
    // did not arrive, and to whom, oldest first.
    expect(letters.every((n) => n.status === 'sent' && n.recipients.join() === good)).toBe(true);
    const failed = await call('GET', '/v1/notifications/failed?agencyId=kanwil-r', officer);
    const listed = (failed.body.items as Letter[]).map((n) => ({
      id: n.id,
      status: n.status,
      refused: n.refusedAddresses.map((r) => r.address),
    }));
    expect(listed.map((n) => n.id).sort()).toEqual(letters.map((n) => n.id).sort());
    expect(listed[0]).toEqual({ id: forwarding.id, status: 'sent', refused: [oldLiaison] });
    expect(listed.find((n) => n.id === warning.id)).toEqual({
      id: warning.id,
      status: 'sent',
      refused: [oldLiaison, deadHead],
    });
    const groups = await call('GET', '/v1/notifications/failed/agencies', officer);
    expect(
      (groups.body.items as { agencyId: string }[]).find((g) => g.agencyId === 'kanwil-r'),
    ).toMatchObject({
      count: letters.length,
      failure: 'address_refused',
      addresses: expect.arrayContaining([oldLiaison]),
    });

    // A warning whose deadline has passed since says what is no longer true: not sent again.
    expect(
      (await call('POST', `/v1/cases/${caseId}/letters/${warning.id}/resend`, officer)).status,
    ).toBe(409);
    // Central corrects the old liaison's address and sends the forwarding again: it goes to
    // the corrected address alone (the working one got it already), and reads sent to all.
    const newLiaison = 'baru@kanwil-r.example.go.id';
    const corrected = await call('PATCH', '/v1/agencies/kanwil-r', admin, {
      contacts: [
        { name: 'Kontak 0', email: good, kind: 'liaison' },
        { name: 'Kontak 1', email: newLiaison, kind: 'liaison' },
        { name: 'Kontak 2', email: deadHead, kind: 'head' },
      ],
    });
    expect(corrected.status).toBe(200);
    const resend = () =>
      call('POST', `/v1/cases/${caseId}/letters/${forwarding.id}/resend`, officer);
    const resent = await resend();
    expect(resent.status, JSON.stringify(resent.body)).toBe(200);
    expect(resent.body).toMatchObject({ status: 'pending', recipients: [newLiaison], cc: [] });
    // A second press: no longer on the list (409), nothing goes twice.
    expect((await resend()).status).toBe(409);
    await engine.passTime(
      { now: clock.now, set: (d: Date) => clock.set(d.toISOString()) },
      new Date(clock.now().getTime() + 20 * 60_000),
    );
    const again = (await call('GET', `/v1/notifications?caseId=${caseId}&limit=50`, officer)).body
      .items as Letter[];
    expect(again.find((n) => n.id === forwarding.id)).toMatchObject({
      status: 'sent',
      recipients: [newLiaison],
      refusedAddresses: [],
      reached: [good],
    });
    const forwardingEmls = emlsOf(forwarding.id);
    expect(forwardingEmls).toHaveLength(2);
    for (const to of [good, newLiaison])
      expect(forwardingEmls.filter((e) => e.includes(`\r\nTo: ${to}\r\n`))).toHaveLength(1);
    // Whom it reached the first time, and when, stays on the timeline.
    const timeline = await call('GET', `/v1/cases/${caseId}/timeline?limit=100`, officer);
    expect(
      (timeline.body.items as { type: string; data: Record<string, unknown> }[]).find(
        (e) => e.type === 'letter_resent',
      )?.data,
    ).toMatchObject({
      notificationId: forwarding.id,
      recipients: [newLiaison],
      reached: [good],
      sentAt: forwarding.sentAt,
    });

    // The warning's copy to the head: delivered by hand, marked handled.
    const dismissed = await call(
      'POST',
      `/v1/cases/${caseId}/letters/${warning.id}/dismiss`,
      admin,
      { note: 'Alamat kepala kantor diperbaiki; salinan dikirim manual.' },
    );
    expect(dismissed.status).toBe(200);
    expect(dismissed.body).toMatchObject({ status: 'sent', handled: { note: expect.any(String) } });
    const after = await call('GET', '/v1/notifications/failed?agencyId=kanwil-r', officer);
    expect((after.body.items as Letter[]).map((n) => n.id)).toEqual(
      listed.map((n) => n.id).filter((id) => id !== warning.id && id !== forwarding.id),
    );
  });

  it('keeps a letter sent when its copy sent again is refused too: it reached its first address, and is listed again for central', async () => {
    const good = 'umum@kanwil-t.example.go.id';
    const { caseId, officer, admin, letters } = await caseFor(
      'kanwil-t',
      [
        { email: good, kind: 'liaison' },
        { email: 'lama@kanwil-t.invalid', kind: 'liaison' },
      ],
      '2026-07-13T03:00:00.000Z',
      0,
    );
    const forwarding = letters.find((n) => n.step === 'forwarding')!;
    expect(forwarding).toMatchObject({ status: 'sent', recipients: [good] });
    // Corrected to an address that is wrong too.
    const stillWrong = 'baru@kanwil-t.invalid';
    expect(
      (
        await call('PATCH', '/v1/agencies/kanwil-t', admin, {
          contacts: [
            { name: 'Kontak 0', email: good, kind: 'liaison' },
            { name: 'Kontak 1', email: stillWrong, kind: 'liaison' },
          ],
        })
      ).status,
    ).toBe(200);
    const resent = await call(
      'POST',
      `/v1/cases/${caseId}/letters/${forwarding.id}/resend`,
      officer,
    );
    expect(resent.body).toMatchObject({ status: 'pending', recipients: [stillWrong] });
    // Through every retry (about four hours), the sweep every 15 minutes.
    for (let i = 0; i < 20; i += 1)
      await engine.passTime(
        { now: clock.now, set: (d: Date) => clock.set(d.toISOString()) },
        new Date(clock.now().getTime() + 15 * 60_000),
      );
    const after = (await call('GET', `/v1/notifications?caseId=${caseId}&limit=50`, officer)).body
      .items as Letter[];
    expect(after.find((n) => n.id === forwarding.id)).toMatchObject({
      status: 'sent',
      sentAt: forwarding.sentAt,
      failure: null,
      reached: [good],
      refusedAddresses: [{ address: stillWrong, reason: '550 5.1.2 no such domain' }],
    });
    const failed = await call('GET', '/v1/notifications/failed?agencyId=kanwil-t', officer);
    expect((failed.body.items as Letter[]).map((n) => n.id)).toContain(forwarding.id);
    const groups = await call('GET', '/v1/notifications/failed/agencies', officer);
    expect(
      (groups.body.items as { agencyId: string }[]).find((g) => g.agencyId === 'kanwil-t'),
    ).toMatchObject({ latestFailed: false, addresses: [stillWrong] });
  });

  it('fails as before when every To address is refused: its Cc gets nothing, and the refused are named', async () => {
    const deadLiaison = 'humas@kanwil-s.invalid';
    const head = 'kepala@kanwil-s.example.go.id';
    const { letters } = await caseFor(
      'kanwil-s',
      [
        { email: deadLiaison, kind: 'liaison' },
        { email: head, kind: 'head' },
      ],
      '2026-07-13T03:00:00.000Z',
      4,
    );
    const warning = letters.find((n) => n.action === 'warning')!;
    expect(warning).toMatchObject({
      recipients: [deadLiaison],
      cc: [head],
      sentAt: null,
      refusedAddresses: [{ address: deadLiaison, reason: '550 5.1.2 no such domain' }],
    });
    expect(warning.status === 'failed' ? warning.failure : warning.refused).toBe('address_refused');
    expect(warning.lastError).toContain(deadLiaison);
    expect(emlsOf(warning.id)).toEqual([]);
  });
});
