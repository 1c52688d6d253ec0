/**
 * The use cases split a change that would pass DynamoDB's 100 items per transaction, and count
 * the search index's writes to do so (`indexWriteCount`, core): that count is the store's.
 */
import { type CaseRecord, indexWriteCount, MAX_HEADS } from '@pantau/core';
import { describe, expect, it } from 'vitest';
import { indexWrites, SearchKeys } from './search-index.ts';

const aCase = (over: Partial<CaseRecord> = {}): CaseRecord =>
  ({
    id: '01KCASE',
    receivedAt: '2026-03-16T03:00:00.000Z',
    channel: 'email',
    identityHidden: false,
    subject: 'Sertifikat tanah tidak kunjung terbit',
    description: 'Permohonan pendaftaran tanah di Kantor Pertanahan diajukan sejak 2024.',
    respondent: 'Kantor Pertanahan Kota Surabaya',
    location: { province: 'Jawa Timur', regency: 'Kota Surabaya' },
    complainant: { name: 'Siti Aminah', phone: '0812-3456-7890', email: 'siti@example.id' },
    ...over,
  }) as CaseRecord;

/** `n` words of distinct heads from `from` on (numbers are indexed as they are). */
const numbered = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => String(from + i)).join(' ');

const base = aCase();
/** An e-mail of a subject and a signature, its text 45 heads: the index holds 40. */
const mail = aCase({
  subject: 'Kuitansi',
  respondent: null,
  location: null,
  complainant: { name: 'Dewi' },
  description: numbered(1000, 45),
} as Partial<CaseRecord>);
/** Its identity hidden, its text restated in words none of the mail's. */
const restated: CaseRecord = {
  ...mail,
  identityHidden: true,
  agencyDescription: numbered(2000, 45),
};
const changes: [string, CaseRecord | null, CaseRecord][] = [
  ['a new case', null, base],
  ['no indexed field changed', base, { ...base, version: 2 } as CaseRecord],
  ['the subject restated', base, aCase({ subject: 'Sertifikat belum terbit' })],
  ['a hidden e-mail restated in words none of its own', mail, restated],
  [
    'an identifier changed',
    base,
    aCase({ complainant: { name: 'Siti Aminah', phone: '0813-1111-2222' } }),
  ],
  [
    'an agenda number equal to the letter number (one lookup item)',
    base,
    { ...base, agendaNumber: 'B-12/2026', letter: { number: 'b-12/2026' } } as CaseRecord,
  ],
  ['its place in the index moved', base, aCase({ receivedAt: '2026-03-15T03:00:00.000Z' })],
];

describe('the search index’s writes, as the use cases count them', () => {
  const searchKeys = new SearchKeys('search-key');
  it.each(changes)('%s', (_, before, after) => {
    expect(indexWriteCount(before, after)).toBe(indexWrites('t', searchKeys, before, after).length);
  });

  it('moves every posting of a restatement but the subject’s and the name’s', () => {
    // 40 postings written, 38 deleted: up to 2 × MAX_HEADS on top of the case and its event.
    expect(indexWriteCount(mail, restated)).toBe(2 * MAX_HEADS - 2);
  });
});
