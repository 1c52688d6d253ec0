import { describe, expect, it } from 'vitest';
import { counterRanges, medianOf } from './stats.ts';

describe('statistics buckets', () => {
  it('cover a period exactly with days at the ragged ends and months between', () => {
    expect(counterRanges('2026-01-01', '2026-12-31')).toEqual([{ from: '2026-01', to: '2026-12' }]);
    expect(counterRanges('2026-03-16', '2026-03-20')).toEqual([
      { from: '2026-03-16', to: '2026-03-20' },
    ]);
    expect(counterRanges('2026-02-20', '2026-03-05')).toEqual([
      { from: '2026-02-20', to: '2026-02-28' },
      { from: '2026-03-01', to: '2026-03-05' },
    ]);
    expect(counterRanges('2025-12-15', '2026-03-10')).toEqual([
      { from: '2025-12-15', to: '2025-12-31' },
      { from: '2026-01', to: '2026-02' },
      { from: '2026-03-01', to: '2026-03-10' },
    ]);
    expect(counterRanges('2024-02-01', '2024-02-29')).toEqual([{ from: '2024-02', to: '2024-02' }]);
    expect(counterRanges('2026-03-01', '2026-04-15')).toEqual([
      { from: '2026-03', to: '2026-03' },
      { from: '2026-04-01', to: '2026-04-15' },
    ]);
  });

  it('read the median of whole working days', () => {
    expect(medianOf(new Map())).toBeNull();
    expect(medianOf(new Map([[3, 1]]))).toBe(3);
    expect(
      medianOf(
        new Map([
          [1, 2],
          [5, 1],
          [9, 1],
        ]),
      ),
    ).toBe(1);
    expect(
      medianOf(
        new Map([
          [1, 1],
          [5, 1],
          [9, 1],
        ]),
      ),
    ).toBe(5);
  });
});
