import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

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

  it('quotes a cell with a semicolon, which splits cells where it is the separator', () => {
    expect(toCsv([['Laporan;=1+1']], ['c'])).toBe('c\n"Laporan;=1+1"\n');
  });
});
