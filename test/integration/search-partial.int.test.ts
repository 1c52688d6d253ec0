/**
 * A word typed in part past an affix the stemmer strips (`pelay` for "pelayanan", `kepend` for
 * "kependudukan", `perusa` for "perusahaan") and a name the stemmer cuts like an affixed word
 * (`Pecat` for "Pecatu") find the case. The index held only stems (`pelayanan` → `layan`,
 * `Pecatu` → `catu`) filed under their first four letters, while what is typed stems to itself
 * (`pelay`, `pecat`: too short for the stemmer) or to a stem of three letters, matched whole
 * (`perusa` → `usa`): neither reached the stored stem's partition, and each found nothing. Now
 * the index also holds each word the stemmer changed as it is written (`searchDocumentOf`),
 * and a word stemmed that short also tries itself (`variantsOf`). README "Search"; the upgrade
 * job (version 5) re-indexes the cases an older release indexed.
 */
import { type Service as ServiceType, Service, stem, UPGRADE_VERSION, words } from '@pantau/core';
import { LocalJobRunner } from '@pantau/local';
import { DynamoStore, keys, SearchKeys, seedBaseline } from '@pantau/store';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { centralOfficer, freshStore, manualClock } from '../support/dynamodb.ts';

const COMPLAINT = {
  channel: 'letter' as const,
  complainant: { name: 'Ayu Kesuma Pecatu' },
  subject: 'Pelayanan kependudukan lambat',
  respondent: 'Perusahaan Daerah Air Minum',
  description: 'Berkas ditolak tanpa alasan.',
};
/** Typed in part before the stem's fourth letter: what found nothing. */
const IN_PART = ['pelay', 'kepend', 'perusa', 'Pecat', 'Kesum'];

const idsFor = (service: ServiceType) => async (q: string) =>
  (await service.search(centralOfficer, { q, limit: 25 })).items.map((h) => h.id);

describe('a word typed in part past an affix', () => {
  let ids: (q: string) => Promise<string[]>;
  let id: string;

  beforeAll(async () => {
    const store = await freshStore();
    const service = new Service({ store, clock: manualClock('2026-03-16T03:00:00.000Z').now });
    ids = idsFor(service);
    id = (await service.createCase(centralOfficer, COMPLAINT)).id;
  });

  it('control: typed about four letters past the affix, or whole, each finds the case', async () => {
    for (const q of ['pelaya', 'kependud', 'perusah', 'Pecatu', 'catu', 'Kesuma'])
      expect(await ids(q), q).toEqual([id]);
  });

  it('typed in part before that, each finds the case too', async () => {
    // Soft: each query's miss is reported, not only the first.
    for (const q of IN_PART) expect.soft(await ids(q), q).toEqual([id]);
  });

  it('a word typed in part still matches from its start, not from within', async () => {
    // `layan` is `pelayanan`'s stem (found), `yanan` the middle of no word (not found).
    for (const q of ['layan', 'pelay pecat', 'pelay lambat']) expect(await ids(q), q).toEqual([id]);
    for (const q of ['yanan', 'pelay bandung', 'perusb']) expect(await ids(q), q).toEqual([]);
  });
});

describe('a case an older release indexed (stems only), after the upgrade job', () => {
  // A search key of our own, to write the postings as that release did under their HMAC keys.
  const KEY = 'search-partial-test';
  const clock = manualClock('2026-03-16T03:00:00.000Z');
  let store: DynamoStore;
  let service: ServiceType;

  beforeAll(async () => {
    const client = new DynamoDBClient({
      endpoint: inject('dynamoDbEndpoint'),
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const base = await freshStore({ client });
    store = new DynamoStore({ client, tableName: base.tableName, searchKey: KEY });
    service = new Service({ store, clock: clock.now });
  });

  /** The case's postings in the table. */
  const postingsOf = async (caseId: string, receivedAt: string) =>
    (
      await store.client.send(
        new ScanCommand({
          TableName: store.tableName,
          FilterExpression: 'sk = :sk AND begins_with(pk, :w)',
          ExpressionAttributeValues: { ':sk': `${receivedAt}#${caseId}`, ':w': 'setneg#WORD#' },
        }),
      )
    ).Items ?? [];

  /**
   * Its postings as the release before this one wrote them (UPGRADE_VERSION 4): each word's
   * stem only, one posting per stem's head, each carrying the stems (`w`) and the name's (`n`).
   */
  async function indexedStemsOnly(caseId: string, receivedAt: string): Promise<void> {
    for (const item of await postingsOf(caseId, receivedAt))
      await store.client.send(
        new DeleteCommand({ TableName: store.tableName, Key: { pk: item.pk, sk: item.sk } }),
      );
    const stems = (...texts: string[]) => [...new Set(words(texts.join(' ')).map(stem))];
    const w = stems(COMPLAINT.subject, COMPLAINT.respondent, COMPLAINT.description);
    const n = stems(COMPLAINT.complainant.name);
    const searchKeys = new SearchKeys(KEY);
    for (const head of new Set([...w, ...n].map((t) => t.slice(0, 4))))
      await store.client.send(
        new PutCommand({
          TableName: store.tableName,
          Item: {
            pk: searchKeys.postingsPk(head),
            sk: `${receivedAt}#${caseId}`,
            entity: 'posting',
            caseId,
            w: w.join(' '),
            n: n.join(' '),
          },
        }),
      );
  }

  const dropMarker = () =>
    store.client.send(new DeleteCommand({ TableName: store.tableName, Key: keys.upgrade }));

  /** The deploy's or the embedded start's: the seed, then the runner resumes what it recorded. */
  async function start(): Promise<string | null> {
    const { upgradeJobId } = await seedBaseline(store, clock.now());
    const runner = new LocalJobRunner({ store, clock: clock.now });
    await runner.resume();
    await runner.idle();
    return upgradeJobId;
  }

  it('is found by a word typed in part once re-indexed, and a second run writes nothing', async () => {
    const ids = idsFor(service);
    const created = await service.createCase(centralOfficer, COMPLAINT);
    const indexedNow = (await postingsOf(created.id, created.receivedAt)).length;
    await indexedStemsOnly(created.id, created.receivedAt);
    // The release before this one completed its upgrade, version 4 (the marker it left, where
    // a fresh table's seed marked this release's): this one's must be newer to re-index.
    await dropMarker();
    await store.markUpgraded(4, null, clock.now());
    const before = await postingsOf(created.id, created.receivedAt);
    expect(before.length).toBeLessThan(indexedNow);
    for (const q of IN_PART) expect(await ids(q), q).toEqual([]);
    expect(await ids('pelaya')).toEqual([created.id]);

    const jobId = await start();
    expect(jobId).not.toBeNull();
    expect(await store.getJob(jobId!)).toMatchObject({
      state: 'completed',
      done: 1,
      failed: 0,
      moved: 1,
    });
    expect(await store.upgradedVersion()).toBe(UPGRADE_VERSION);
    for (const q of IN_PART) expect.soft(await ids(q), q).toEqual([created.id]);
    // Stems first: every head the older release wrote is still the case's (rewritten, none
    // left stale), and the unstemmed words' heads are added beside them.
    const after = await postingsOf(created.id, created.receivedAt);
    expect(after.length).toBe(indexedNow);
    expect(after.map((i) => i.pk)).toEqual(expect.arrayContaining(before.map((i) => i.pk)));

    // Run again (a marker lost): every case read, no posting written.
    await dropMarker();
    const again = await start();
    expect(again).not.toBe(jobId);
    expect(await store.getJob(again!)).toMatchObject({ state: 'completed', done: 1, moved: 0 });
    expect(await store.reindexCase((await store.getCase(created.id))!.case)).toBe(0);
  }, 60_000);
});
