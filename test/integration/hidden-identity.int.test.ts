/**
 * An e-mail whose complainant asks that their identity be kept from the agencies. Its text is
 * the whole mail, the signature included: hiding the identity kept the sender's name and
 * address from the agency, while the case it read, its forwarding letter and its search still
 * gave "Hormat saya, Dewi Lestari, 0812…". Central restates the complaint for the agencies
 * while verifying, and an e-mail is not accepted with its identity hidden until it has.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Service } from '@pantau/core';
import { inspectUpload } from '@pantau/documents/sniff';
import { intakeMail } from '@pantau/intake/mail';
import { FileBlobStore } from '../../packages/local/src/blob-store.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAgencies,
  centralOfficer,
  freshStore,
  manualClock,
  officerOf,
} from '../support/dynamodb.ts';

let service: Service;
const clock = manualClock('2026-08-04T03:00:00.000Z');

beforeAll(async () => {
  const blobs = new FileBlobStore(mkdtempSync(join(tmpdir(), 'pantau-hidden-')), clock.now);
  service = new Service({
    store: await freshStore(),
    clock: clock.now,
    blobs,
    inspect: inspectUpload,
  });
  await addAgencies(service, [{ id: 'samsat' }]);
}, 60_000);

const SIGNED = [
  'Mohon identitas saya dirahasiakan. Petugas samsat meminta uang tambahan untuk balik nama.',
  '',
  'Hormat saya,',
  'Dewi Lestari',
  '0812 3456 7890',
].join('\r\n');

const mail = () =>
  Buffer.from(
    [
      'From: Dewi Lestari <dewi.lestari@warga.example.id>',
      'To: pengaduan@setneg.example.go.id',
      'Subject: Pungutan liar di samsat',
      'Date: Tue, 4 Aug 2026 08:00:00 +0700',
      'Message-ID: <rahasia-tanda-tangan@warga.example.id>',
      'Content-Type: text/plain; charset=utf-8',
      '',
      SIGNED,
    ].join('\r\n'),
  );

const RESTATED = 'Petugas samsat meminta uang tambahan di luar tarif untuk balik nama kendaraan.';

describe('an e-mail accepted with the identity hidden', () => {
  it('needs the complaint restated for the agencies, who read, and search, only that', async () => {
    const { caseId } = await intakeMail(service, mail());
    await expect(
      service.verifyCase(centralOfficer, caseId, {
        decision: 'accept',
        type: 'normative',
        identityHidden: true,
      }),
    ).rejects.toMatchObject({ code: 'validation_failed', errors: [{ path: 'description' }] });
    // Refused whole: nothing of it was written.
    expect((await service.getCase(centralOfficer, caseId)).status).toBe('received');

    const verified = await service.verifyCase(centralOfficer, caseId, {
      decision: 'accept',
      type: 'normative',
      identityHidden: true,
      description: RESTATED,
    });
    // Central reads both: the mail as it came, and what the agencies read.
    expect(verified.description).toContain('Dewi Lestari');
    expect(verified.agencyDescription).toBe(RESTATED);
    // Sent again (its answer lost), the same: answered as it is. A corrected restatement is not
    // the same request: refused, never answered 200 while the agencies keep reading the first.
    const verification = { decision: 'accept', type: 'normative', identityHidden: true } as const;
    await expect(
      service.verifyCase(centralOfficer, caseId, { ...verification, description: RESTATED }),
    ).resolves.toMatchObject({ agencyDescription: RESTATED });
    await expect(
      service.verifyCase(centralOfficer, caseId, {
        ...verification,
        description: `${RESTATED} Lokasi: Samsat Kota.`,
      }),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
    await service.forward(centralOfficer, caseId, { assignments: [{ agencyId: 'samsat' }] });

    const samsat = officerOf('samsat');
    const seen = await service.getCase(samsat, caseId);
    expect(seen.description).toBe(RESTATED);
    expect(seen.agencyDescription).toBeNull();
    for (const secret of ['Dewi', 'dewi.lestari', '0812']) {
      expect(JSON.stringify(seen)).not.toContain(secret);
    }
    // The agency finds the case by what it reads, not by the signature.
    const search = async (who: typeof samsat, q: string) =>
      (await service.search(who, { q, limit: 25 })).items.map((c) => c.id);
    expect(await search(samsat, 'balik nama')).toEqual([caseId]);
    expect(await search(samsat, 'Dewi')).toEqual([]);
    expect(await search(samsat, 'Lestari')).toEqual([]);
    expect(await search(centralOfficer, 'Lestari')).toEqual([caseId]);
  }, 60_000);
});
