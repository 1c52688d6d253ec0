/**
 * Central's statistics and case export name every agency of a directory longer than one read
 * of it (agencies are read 100 at a time): the 130th by id has its row, by name, like the first.
 */
import { Service } from '@pantau/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAgencies,
  centralOfficer,
  forwardedCase,
  freshStore,
  manualClock,
} from '../support/dynamodb.ts';

const clock = manualClock('2026-03-02T02:00:00.000Z');
let service: Service;
const ids = Array.from({ length: 130 }, (_, i) => `instansi-${String(i + 1).padStart(3, '0')}`);

beforeAll(async () => {
  service = new Service({ store: await freshStore(), clock: clock.now });
  // Ten at a time: one after another, 130 take about 40 s.
  for (let i = 0; i < ids.length; i += 10)
    await Promise.all(ids.slice(i, i + 10).map((id) => addAgencies(service, [{ id }])));
  await forwardedCase(service, [ids[0]!, ids.at(-1)!]);
}, 120_000);

describe('a directory of 130 agencies', () => {
  it('gives every agency its row, the last read as the first, and names it in both sheets', async () => {
    const period = { from: '2026-03-01', to: '2026-03-31' };
    const report = await service.agencyStats(centralOfficer, period);
    expect(report.items).toHaveLength(130);
    expect(report.items.find((s) => s.agencyId === ids.at(-1))).toMatchObject({ assigned: 1 });
    expect(report.totals.assigned).toBe(2);
    const { sheet } = await service.agencyStatsExport(centralOfficer, period);
    expect(sheet.rows.find((r) => r[0] === `Agency ${ids.at(-1)}`)?.[1]).toBe(1);
    const rows = [];
    for await (const page of service.exportCases(centralOfficer, period)) rows.push(...page);
    expect(rows[0]![6]).toBe(`Agency ${ids[0]}; Agency ${ids.at(-1)}`);
  });
});

describe('an agency the directory does not have', () => {
  it('is a 400 naming agencyId, not an empty report that reads as “no cases”', async () => {
    const period = { from: '2026-03-01', to: '2026-03-31', agencyId: 'instansi-999' };
    await expect(service.agencyStats(centralOfficer, period)).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'agencyId', message: 'no such agency' }],
    });
    const pages = service.exportCases(centralOfficer, period);
    await expect(pages.next()).rejects.toMatchObject({ code: 'validation_failed' });
  });
});
