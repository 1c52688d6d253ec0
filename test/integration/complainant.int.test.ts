/**
 * What the complainant is told on the tracking page: where to send what central asked for, and
 * why a complaint was rejected. A rejection's note was thrown away (on neither the case nor
 * its timeline), and the complainant read "Ditolak" and nothing else: no reason, no one to ask.
 */
import { CENTRAL_TENANT, Service } from '@pantau/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { centralAdmin, centralOfficer, freshStore, manualClock } from '../support/dynamodb.ts';

let service: Service;
const clock = manualClock('2026-04-13T02:00:00.000Z');

beforeAll(async () => {
  service = new Service({ store: await freshStore(), clock: clock.now });
}, 60_000);

describe('a case waiting for the complainant', () => {
  it('sends them to central’s liaison, not to the first contact listed (its head)', async () => {
    await service.updateAgency(centralAdmin, CENTRAL_TENANT, {
      contacts: [
        { kind: 'head', name: 'Asisten Deputi', email: 'asdep@setneg.go.id' },
        { kind: 'liaison', name: 'Layanan Pengaduan', email: 'dumas@setneg.go.id' },
      ],
    });
    const created = await service.createCase(centralOfficer, {
      channel: 'letter',
      complainant: { name: 'Siti Aminah' },
      subject: 'Sertifikat tanah belum terbit',
      description: 'Sudah dua tahun.',
    });
    await service.verifyCase(centralOfficer, created.id, {
      decision: 'needs_info',
      missing: 'Fotokopi sertifikat',
    });
    const view = await service.track(created.trackingCode!);
    expect(view.infoRequest?.sendTo).toEqual({
      name: 'Layanan Pengaduan',
      email: 'dumas@setneg.go.id',
    });
  }, 60_000);

  it('gives the unit’s postal address from its letterhead, for one who has no other address to send to (a web form)', async () => {
    // Before, the page said "by letter to the address where you made the complaint": a
    // complainant who used the web form has none.
    const created = await service.createCase(centralOfficer, {
      channel: 'web',
      complainant: { name: 'Siti Aminah' },
      subject: 'Sertifikat tanah belum terbit',
      description: 'Sudah dua tahun.',
    });
    await service.verifyCase(centralOfficer, created.id, {
      decision: 'needs_info',
      missing: 'Fotokopi sertifikat',
    });
    const defaults = await service.track(created.trackingCode!);
    expect(defaults.infoRequest?.postalAddress).toBe(
      'Asisten Deputi Pengaduan Masyarakat, Jalan Veteran Nomor 17–18, Jakarta Pusat 10110',
    );
    const settings = await service.documentSettings(centralAdmin);
    await service.putDocumentSettings(centralAdmin, {
      ...settings,
      letterhead: {
        ministry: 'KEMENTERIAN SEKRETARIAT NEGARA RI',
        unit: 'Asdep Pengaduan Masyarakat',
        address: 'Gedung Utama Lt. 2, Jalan Veteran 17, Jakarta 10110',
        city: 'Jakarta',
      },
    });
    const saved = await service.track(created.trackingCode!);
    expect(saved.infoRequest?.postalAddress).toBe(
      'Asdep Pengaduan Masyarakat, Gedung Utama Lt. 2, Jalan Veteran 17, Jakarta 10110',
    );
  }, 60_000);
});

describe('a complaint central rejects', () => {
  const rejected = async (confidential: boolean) => {
    const created = await service.createCase(centralOfficer, {
      channel: 'letter',
      complainant: { name: 'Budi Santoso' },
      confidential,
      subject: 'Sengketa waris keluarga',
      description: 'Pembagian warisan antarsaudara.',
    });
    const view = await service.verifyCase(centralOfficer, created.id, {
      decision: 'reject',
      reason: 'Sengketa perdata antarwarga: ajukan ke pengadilan negeri setempat.',
      note: 'Sudah dicek dengan Biro Hukum.',
    });
    return { created, view };
  };

  it('keeps central’s note and tells the complainant why, and whom to ask', async () => {
    const { created, view } = await rejected(false);
    expect(view.rejection).toMatchObject({
      reason: 'Sengketa perdata antarwarga: ajukan ke pengadilan negeri setempat.',
      note: 'Sudah dicek dengan Biro Hukum.',
    });
    const events = (await service.timeline(centralOfficer, created.id, { limit: 10 })).items;
    expect(events.find((e) => e.type === 'case_rejected')?.data).toMatchObject({
      reason: 'Sengketa perdata antarwarga: ajukan ke pengadilan negeri setempat.',
      note: 'Sudah dicek dengan Biro Hukum.',
    });
    const tracked = await service.track(created.trackingCode!);
    expect(tracked.rejection).toEqual({
      reason: 'Sengketa perdata antarwarga: ajukan ke pengadilan negeri setempat.',
    });
    expect(tracked.contact).toEqual({ name: 'Layanan Pengaduan', email: 'dumas@setneg.go.id' });
    expect(JSON.stringify(tracked)).not.toContain('Biro Hukum');
    // Sent again (its answer lost): answered as it is. A corrected reason is refused (409),
    // never answered 200 while the complainant keeps reading the first.
    const decision = {
      decision: 'reject',
      reason: 'Sengketa perdata antarwarga: ajukan ke pengadilan negeri setempat.',
      note: 'Sudah dicek dengan Biro Hukum.',
    } as const;
    await expect(service.verifyCase(centralOfficer, created.id, decision)).resolves.toMatchObject({
      status: 'rejected',
    });
    await expect(
      service.verifyCase(centralOfficer, created.id, { ...decision, reason: 'Bukan kewenangan.' }),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
  }, 60_000);

  it('on a confidential report, says it is rejected and whom to ask, and no more', async () => {
    const { created } = await rejected(true);
    const tracked = await service.track(created.trackingCode!);
    expect(tracked.status).toBe('rejected');
    expect(tracked.rejection).toEqual({ reason: null });
    expect(tracked.contact).not.toBeNull();
  }, 60_000);
});
