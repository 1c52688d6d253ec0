/**
 * `parseQuery` on a NIK, phone or e-mail typed beside words: the identifiers become lookups a
 * case must hold together with the words; what it takes as one is only what the GET refuses.
 */
import { describe, expect, it } from 'vitest';
import { holdsIdentifier, parseQuery } from './query.ts';

describe('identity beside words', () => {
  it('reads the phone in any usual form, the NIK and the e-mail as lookups, the rest as words', () => {
    for (const q of [
      'Siti Aminah 0812-3456-7890',
      'Siti Aminah +62 812 3456 7890',
      'HP: (0812) 3456-7890 Siti Aminah.',
    ]) {
      const parsed = parseQuery(q);
      expect(parsed, q).toMatchObject({
        together: true,
        identifierOnly: true,
        lookups: [{ kind: 'phone', value: '+6281234567890' }],
        words: ['siti', 'aminah'],
      });
    }
    expect(parseQuery('NIK 3201 2345 6789 0123 budi, budi@gmail.com')).toMatchObject({
      lookups: [
        { kind: 'email', value: 'budi@gmail.com' },
        { kind: 'nik', value: '3201234567890123' },
      ],
      words: ['budi'],
    });
  });

  it('leaves dates, amounts, short numbers and document numbers to the words, as before', () => {
    for (const q of [
      'banjir 12-03-2026',
      'ganti rugi 15.000.000',
      'RT 05 RW 12 jalan',
      'LAP-2026-00417 lahan',
      'B-08123456789/DUMAS lahan',
      'tanah 2025-2026',
    ])
      expect(parseQuery(q).together, q).toBe(false);
  });

  it('takes as identity only what the GET refuses', () => {
    for (const q of ['Siti 0812-3456-7890', 'budi@gmail.com jalan', 'NIK 3201234567890123 jalan'])
      expect(holdsIdentifier(q) && parseQuery(q).together, q).toBe(true);
  });
});
