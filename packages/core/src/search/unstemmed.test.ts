/**
 * Words indexed unstemmed beside their stems (`searchDocumentOf`'s second pass), and a query
 * word stemmed too short to read as a prefix trying itself (`variantsOf`): what lets `pelay`,
 * `kepend`, `perusa` and `Pecat` find `pelayanan`, `kependudukan`, `perusahaan` and `Pecatu`
 * (test/integration/search-partial.int.test.ts reads them through the store).
 */
import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../case.ts';
import { descriptionForAgencies } from '../case-view.ts';
import { MAX_HEADS, MAX_TOKEN_BYTES, searchDocumentOf } from './document.ts';
import { holdsAll, parseQuery } from './query.ts';
import { headOf, stem, variantsOf, words } from './text.ts';

const aCase = (fields: Partial<CaseRecord> = {}): CaseRecord =>
  ({
    id: '01J00000000000000000000000',
    trackingCode: 'ABCD1234EFGH5',
    channel: 'letter',
    status: 'received',
    receivedAt: '2026-03-16T03:00:00.000Z',
    complainant: { name: 'Wayan Pecatu' },
    subject: 'Pelayanan kependudukan lambat',
    respondent: 'Perusahaan Daerah Air Minum',
    location: null,
    description: 'Berkas ditolak tanpa alasan.',
    agencyIds: [],
    ...fields,
  }) as unknown as CaseRecord;

/**
 * The tokens the release before this one indexed (stems only, under the same bounds): what
 * the first pass must still give, so that a re-indexed case keeps every head it had.
 */
function stemsOnly(c: CaseRecord): string[] {
  const heads = new Set<string>();
  const taken = new Set<string>();
  let bytes = 0;
  const read = descriptionForAgencies(c);
  const texts = [
    c.subject,
    c.respondent,
    [c.location?.regency, c.location?.province].filter(Boolean).join(' '),
    c.complainant?.name,
    read,
    ...(read !== c.description ? [c.description] : []),
  ];
  for (const text of texts)
    for (const token of words(text ?? '').map(stem)) {
      if (taken.has(token)) continue;
      if (!heads.has(headOf(token)) && heads.size >= MAX_HEADS) continue;
      const size = Buffer.byteLength(token) + 1;
      if (bytes + size > MAX_TOKEN_BYTES) break;
      heads.add(headOf(token));
      taken.add(token);
      bytes += size;
    }
  return [...taken];
}

describe('a case’s document', () => {
  it('holds each word the stemmer changed as it is written, after every stem', () => {
    const doc = searchDocumentOf(aCase());
    expect(doc.words).toEqual([
      ...['layan', 'nduduk', 'lambat', 'usaha', 'daerah', 'air', 'minum', 'berkas', 'tolak'],
      ...['alas', 'pelayanan', 'kependudukan', 'perusahaan', 'ditolak', 'alasan'],
    ]);
    // The name stays central's, unstemmed as well.
    expect(doc.names).toEqual(['wayan', 'catu', 'pecatu']);
    expect(doc.heads).toEqual(expect.arrayContaining(['pela', 'kepe', 'peru', 'peca']));
  });

  it('never loses a stem to a word unstemmed: past the bounds, the stems the older rules kept', () => {
    // Affixed words enough to pass 40 heads.
    const long = [
      'Kami sudah berkali-kali mendatangi kantor pelayanan dan menyampaikan keluhan kepada',
      'petugas, namun tidak ada tanggapan yang memuaskan. Permasalahan ini mengakibatkan',
      'kerugian bagi keluarga kami dan masyarakat sekitar, terutama para petani yang',
      'menggantungkan penghidupan pada lahan tersebut. Kami memohon perhatian dan penyelesaian',
      'dari pemerintah pusat agar kejadian serupa tidak terulang. Pengukuran ulang bidang tanah',
      'tidak pernah dilakukan walaupun biaya pengukuran sudah dibayar lunas. Petugas meminta',
      'uang pelicin agar KTP elektronik dapat dicetak lebih cepat, padahal layanan ini gratis.',
    ].join(' ');
    for (const c of [aCase({ description: long }), aCase({ subject: long })]) {
      const doc = searchDocumentOf(c);
      const tokens = [...doc.words, ...doc.names];
      expect(tokens).toEqual(expect.arrayContaining(stemsOnly(c)));
      expect(tokens.length).toBeGreaterThan(stemsOnly(c).length);
      expect(doc.heads.length).toBeLessThanOrEqual(MAX_HEADS);
      expect(Buffer.byteLength(tokens.join(' '))).toBeLessThanOrEqual(MAX_TOKEN_BYTES);
    }
  });
});

describe('a word typed in part (as the index reads a case: `holdsAll`)', () => {
  it('finds the word it starts, past an affix or in a name the stemmer cuts, never from within', () => {
    const c = aCase({ complainant: { name: 'Ayu Kesuma Permata' } } as Partial<CaseRecord>);
    for (const q of ['pelay', 'kepend', 'perusa', 'Kesum', 'Permat', 'Permata', 'suma'])
      expect(holdsAll(c, parseQuery(q)), q).toBe(true);
    for (const q of ['yanan', 'pelayx', 'Pecat']) expect(holdsAll(c, parseQuery(q)), q).toBe(false);
  });
});

describe('a query word stemmed to fewer than four letters', () => {
  it('tries itself when the stemmer took a prefix alone (typed in part)', () => {
    expect(variantsOf('perusa')).toEqual(['usa', 'perusa']);
    expect(variantsOf('pengadu')).toContain('pengadu');
    expect(parseQuery('perusa').variants).toEqual([['usa', 'perusa']]);
  });

  it('does not when it took a suffix too (typed whole): its head would be a large partition', () => {
    expect(stem('pengaduan')).toBe('adu');
    expect(variantsOf('pengaduan')).not.toContain('pengaduan');
    expect(variantsOf('penipuan')).not.toContain('penipuan');
    // Nor a word whose stem reads as a prefix already, or that the stemmer leaves whole.
    expect(variantsOf('pelayanan')).toEqual(['layan']);
    expect(variantsOf('pelay')).toEqual(['pelay']);
  });
});
