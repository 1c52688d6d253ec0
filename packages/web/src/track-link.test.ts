/** The tracking page's URL: the code in the fragment, never in the path or the query. */
import { describe, expect, it } from 'vitest';
import {
  codeFromFragment,
  fragmentUrlFor,
  moveTrackingCodeToFragment,
  trackingUrl,
} from './track-link';

describe('the tracking code in the URL', () => {
  it('is read from the fragment, as typed', () => {
    expect(codeFromFragment('#7QX2-M9KD-4HZ8R')).toBe('7QX2-M9KD-4HZ8R');
    expect(codeFromFragment('#7qx2%20m9kd%204hz8r')).toBe('7qx2 m9kd 4hz8r');
    expect(codeFromFragment('')).toBe('');
    expect(codeFromFragment('#%E0%A4%A')).toBe('%E0%A4%A'); // not URI-encoded: as it is
  });

  it('is written into the fragment only', () => {
    expect(trackingUrl('7QX2-M9KD-4HZ8R')).toBe('/track#7QX2-M9KD-4HZ8R');
    expect(trackingUrl('')).toBe('/track');
  });

  it('moves from an old link’s path into the fragment', () => {
    expect(fragmentUrlFor('/track/7QX2-M9KD-4HZ8R')).toBe('/track#7QX2-M9KD-4HZ8R');
    expect(fragmentUrlFor('/track/7qx2%20m9kd%204hz8r/')).toBe('/track#7qx2%20m9kd%204hz8r');
    expect(fragmentUrlFor('/track/')).toBe('/track');
    for (const other of ['/track', '/tracking/X', '/cases/01ABC', '/'])
      expect(fragmentUrlFor(other), other).toBeUndefined();
  });

  it('is moved with history.replaceState, keeping the history state', () => {
    const calls: unknown[][] = [];
    const hist = { state: { idx: 3 }, replaceState: (...args: unknown[]) => calls.push(args) };
    moveTrackingCodeToFragment({ pathname: '/track/7QX2-M9KD-4HZ8R' }, hist);
    expect(calls).toEqual([[{ idx: 3 }, '', '/track#7QX2-M9KD-4HZ8R']]);
    moveTrackingCodeToFragment({ pathname: '/track' }, hist);
    expect(calls).toHaveLength(1);
  });
});
