/**
 * One agency's answers on a case, as central reads them beside that agency's assignment: the
 * timeline filtered by agency and type, newest first, on DynamoDB Local. A case sent to many
 * agencies holds thousands of entries; an agency's final answer must not be pages of ladder
 * steps and letters away.
 */
import { Service } from '@pantau/core';
import type { DynamoStore } from '@pantau/store';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAgencies,
  centralOfficer,
  forwardedCase,
  freshStore,
  manualClock,
  officerOf,
} from '../support/dynamodb.ts';

let store: DynamoStore;
let service: Service;
const clock = manualClock('2026-07-06T03:00:00.000Z'); // Monday

beforeAll(async () => {
  store = await freshStore();
  service = new Service({ store, clock: clock.now });
  await addAgencies(service, [{ id: 'polri' }, { id: 'pln' }]);
});

describe('an agency’s answers on a case', () => {
  it('are read newest first by agency and type, each page of them only', async () => {
    const { caseId } = await forwardedCase(service, ['polri', 'pln']);
    const answer = async (agency: string, kind: 'progress' | 'final', message: string) => {
      clock.set(new Date(clock.now().getTime() + 60_000).toISOString());
      await service.respond(officerOf(agency), caseId, agency, { kind, message });
    };
    await service.acknowledge(officerOf('polri'), caseId, 'polri');
    await answer('polri', 'progress', 'Sedang diperiksa Propam.');
    await answer('pln', 'progress', 'Jaringan sedang diperbaiki.');
    await answer('polri', 'progress', 'Saksi sudah dipanggil.');
    await answer('pln', 'final', 'Listrik menyala kembali.');
    await answer('polri', 'final', 'Anggota dijatuhi sanksi disiplin.');

    const polri = await service.timeline(centralOfficer, caseId, {
      limit: 2,
      order: 'newest',
      agencyId: 'polri',
      type: 'response_submitted',
    });
    expect(polri.items.map((e) => e.data.message)).toEqual([
      'Anggota dijatuhi sanksi disiplin.',
      'Saksi sudah dipanggil.',
    ]);
    const more = await service.timeline(centralOfficer, caseId, {
      limit: 2,
      order: 'newest',
      agencyId: 'polri',
      type: 'response_submitted',
      cursor: polri.nextCursor!,
    });
    expect(more.items.map((e) => e.data.message)).toEqual(['Sedang diperiksa Propam.']);
    expect(more.nextCursor).toBeNull();

    // An agency reads its own so; another agency's answers are none of its (filtered as ever).
    const asPln = await service.timeline(officerOf('pln'), caseId, {
      limit: 10,
      order: 'newest',
      agencyId: 'polri',
      type: 'response_submitted',
    });
    expect(asPln.items).toEqual([]);
    const own = await service.timeline(officerOf('pln'), caseId, {
      limit: 10,
      order: 'newest',
      agencyId: 'pln',
    });
    expect(own.items.map((e) => e.type)).toEqual([
      'response_submitted',
      'response_submitted',
      'assignment_forwarded',
    ]);
  });
});
