import { describe, expect, it } from 'vitest';
import { SettingsCache } from './settings-cache.ts';

describe('SettingsCache', () => {
  const counting = () => {
    let reads = 0;
    let value: string | undefined = 'v1';
    return {
      load: async () => {
        reads += 1;
        return value;
      },
      set: (v: string | undefined) => {
        value = v;
      },
      reads: () => reads,
    };
  };

  it('answers from memory within the TTL and reads again after it', async () => {
    let now = 0;
    const cache = new SettingsCache(5_000, () => now);
    const source = counting();
    expect(await cache.get('k', source.load)).toBe('v1');
    source.set('v2');
    now = 4_999;
    expect(await cache.get('k', source.load)).toBe('v1');
    now = 5_000;
    expect(await cache.get('k', source.load)).toBe('v2');
    expect(source.reads()).toBe(2);
  });

  it('reads again at once after clear (an edit of this process)', async () => {
    const cache = new SettingsCache(60_000, () => 0);
    const source = counting();
    await cache.get('k', source.load);
    source.set('v2');
    cache.clear();
    expect(await cache.get('k', source.load)).toBe('v2');
  });

  it('shares one read among concurrent callers', async () => {
    const cache = new SettingsCache(60_000, () => 0);
    const source = counting();
    await Promise.all([cache.get('k', source.load), cache.get('k', source.load)]);
    expect(source.reads()).toBe(1);
  });

  it('keeps an absent record within the TTL, never a failed read', async () => {
    // Most deployments have no document settings: every registration read them again.
    let now = 0;
    const cache = new SettingsCache(5_000, () => now);
    const source = counting();
    source.set(undefined);
    expect(await cache.get('k', source.load)).toBeUndefined();
    await Promise.resolve();
    source.set('v1');
    expect(await cache.get('k', source.load)).toBeUndefined();
    expect(source.reads()).toBe(1);
    now = 5_000;
    expect(await cache.get('k', source.load)).toBe('v1');
    await expect(cache.get('x', () => Promise.reject(new Error('throttled')))).rejects.toThrow();
    await Promise.resolve();
    expect(await cache.get('x', source.load)).toBe('v1');
  });

  it('is off with a TTL of 0', async () => {
    const cache = new SettingsCache(0, () => 0);
    const source = counting();
    await cache.get('k', source.load);
    await cache.get('k', source.load);
    expect(source.reads()).toBe(2);
  });
});
