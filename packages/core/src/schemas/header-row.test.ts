/**
 * Where a register's column titles are: below the title rows units put above them, among its
 * first 10 non-empty rows, in the first with 3 distinct texts; else its first row.
 */
import { describe, expect, it } from 'vitest';
import { csvSeparator, headerRowIndex } from './intake.ts';

describe('headerRowIndex', () => {
  it('passes over a merged title (one text repeated), a "Bulan" line and blank rows', () => {
    const title = 'BUKU AGENDA SURAT MASUK MARET 2026';
    expect(
      headerRowIndex([
        [title, title, title, title],
        ['Bulan:', 'Maret'],
        [],
        ['', ' ', ''],
        ['No', 'Tanggal', 'Perihal', 'Uraian'],
        ['1', '2', '3', '4'],
      ]),
    ).toBe(4);
  });

  it('counts titles as people read them: spacing and NFKC differences are one title', () => {
    expect(
      headerRowIndex([
        ['Judul', ' Judul ', 'Ｊｕｄｕｌ'],
        ['a', 'b', 'c'],
      ]),
    ).toBe(1);
  });

  it('looks at the first 10 non-empty rows only, and takes the first row when none has 3 titles', () => {
    const notes = (n: number) => Array.from({ length: n }, (_, i) => [`Catatan ${i}`]);
    expect(headerRowIndex([...notes(9), [], ['a', 'b', 'c']])).toBe(10);
    expect(headerRowIndex([...notes(10), ['a', 'b', 'c']])).toBe(0);
    expect(
      headerRowIndex([
        ['a', 'b'],
        ['c', 'd'],
      ]),
    ).toBe(0);
    expect(headerRowIndex([])).toBe(0);
  });

  it('reads no further than it must', () => {
    function* rows() {
      yield ['a', 'b', 'c'];
      throw new Error('read past the titles');
    }
    expect(headerRowIndex(rows())).toBe(0);
  });
});

describe('csvSeparator', () => {
  it('is decided by the first line with 2 separators, not a title line above it', () => {
    expect(csvSeparator('BUKU AGENDA, MARET\r\nNo;Tanggal;Perihal\r\n1;2,5;x')).toBe(';');
    expect(csvSeparator('Judul\nNo,Tanggal,Perihal\n')).toBe(',');
    expect(csvSeparator('Judul;;;\nNo;Tanggal;Perihal\n')).toBe(';');
    expect(csvSeparator('No;Perihal')).toBe(';');
    expect(csvSeparator('')).toBe(',');
  });
});
