/**
 * A focal point's coordinator reads a case's letters as it reads the case: its own agency's and
 * its member units', never another agency's on the same case. Its officers, and a member unit,
 * read their own agency's only, save that a member unit also reads the letters of the focal
 * point's assignment delegated to it, which it works (they went to the focal point).
 */
import { type Mailer, Service } from '@pantau/core';
import { LocalLadderEngine } from '@pantau/local';
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
let engine: LocalLadderEngine;
const clock = manualClock('2026-04-06T03:00:00.000Z'); // Monday 10:00 WIB
const mailer: Mailer = { send: async () => undefined };

beforeAll(async () => {
  store = await freshStore();
  engine = new LocalLadderEngine({ store, clock: clock.now, mailer });
  service = new Service({ store, clock: clock.now, ladders: engine });
  await addAgencies(service, [
    { id: 'polri' },
    { id: 'atr-bpn' },
    { id: 'kanwil-bpn-jatim', focalPointId: 'atr-bpn' },
    { id: 'kanwil-bpn-sulsel', focalPointId: 'atr-bpn', timeZone: 'Asia/Makassar' },
  ]);
});

const coordinator = officerOf('atr-bpn', 'agency_coordinator');
const agenciesOf = (items: readonly { agencyId: string }[]) =>
  [...new Set(items.map((n) => n.agencyId))].sort();

describe('the letters of a case, as a focal point’s coordinator reads them', () => {
  let caseId: string;
  beforeAll(async () => {
    ({ caseId } = await forwardedCase(service, [
      'atr-bpn',
      'kanwil-bpn-jatim',
      'kanwil-bpn-sulsel',
      'polri',
    ]));
    // Silent all week: the warnings and the first reminders go out to each agency.
    for (const day of ['07', '08', '09', '10']) {
      clock.set(`2026-04-${day}T03:00:00.000Z`);
      await engine.runDue();
    }
  });

  it('include its member units’ letters on the case, not another agency’s', async () => {
    const page = await service.listNotifications(coordinator, { caseId, limit: 100 });
    expect(agenciesOf(page.items)).toEqual(['atr-bpn', 'kanwil-bpn-jatim', 'kanwil-bpn-sulsel']);
  });

  it('come a page at a time, each once, with the total', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let total: number | undefined;
    do {
      const page = await service.listNotifications(coordinator, {
        caseId,
        limit: 1,
        ...(cursor ? { cursor } : { total: true }),
      });
      total ??= page.total;
      seen.push(...page.items.map((n) => n.id));
      cursor = page.nextCursor ?? undefined;
      expect(seen.length).toBeLessThan(20);
    } while (cursor);
    const all = await service.listNotifications(centralOfficer, { caseId, limit: 100 });
    const theirs = all.items.filter((n) => n.agencyId !== 'polri').map((n) => n.id);
    expect(theirs.length).toBeGreaterThan(3);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...theirs].sort());
    expect(total).toBe(theirs.length);
  });

  it('by agency: one member unit’s only', async () => {
    const page = await service.listNotifications(coordinator, {
      caseId,
      agencyId: 'kanwil-bpn-jatim',
      limit: 100,
    });
    expect(agenciesOf(page.items)).toEqual(['kanwil-bpn-jatim']);
  });

  it('an officer of the focal point, and a member unit, read their own agency’s only', async () => {
    const officer = await service.listNotifications(officerOf('atr-bpn'), { caseId, limit: 100 });
    expect(agenciesOf(officer.items)).toEqual(['atr-bpn']);
    const unit = await service.listNotifications(
      officerOf('kanwil-bpn-jatim', 'agency_coordinator'),
      {
        caseId,
        limit: 100,
      },
    );
    expect(agenciesOf(unit.items)).toEqual(['kanwil-bpn-jatim']);
  });
});

describe('the letters of an assignment delegated to a member unit', () => {
  it('the unit reads them on the case while it holds it; a sibling unit never; none once taken back', async () => {
    clock.set('2026-04-13T03:00:00.000Z');
    const { caseId } = await forwardedCase(service, ['atr-bpn']);
    await service.delegate(coordinator, caseId, 'atr-bpn', { memberId: 'kanwil-bpn-jatim' });
    for (const day of ['14', '15', '16', '17']) {
      clock.set(`2026-04-${day}T03:00:00.000Z`);
      await engine.runDue();
    }
    const theirs = await service.listNotifications(coordinator, { caseId, limit: 100 });
    expect(theirs.items.map((n) => n.step)).toEqual(['warning', 'warning', 'reminder_1']);
    const unit = officerOf('kanwil-bpn-jatim');
    const read = await service.listNotifications(unit, { caseId, limit: 100 });
    expect(read.items.map((n) => n.id)).toEqual(theirs.items.map((n) => n.id));
    const sibling = await service.listNotifications(officerOf('kanwil-bpn-sulsel'), {
      caseId,
      limit: 100,
    });
    expect(sibling.items).toEqual([]);
    await service.delegate(coordinator, caseId, 'atr-bpn', { memberId: null });
    expect((await service.listNotifications(unit, { caseId, limit: 100 })).items).toEqual([]);
  });
});
