import { describe, expect, it } from 'vitest';
import { parseQuery } from './query.ts';
import { fold, stem, variantsOf } from './text.ts';

describe('a query word’s variants (the stems it may meet in the index)', () => {
  it('bridge a peN- word and its ke-…-an form, which the stemmer stems apart', () => {
    // What the index holds of each form: the stemmer's own split.
    expect(['penduduk', 'kependudukan', 'pemilik', 'kepemilikan'].map(stem)).toEqual([
      'duduk',
      'nduduk',
      'pilik',
      'milik',
    ]);
    expect(variantsOf('penduduk')).toEqual(['duduk', 'nduduk']);
    expect(variantsOf('kependudukan')).toEqual(['nduduk', 'duduk']);
    expect(variantsOf('pemilik')).toEqual(['pilik', 'milik']);
    expect(variantsOf('pengurus')).toEqual(['urus', 'ngurus']);
    // Typed in part: the stemmer took ke- only; what follows `pe` is the start of `nduduk`.
    expect(variantsOf('kependud')).toEqual(['pendud', 'ndud']);
    expect(variantsOf('kependudu')).toEqual(['pendudu', 'dudu', 'ndudu']);
  });

  it('are the stem alone for other words, typed whole or in part', () => {
    for (const w of [
      'pers',
      'pelay',
      'kepen',
      'kepend',
      'pend',
      'pendud',
      'sertifikat',
      'kepolisian',
      'pelayanan',
      'tanah',
    ])
      expect(variantsOf(fold(w)), w).toEqual([stem(w)]);
  });

  it('travel with the parsed query, one list per word', () => {
    const q = parseQuery('Penduduk Badung');
    expect(q.words).toEqual(['duduk', 'badung']);
    expect(q.variants).toEqual([['duduk', 'nduduk'], ['badung']]);
  });
});
