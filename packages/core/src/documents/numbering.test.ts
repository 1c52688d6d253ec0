import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENDA_PATTERN, formatNumber, patternProblem, sequenceName } from './numbering.ts';

describe('numbers from a pattern', () => {
  it('formats the default agenda number with the month in Roman numerals', () => {
    expect(formatNumber(DEFAULT_AGENDA_PATTERN, 17, '2026-03-16')).toBe('17/DUMAS/III/2026');
    expect(formatNumber(DEFAULT_AGENDA_PATTERN, 1, '2026-12-01')).toBe('1/DUMAS/XII/2026');
  });

  it('knows {month} as two digits', () => {
    expect(formatNumber('B-{seq}/{month}/{year}', 5, '2026-09-30')).toBe('B-5/09/2026');
  });

  it('refuses a pattern without {seq} or with an unknown placeholder', () => {
    expect(patternProblem('DUMAS/{year}')).toMatch(/\{seq\}/);
    expect(patternProblem('{seq}/{day}')).toMatch(/\{day\}/);
    expect(patternProblem(DEFAULT_AGENDA_PATTERN)).toBeNull();
    expect(() => formatNumber('{year}', 1, '2026-01-01')).toThrow(/seq/);
  });

  it('names one sequence per kind and year', () => {
    expect(sequenceName('agenda', '2026-03-16')).toBe('agenda#2026');
    expect(sequenceName('letter', '2027-01-01')).toBe('letter#2027');
  });
});
