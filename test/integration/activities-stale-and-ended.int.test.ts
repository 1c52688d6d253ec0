/**
 * Central's monitoring activities (audit "activities"). F1: a new date, a report or a
 * cancellation sent from a page shown before a colleague changed the activity carries the
 * activity's `version` that page showed, and is refused with 409 `version_conflict` instead of
 * being laid over the colleague's change. F2: an agency whose part in the case ended without
 * its doing the work (withdrawn, or redirected and settled) reads none of the case's activities
 * (their reports name people: "Pengadu Siti … hadir"), nor their events after its part ended,
 * and central cannot plan a new one with it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Principal, Service, uploadKey } from '@pantau/core';
import { inspectUpload } from '@pantau/documents/sniff';
import { beforeAll, describe, expect, it } from 'vitest';
import { FileBlobStore } from '../../packages/local/src/blob-store.ts';
import { SMALL_PDF } from '../support/documents.ts';
import {
  addAgencies,
  centralOfficer,
  forwardedCase,
  freshStore,
  manualClock,
  officerOf,
} from '../support/dynamodb.ts';

const clock = manualClock('2026-03-16T03:00:00.000Z');
let service: Service;
let blobs: FileBlobStore;
const colleague: Principal = { ...centralOfficer, sub: 'petugas-dua' };

beforeAll(async () => {
  blobs = new FileBlobStore(mkdtempSync(join(tmpdir(), 'pantau-activities-')), clock.now);
  service = new Service({
    store: await freshStore(),
    clock: clock.now,
    blobs,
    inspect: inspectUpload,
  });
  await addAgencies(service, [{ id: 'polri' }, { id: 'pemkot' }]);
}, 60_000);

/** A case conference with both agencies, planned for the 25th with Kabid Propam. */
const conference = async () => {
  const { caseId } = await forwardedCase(service, ['polri', 'pemkot']);
  const planned = await service.planActivity(centralOfficer, caseId, {
    kind: 'case_conference',
    scheduledAt: '2026-03-25T03:00:00.000Z',
    agencyIds: ['polri', 'pemkot'],
    participants: ['Kabid Propam'],
  });
  return { caseId, activityId: planned.id };
};

/** The activity as a page of the case shows it now. */
const shown = async (caseId: string, activityId: string, p: Principal = centralOfficer) =>
  (await service.getCase(p, caseId)).activities.find((a) => a.id === activityId)!;

const eventsOf = async (caseId: string, type: string) =>
  (await service.timeline(centralOfficer, caseId, { limit: 100 } as never)).items.filter(
    (e) => e.type === type,
  );

describe('F1: an activity changed from a page shown before a colleague changed it', () => {
  it('a new date is refused (409), the colleague’s date and participant kept', async () => {
    const { caseId, activityId } = await conference();
    const page = await shown(caseId, activityId);
    expect(page.version).toBe(1);
    await service.scheduleActivity(colleague, caseId, activityId, {
      scheduledAt: '2026-03-26T03:00:00.000Z',
      participants: ['Kabid Propam', 'Kabag Hukum Pemkot'],
      version: page.version,
    });
    await expect(
      service.scheduleActivity(centralOfficer, caseId, activityId, {
        scheduledAt: '2026-03-27T03:00:00.000Z',
        participants: ['Kabid Propam'],
        version: page.version,
      }),
    ).rejects.toMatchObject({ code: 'version_conflict' });
    expect(await shown(caseId, activityId)).toMatchObject({
      scheduledAt: '2026-03-26T03:00:00.000Z',
      participants: ['Kabid Propam', 'Kabag Hukum Pemkot'],
      version: 2,
    });
    expect(await eventsOf(caseId, 'activity_scheduled')).toHaveLength(1);
  });

  it('a report or a cancellation too: the moved activity is neither reported nor called off', async () => {
    const { caseId, activityId } = await conference();
    const page = await shown(caseId, activityId);
    await service.scheduleActivity(colleague, caseId, activityId, {
      scheduledAt: '2026-03-26T03:00:00.000Z',
      version: page.version,
    });
    await expect(
      service.cancelActivity(centralOfficer, caseId, activityId, {
        reason: 'Dijadwalkan dua kali',
        version: page.version,
      }),
    ).rejects.toMatchObject({ code: 'version_conflict' });
    await expect(
      service.reportActivity(centralOfficer, caseId, activityId, {
        heldAt: '2026-03-16T02:00:00.000Z',
        outcome: 'Sepakat',
        summary: 'Para pihak hadir.',
        version: page.version,
      }),
    ).rejects.toMatchObject({ code: 'version_conflict' });
    expect((await shown(caseId, activityId)).status).toBe('planned');
  });

  it('sent again on the version it was made on (its answer lost), it is answered as done', async () => {
    const { caseId, activityId } = await conference();
    const { version } = await shown(caseId, activityId);
    const body = { scheduledAt: '2026-03-26T03:00:00.000Z', participants: ['Kabid Propam'] };
    const first = await service.scheduleActivity(colleague, caseId, activityId, {
      ...body,
      version,
    });
    await expect(
      service.scheduleActivity(colleague, caseId, activityId, { ...body, version }),
    ).resolves.toEqual(first);
    const report = { heldAt: '2026-03-16T02:00:00.000Z', outcome: 'Sepakat', summary: 'Hadir.' };
    const reported = await service.reportActivity(colleague, caseId, activityId, {
      ...report,
      version: first.version,
    });
    await expect(
      service.reportActivity(colleague, caseId, activityId, { ...report, version: first.version }),
    ).resolves.toEqual(reported);
    expect(await eventsOf(caseId, 'activity_reported')).toHaveLength(1);
  });

  it('without a version (an older client) it is changed on what is stored, as before', async () => {
    const { caseId, activityId } = await conference();
    await service.scheduleActivity(colleague, caseId, activityId, {
      scheduledAt: '2026-03-26T03:00:00.000Z',
    });
    await expect(
      service.scheduleActivity(centralOfficer, caseId, activityId, {
        scheduledAt: '2026-03-27T03:00:00.000Z',
      }),
    ).resolves.toMatchObject({ scheduledAt: '2026-03-27T03:00:00.000Z', version: 3 });
  });
});

describe('F2: an agency whose part in the case ended', () => {
  const polri = officerOf('polri');
  const pemkot = officerOf('pemkot');
  const SUMMARY = 'Pengadu Siti Rahmawati hadir dan menerima penjelasan.';

  it('reads none of its activities, nor their events after its part ended', async () => {
    const { caseId, activityId } = await conference();
    // One with Polri alone: its events are Polri's own (`activityAgency`).
    const clarification = await service.planActivity(centralOfficer, caseId, {
      kind: 'clarification',
      agencyIds: ['polri'],
    });
    clock.set('2026-03-16T04:00:00.000Z');
    // Forwarded to Polri by mistake: withdrawn. Then both activities are reported.
    await service.withdrawAssignment(centralOfficer, caseId, 'polri', { reason: 'Salah kirim' });
    clock.set('2026-03-16T05:00:00.000Z');
    const report = { heldAt: '2026-03-16T04:30:00.000Z', outcome: 'Sepakat', summary: SUMMARY };
    await service.reportActivity(centralOfficer, caseId, activityId, report);
    await service.reportActivity(centralOfficer, caseId, clarification.id, report);

    const seen = await service.getCase(polri, caseId);
    expect(seen.complainant).toBeNull();
    expect(seen.activities).toEqual([]);
    expect(seen.underMonitoring).toBe(false);
    const timeline = await service.timeline(polri, caseId, { limit: 100 } as never);
    // What it read while it had a part stays (the plans); nothing after.
    expect(timeline.items.filter((e) => e.type === 'activity_planned')).toHaveLength(2);
    expect(timeline.items.filter((e) => e.type === 'activity_reported')).toEqual([]);
    expect(JSON.stringify([seen, timeline])).not.toContain('Sepakat');
    // Pemkot, still on the case, reads the report.
    expect((await shown(caseId, activityId, pemkot)).summary).toBe(SUMMARY);
  });

  it('lists and downloads none of its activities’ files (README: nor the case’s)', async () => {
    const { caseId, activityId } = await conference();
    const started = await service.createAttachment(centralOfficer, caseId, {
      name: 'BA-gelar-kasus.pdf',
      size: SMALL_PDF.byteLength,
      attachedTo: { kind: 'activity', activityId },
      visibility: 'agencies',
    });
    const { id } = started.attachment;
    await blobs.write(uploadKey(caseId, id), SMALL_PDF);
    await service.completeAttachment(centralOfficer, caseId, id);
    const listed = async (p: Principal) =>
      (await service.listAttachments(p, caseId)).items.map((a) => a.id);
    expect(await listed(polri)).toContain(id);
    await service.withdrawAssignment(centralOfficer, caseId, 'polri', { reason: 'Salah kirim' });
    expect(await listed(polri)).not.toContain(id);
    await expect(service.downloadAttachment(polri, caseId, id)).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await listed(pemkot)).toContain(id);
  });

  it('is not taken into a new activity (400 naming it), as an agency not on the case is not', async () => {
    const { caseId } = await forwardedCase(service, ['polri', 'pemkot']);
    await service.withdrawAssignment(centralOfficer, caseId, 'polri', { reason: 'Salah kirim' });
    await expect(
      service.planActivity(centralOfficer, caseId, {
        kind: 'mediation',
        agencyIds: ['pemkot', 'polri'],
      }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ path: 'agencyIds.1' })],
    });
    // Nor is an activity planned with it before (the ladder's proposal for a silent agency,
    // which central then withdrew) given a date with it: before, it was planned with an agency
    // that reads none of it. It can be called off.
    const { caseId: earlier } = await forwardedCase(service, ['polri', 'pemkot']);
    const clarification = await service.planActivity(centralOfficer, earlier, {
      kind: 'clarification',
      agencyIds: ['polri'],
    });
    await service.withdrawAssignment(centralOfficer, earlier, 'polri', { reason: 'Diam' });
    await expect(
      service.scheduleActivity(centralOfficer, earlier, clarification.id, {
        scheduledAt: '2026-03-30T03:00:00.000Z',
      }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ path: 'agencyIds.0' })],
    });
    await expect(
      service.cancelActivity(centralOfficer, earlier, clarification.id, { reason: 'Ditarik' }),
    ).resolves.toMatchObject({ status: 'cancelled' });
    // Forwarded to again, it takes part as before.
    await service.forward(centralOfficer, caseId, { assignments: [{ agencyId: 'polri' }] });
    await expect(
      service.planActivity(centralOfficer, caseId, { kind: 'mediation', agencyIds: ['polri'] }),
    ).resolves.toMatchObject({ agencyIds: ['polri'] });
  });
});
