/**
 * A register import that runs out of its request's time (API Gateway's 29 s on AWS) reports the
 * rows it did not reach `pending` instead of failing half-way without a report, and the same
 * file sent again goes on from there: each row imported once.
 */
import { type ImportInput, Service, type SheetRow } from '@pantau/core';
import type { DynamoStore } from '@pantau/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { centralAdmin, freshStore, manualClock } from '../support/dynamodb.ts';

let store: DynamoStore;
let service: Service;

beforeAll(async () => {
  store = await freshStore();
  service = new Service({ store, clock: manualClock('2026-03-16T03:00:00.000Z').now });
});

const rows: SheetRow[] = [
  ...Array.from({ length: 4 }, (_, i) => ({
    row: i + 2,
    cells: {
      'Nomor Surat': `B-${201 + i}/DUMAS/02/2025`,
      Tanggal: '03/02/2025',
      Perihal: `Jalan rusak ${i}`,
      Uraian: 'Jalan desa rusak berat sejak banjir.',
    },
  })),
  // Read without any I/O: reported at once, whatever the time.
  {
    row: 6,
    cells: { 'Nomor Surat': 'B-205/DUMAS/02/2025', Tanggal: 'besok', Perihal: 'x', Uraian: 'y' },
  },
];
const input: Omit<ImportInput, 'format' | 'content'> = {
  mapping: {
    letterNumber: 'Nomor Surat',
    receivedAt: 'Tanggal',
    subject: 'Perihal',
    description: 'Uraian',
  },
  defaultChannel: 'letter',
  dryRun: false,
};

/** Time for `rows` rows that write, then none. */
const timeFor = (n: number) => {
  let asked = 0;
  return () => (asked++ < n ? 1_000 : 0);
};

describe('an import out of time', () => {
  it('reports the rows it did not reach pending, and the same file again imports them, each once', async () => {
    const first = await service.importCases(centralAdmin, input, async () => rows, timeFor(2));
    expect(first.rows.map((r) => r.outcome)).toEqual([
      'created',
      'created',
      'pending',
      'pending',
      'error',
    ]);
    expect(first.counts).toEqual({ ok: 0, created: 2, exists: 0, error: 1, pending: 2 });

    const second = await service.importCases(centralAdmin, input, async () => rows);
    expect(second.rows.map((r) => r.outcome)).toEqual([
      'exists',
      'exists',
      'created',
      'created',
      'error',
    ]);
    expect(second.rows.slice(0, 2).map((r) => r.caseId)).toEqual(
      first.rows.slice(0, 2).map((r) => r.caseId),
    );
    const imported = await store.listCases({}, { limit: 100 });
    expect(imported.items.map((c) => c.subject).sort()).toEqual([
      'Jalan rusak 0',
      'Jalan rusak 1',
      'Jalan rusak 2',
      'Jalan rusak 3',
    ]);
  });
});
