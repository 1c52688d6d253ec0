/**
 * What the complainant is told on the tracking page: where to send what central asked for.
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
});
