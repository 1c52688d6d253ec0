/**
 * A focal point's coordinator reads a case's letters as it reads the case: its own agency's and
 * its member units', never another agency's on the same case. Its officers, and a member unit,
 * read their own agency's only, save that a member unit also reads the letters of the focal
 * point's assignment delegated to it, which it works (they went to the focal point).
 */
import { type LetterKey, type Mailer, Service, UPGRADE_VERSION } from '@pantau/core';
import { LocalJobRunner, LocalLadderEngine } from '@pantau/local';
import { type DynamoStore, keys, seedBaseline } from '@pantau/store';
import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
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

describe('a member unit’s letters log (its Letters page and badge)', () => {
  const sulsel = officerOf('kanwil-bpn-sulsel');
  const jatim = officerOf('kanwil-bpn-jatim');
  /** Every letter a reader's log lists (no case chosen), a page of `limit` at a time. */
  const log = async (reader: typeof sulsel, limit = 100) => {
    const ids: string[] = [];
    const pages: { agencyId: string; createdAt: string }[] = [];
    let cursor: string | undefined;
    let total: number | undefined;
    do {
      const page = await service.listNotifications(reader, {
        limit,
        ...(cursor ? { cursor } : { total: true }),
      });
      total ??= page.total;
      ids.push(...page.items.map((n) => n.id));
      pages.push(...page.items);
      cursor = page.nextCursor ?? undefined;
      expect(ids.length).toBeLessThan(200);
    } while (cursor);
    return { ids, items: pages, total };
  };
  let caseId: string;
  let letters: string[];
  let delegatedAt: string;

  beforeAll(async () => {
    clock.set('2026-04-20T03:00:00.000Z');
    ({ caseId } = await forwardedCase(service, ['atr-bpn']));
    // The first warning goes to the focal point before it delegates the assignment, the next
    // ones while its member unit works it.
    for (const day of ['21', '22']) {
      clock.set(`2026-04-${day}T03:00:00.000Z`);
      await engine.runDue();
    }
    delegatedAt = clock.now().toISOString();
    await service.delegate(coordinator, caseId, 'atr-bpn', { memberId: 'kanwil-bpn-sulsel' });
    for (const day of ['23', '24', '27']) {
      clock.set(`2026-04-${day}T03:00:00.000Z`);
      await engine.runDue();
    }
    const theirs = await service.listNotifications(coordinator, { caseId, limit: 100 });
    letters = theirs.items.map((n) => n.id);
    expect(theirs.items.some((n) => n.scheduledAt < delegatedAt)).toBe(true);
    expect(theirs.items.some((n) => n.scheduledAt > delegatedAt)).toBe(true);
  });

  it('lists the letters of the assignment delegated to the unit beside its own, newest first, each once, with the total', async () => {
    const all = await log(sulsel);
    expect(all.ids).toEqual(expect.arrayContaining(letters));
    expect(agenciesOf(all.items)).toEqual(['atr-bpn', 'kanwil-bpn-sulsel']);
    const dates = all.items.map((n) => n.createdAt);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(all.total).toBe(all.ids.length);
    const paged = await log(sulsel, 1);
    expect(paged.ids).toEqual(all.ids);
    expect(paged.total).toBe(all.ids.length);
    // A sibling unit never.
    expect((await log(jatim)).ids).not.toEqual(expect.arrayContaining([letters[0]]));
  });

  it('counts those written since the last visit in the badge', async () => {
    const since = new Date('2026-04-23T00:00:00.000Z');
    const fresh = await service.listNotifications(coordinator, { caseId, limit: 100 });
    const expected = fresh.items.filter((n) => n.createdAt > since.toISOString()).length;
    expect(expected).toBeGreaterThan(0);
    // Those sent to the unit itself, as central lists them.
    const own = await service.listNotifications(centralOfficer, {
      agencyId: 'kanwil-bpn-sulsel',
      since: since.toISOString(),
      limit: 1,
      total: true,
    });
    const badge = await service.listNotifications(sulsel, {
      since: since.toISOString(),
      limit: 1,
      total: true,
    });
    expect(badge.total).toBe(expected + (own.total ?? 0));
  });

  it('follows the delegation: moved to another unit, its letters go with it; taken back, none', async () => {
    await service.delegate(coordinator, caseId, 'atr-bpn', { memberId: 'kanwil-bpn-jatim' });
    expect((await log(jatim)).ids).toEqual(expect.arrayContaining(letters));
    expect((await log(sulsel)).ids.filter((id) => letters.includes(id))).toEqual([]);
    await service.delegate(coordinator, caseId, 'atr-bpn', { memberId: null });
    expect((await log(jatim)).ids.filter((id) => letters.includes(id))).toEqual([]);
    // The focal point's own log keeps them, as ever.
    expect((await log(coordinator)).ids).toEqual(expect.arrayContaining(letters));
  });

  /** The service on a store whose `listAssignmentLetters` is followed by `after`. */
  const withLetters = (after: (read: LetterKey[]) => Promise<LetterKey[]>) =>
    new Service({
      store: new Proxy(store, {
        get(target, key) {
          if (key === 'listAssignmentLetters')
            return async (caseId: string, agencyId: string) =>
              after(await target.listAssignmentLetters(caseId, agencyId));
          const value = Reflect.get(target, key, target) as unknown;
          return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
        },
      }),
      clock: clock.now,
      ladders: engine,
    });
  const count = async (reader: typeof sulsel) =>
    (await service.listNotifications(reader, { limit: 1, total: true })).total ?? 0;
  let raced: string;

  it('shares a letter the ladder writes while the delegation reads the letters', async () => {
    clock.set('2026-04-28T03:00:00.000Z');
    ({ caseId: raced } = await forwardedCase(service, ['atr-bpn']));
    // Its first warning is due, and written between the delegation's read and its write.
    clock.set('2026-04-30T03:00:00.000Z');
    let ran = false;
    const racing = withLetters(async (read) => {
      if (!ran) {
        ran = true;
        await engine.runDue();
      }
      return read;
    });
    await racing.delegate(coordinator, raced, 'atr-bpn', { memberId: 'kanwil-bpn-jatim' });
    expect(ran).toBe(true);
    const written = await service.listNotifications(coordinator, { caseId: raced, limit: 100 });
    expect(written.items.length).toBeGreaterThan(0);
    expect((await log(jatim)).ids).toEqual(expect.arrayContaining(written.items.map((n) => n.id)));
  });

  it('moves and takes back an assignment with more letters than one transaction holds', async () => {
    // An assignment whose ladders ran many times over: 150 letters past the real ones.
    const many: LetterKey[] = Array.from({ length: 150 }, (_, i) => ({
      id: `01MANY${String(i).padStart(20, '0')}`,
      createdAt: new Date(Date.UTC(2026, 2, 1, 0, i)).toISOString(),
      bytes: 2_000,
    }));
    const padded = withLetters(async (read) => [...read, ...many]);
    const real = (await service.listNotifications(coordinator, { caseId: raced, limit: 100 })).items
      .length;
    const [before, jatimBefore] = [await count(sulsel), await count(jatim)];
    await padded.delegate(coordinator, raced, 'atr-bpn', { memberId: 'kanwil-bpn-sulsel' });
    expect(await count(sulsel)).toBe(before + real + many.length);
    expect(await count(jatim)).toBe(jatimBefore - real);
    await padded.delegate(coordinator, raced, 'atr-bpn', { memberId: null });
    expect(await count(sulsel)).toBe(before);
  });

  it('shares, on the upgrade of version 6, the letters of a delegation made before shares were', async () => {
    clock.set('2026-05-04T03:00:00.000Z');
    const { caseId: older } = await forwardedCase(service, ['atr-bpn']);
    await service.delegate(coordinator, older, 'atr-bpn', { memberId: 'kanwil-bpn-jatim' });
    for (const day of ['05', '06', '07']) {
      clock.set(`2026-05-${day}T03:00:00.000Z`);
      await engine.runDue();
    }
    const written = (
      await service.listNotifications(coordinator, { caseId: older, limit: 100 })
    ).items.map((n) => n.id);
    expect(written.length).toBeGreaterThan(0);
    // As the release before wrote them: no shares; the unit's log lists none of its letters.
    for (const share of await store.listLetterShares(older))
      await store.client.send(
        new DeleteCommand({
          TableName: store.tableName,
          Key: keys.letterShare(older, share.agencyId, share.letter.id),
        }),
      );
    expect((await log(jatim)).ids.filter((id) => written.includes(id))).toEqual([]);
    await store.client.send(new DeleteCommand({ TableName: store.tableName, Key: keys.upgrade }));
    await store.markUpgraded(UPGRADE_VERSION - 1, null, clock.now());
    const { upgradeJobId } = await seedBaseline(store, clock.now());
    const runner = new LocalJobRunner({ store, clock: clock.now });
    await runner.resume();
    await runner.idle();
    expect(await store.getJob(upgradeJobId!)).toMatchObject({ state: 'completed', failed: 0 });
    expect((await log(jatim)).ids).toEqual(expect.arrayContaining(written));
  }, 60_000);
});

describe('the Letters badge: what was written since the last visit, never a cancelled letter', () => {
  // A table of its own: its engine's jumps write no letter on the cases above, nor theirs here.
  const own = manualClock('2026-04-06T03:00:00.000Z'); // Monday 10:00 WIB
  let ownStore: DynamoStore;
  let ownService: Service;
  let ownEngine: LocalLadderEngine;
  const polri = officerOf('polri');
  const jatim = officerOf('kanwil-bpn-jatim');
  let cases: string[];
  /** The badge of `reader` after a visit at `since`: the count the console asks for. */
  const badge = async (reader: typeof polri, since: string, on = ownService) =>
    (await on.listNotifications(reader, { since, cancelled: false, limit: 1, total: true })).total;
  beforeAll(async () => {
    ownStore = await freshStore();
    ownEngine = new LocalLadderEngine({ store: ownStore, clock: own.now, mailer });
    ownService = new Service({ store: ownStore, clock: own.now, ladders: ownEngine });
    await addAgencies(ownService, [
      { id: 'polri' },
      { id: 'atr-bpn' },
      { id: 'kanwil-bpn-jatim', focalPointId: 'atr-bpn' },
    ]);
    const a = await forwardedCase(ownService, ['polri']);
    const b = await forwardedCase(ownService, ['atr-bpn']);
    await ownService.delegate(coordinator, b.caseId, 'atr-bpn', { memberId: 'kanwil-bpn-jatim' });
    cases = [a.caseId, b.caseId];
    await ownEngine.runDue();
    // Wednesday 00:00 WIB: the acknowledgement's warnings, held for letter hours.
    own.set('2026-04-07T17:00:00.000Z');
    await ownEngine.runDue();
    // 07:30 WIB both acknowledge: at 08:00 the warnings no longer hold, and are cancelled.
    own.set('2026-04-08T00:30:00.000Z');
    await ownService.acknowledge(polri, a.caseId, 'polri');
    await ownService.acknowledge(jatim, b.caseId, 'atr-bpn');
    own.set('2026-04-08T01:05:00.000Z');
    await ownEngine.sweep();
    // The follow-up falls due at the end of Monday 13 April; the engine, stopped, writes each
    // reminder I only on Tuesday at 10:00 WIB, after the officers looked at 01:00.
    own.set('2026-04-14T03:00:00.000Z');
    await ownEngine.runDue();
  }, 60_000);

  const VISIT = '2026-04-13T18:00:00.000Z';
  const letterOf = async (caseId: string, step: string) =>
    (await ownService.listNotifications(centralOfficer, { caseId, limit: 100 })).items.find(
      (n) => n.step === step,
    )!;

  it('counts a letter due before the visit but written after it', async () => {
    for (const caseId of cases) {
      const late = await letterOf(caseId, 'reminder_1');
      expect([late.scheduledAt < VISIT, late.createdAt > VISIT]).toEqual([true, true]);
    }
    expect(await badge(polri, VISIT)).toBe(1);
    // A member unit: the reminder of its focal point's assignment it works.
    expect(await badge(jatim, VISIT)).toBe(1);
  });

  it('does not count a warning cancelled before it went', async () => {
    for (const caseId of cases)
      expect(await letterOf(caseId, 'warning')).toMatchObject({ status: 'cancelled' });
    // Since the morning of the forward: the reminder only (the forwarding letters came before).
    expect(await badge(polri, '2026-04-06T04:00:00.000Z')).toBe(1);
    expect(await badge(jatim, '2026-04-06T04:00:00.000Z')).toBe(1);
  });

  it('keys the letters stored before, on the upgrade of version 7, by when each was written', async () => {
    // As the release before stored them: every letter's index keys, and each share's, by the
    // date the letter fell due; a share knew nothing of its letter's cancellation.
    const items = async (caseId: string, prefix: string) =>
      (
        await ownStore.client.send(
          new QueryCommand({
            TableName: ownStore.tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
            ExpressionAttributeValues: { ':pk': keys.casePk(caseId), ':p': prefix },
          }),
        )
      ).Items ?? [];
    for (const caseId of cases) {
      const letters = new Map((await items(caseId, 'NOTIF#')).map((n) => [n.id, n]));
      for (const n of letters.values())
        await ownStore.client.send(
          new UpdateCommand({
            TableName: ownStore.tableName,
            Key: { pk: n.pk, sk: n.sk },
            UpdateExpression: 'SET gsi1sk = :k, gsi2sk = :k',
            ExpressionAttributeValues: { ':k': `${n.scheduledAt}#${n.id}` },
          }),
        );
      for (const s of await items(caseId, 'LETTERSHARE#')) {
        const n = letters.get(s.notificationId)!;
        await ownStore.client.send(
          new PutCommand({
            TableName: ownStore.tableName,
            Item: {
              pk: s.pk,
              sk: s.sk,
              entity: 'letter_share',
              gsi2pk: s.gsi2pk,
              gsi2sk: `${n.scheduledAt}#${n.id}`,
              caseId: s.caseId,
              agencyId: s.agencyId,
              memberId: s.memberId,
              notificationId: s.notificationId,
              scheduledAt: n.scheduledAt,
              bytes: s.bytes,
            },
          }),
        );
      }
    }
    await ownStore.client.send(
      new DeleteCommand({ TableName: ownStore.tableName, Key: keys.upgrade }),
    );
    await ownStore.markUpgraded(6, null, own.now());
    const { upgradeJobId } = await seedBaseline(ownStore, own.now());
    const runner = new LocalJobRunner({ store: ownStore, clock: own.now });
    await runner.resume();
    await runner.idle();
    expect(await ownStore.getJob(upgradeJobId!)).toMatchObject({ state: 'completed', failed: 0 });
    expect(await ownStore.upgradedVersion()).toBe(UPGRADE_VERSION);
    for (const reader of [polri, jatim]) {
      expect(await badge(reader, VISIT)).toBe(1);
      expect(await badge(reader, '2026-04-06T04:00:00.000Z')).toBe(1);
    }
  }, 60_000);
});
