/**
 * README "Search" › words: Indonesian affixes are stripped, so a root finds its derived forms.
 * The stemmer (Tala's algorithm) stems a peN- word and its ke-…-an form apart (`penduduk` →
 * `duduk`, `Kependudukan` → `nduduk`): the index keeps each word's stem only, so the query
 * bridges them (`variantsOf`), reading the second stem's postings partition beside the first,
 * with no change to what is stored. And a query word the stemmer leaves whole (`pers`) matches
 * as a prefix of itself only, never of what its affix-stripped remainder starts.
 */
import { type CreateCaseInput, Service } from '@pantau/core';
import type { DynamoStore } from '@pantau/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { addAgencies, centralOfficer, freshStore, manualClock } from '../support/dynamodb.ts';

let store: DynamoStore;
let service: Service;
const clock = manualClock('2026-03-16T03:00:00.000Z');
/** Newest first: the order search lists them in. */
const ids: Record<'kependudukan' | 'penduduk' | 'kependudukan2' | 'other', string> = {
  kependudukan: '',
  penduduk: '',
  kependudukan2: '',
  other: '',
};

const register = async (at: string, over: Partial<CreateCaseInput>) => {
  clock.set(at);
  const input: CreateCaseInput = {
    channel: 'letter',
    complainant: { name: 'Ayu Kesuma Permata' },
    subject: 'Pelayanan lambat',
    description: 'Berkas warga ditahan berbulan-bulan.',
    respondent: 'Pemerintah Kabupaten Badung',
    location: { province: 'Bali', regency: 'Kabupaten Badung' },
    ...over,
  };
  return (await service.createCase(centralOfficer, input)).id;
};

beforeAll(async () => {
  store = await freshStore();
  service = new Service({ store, clock: clock.now });
  await addAgencies(service, [{ id: 'pemprov-bali' }]);
  ids.other = await register('2026-03-12T03:00:00.000Z', {
    subject: 'Sertifikat sawah belum terbit',
    description: 'Sudah satu tahun menunggu di kantor pertanahan. Pendapat warga diabaikan.',
    respondent: 'Kantor Pertanahan Kabupaten Badung',
  });
  ids.kependudukan2 = await register('2026-03-13T03:00:00.000Z', {
    subject: 'Data kependudukan salah',
    description: 'Nama salah cetak di kartu keluarga.',
  });
  ids.penduduk = await register('2026-03-14T03:00:00.000Z', {
    subject: 'Penduduk desa belum menerima bantuan',
    description: 'Bantuan sosial tidak sampai ke warga.',
  });
  ids.kependudukan = await register('2026-03-15T03:00:00.000Z', {
    subject: 'Pelayanan Dinas Kependudukan lambat',
    respondent: 'Dinas Kependudukan dan Pencatatan Sipil',
  });
});

const found = async (q: string, limit = 25) =>
  (await service.search(centralOfficer, { q, limit })).items.map((h) => h.id);

describe('a peN- word and its ke-…-an form find each other (README "Search" › words)', () => {
  it('finds “penduduk” in “Kependudukan” (stems `duduk` and `nduduk`), newest first', async () => {
    expect(await found('penduduk')).toEqual([ids.kependudukan, ids.penduduk, ids.kependudukan2]);
  });

  it('finds “kependudukan” in “Penduduk”', async () => {
    expect(await found('kependudukan')).toEqual([
      ids.kependudukan,
      ids.penduduk,
      ids.kependudukan2,
    ]);
  });

  it('pages through both partitions once each, in order', async () => {
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await service.search(centralOfficer, { q: 'penduduk', limit: 1, cursor });
      pages.push(page.items.map((h) => h.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined && pages.length < 10);
    expect(pages.flat()).toEqual([ids.kependudukan, ids.penduduk, ids.kependudukan2]);
  });

  it('combines with the other words (every word must match)', async () => {
    expect(await found('penduduk bantuan')).toEqual([ids.penduduk]);
    expect(await found('pelayanan penduduk')).toEqual([ids.kependudukan]);
  });
});

it('finds a word typed in part once it stems to the start of the stored stem', async () => {
  // `pelaya` → `laya`, the start of `layan` (`Pelayanan`); `pelay`, too short to stem, meets
  // `pelayanan` as indexed unstemmed (search-partial.int.test.ts).
  expect(await found('pelaya')).toEqual([ids.kependudukan]);
});

describe('no broader than typed', () => {
  it('“pers” matches what starts with `pers`, not every word starting with `s`', async () => {
    // Every case has `sipil`, `sawah`, `sertifikat`, `salah` or `sosial`…: none has `pers…`.
    expect(await found('pers')).toEqual([]);
    expect(await found('sert')).toEqual([ids.other]);
  });

  it('“kepend” (typed in part, left whole by the stemmer) is not read as `pend…`', async () => {
    // `pendapat` starts with `pend`. `kepend` meets `kependudukan` as indexed unstemmed;
    // `kependud` its stem too (`ndud`), and, as `kependudukan` does, `penduduk` (its `pendud`,
    // what the stemmer left, meets `penduduk` indexed unstemmed).
    expect(await found('kepend')).toEqual([ids.kependudukan, ids.kependudukan2]);
    expect(await found('kependud')).toEqual([ids.kependudukan, ids.penduduk, ids.kependudukan2]);
  });
});
