import { describe, expect, it } from 'vitest';
import { toCsv as withBom } from './csv.ts';

/** The document after its byte order mark, which every one starts with (its own test below). */
const toCsv = (rows: unknown[][], columns: string[]) => {
  const csv = withBom(rows, columns);
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return csv.slice(1);
};

describe('CSV for spreadsheets', () => {
  it.each([
    ['=1+1', `'=1+1`],
    ['+1', `'+1`],
    ['-1+1', `'-1+1`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `"'\r=1+1"`],
    ['\uFF1D1+1', `'\uFF1D1+1`],
  ])('a cell starting like a formula (%j) is text: %j', (value, cell) => {
    expect(toCsv([[value]], ['c'])).toBe(`c\n${cell}\n`);
  });

  it('leaves numbers, words, booleans and empty cells as they were', () => {
    expect(toCsv([[-3, 'polri', true, '', 'a=b']], ['n', 's', 'b', 'e', 'x'])).toBe(
      'n,s,b,e,x\n-3,polri,true,,a=b\n',
    );
  });

  it('starts with UTF-8’s byte order mark, once, so Excel reads the names’ dashes and accents', () => {
    const csv = withBom([['Kementerian Sekretariat Negara — Asisten Deputi']], ['Instansi']);
    expect([...csv.slice(0, 2)]).toEqual(['\uFEFF', 'I']);
  });

  it('quotes a cell with a semicolon, which splits cells where it is the separator', () => {
    expect(toCsv([['Laporan;=1+1']], ['c'])).toBe('c\n"Laporan;=1+1"\n');
  });
});

describe('a sheet’s typed cells in a CSV', () => {
  it('writes a rate with its two decimals and a time as `YYYY-MM-DD HH:mm`, as the workbook shows them', () => {
    const rows = [
      [
        { decimal: 66.67, places: 2 },
        { decimal: 90, places: 2 },
        { localTime: '2026-03-16 00:30' },
      ],
    ];
    expect(toCsv(rows, ['a', 'b', 'c'])).toBe('a,b,c\n66.67,90.00,2026-03-16 00:30\n');
  });
});
