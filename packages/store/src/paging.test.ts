import { describe, expect, it } from 'vitest';
import { PAGE_BYTES, responseBytes, withinPageBytes } from './paging.ts';

/** What Lambda's envelope really holds for `value` as a JSON body: a JSON string of its JSON. */
const envelope = (value: unknown) => Buffer.byteLength(JSON.stringify(JSON.stringify(value))) - 2;

describe('a page’s bytes as a response carries them', () => {
  it('counts what the envelope holds: quotes and backslashes twice escaped, control characters, non-Latin text', () => {
    for (const value of [
      { subject: 'Pungli "parkir" di C:\\kantor', n: 3, ok: true },
      { description: '"'.repeat(1_000) },
      { description: '\u0001\u0007\t\n\r\u001f'.repeat(100) },
      { description: 'ꦥꦔꦢꦸꦮꦤ꧀ é 🙂 “kutip”'.repeat(50) },
      ['a', null, 1.5, { nested: ['"'] }],
    ])
      expect(responseBytes(value)).toBe(envelope(value));
  });

  it('keeps the first items up to the page’s bytes, and always the first', () => {
    const big = { description: '"'.repeat(20_000) }; // 80,006 bytes in the envelope
    const items = Array.from({ length: 100 }, () => big);
    const kept = withinPageBytes(items, (x) => x);
    expect(kept.length).toBe(Math.floor(PAGE_BYTES / responseBytes(big)));
    expect(kept.length * responseBytes(big)).toBeLessThanOrEqual(PAGE_BYTES);
    const huge = { description: 'x'.repeat(PAGE_BYTES) };
    expect(withinPageBytes([huge, huge], (x) => x)).toHaveLength(1);
    expect(withinPageBytes(items.slice(0, 3), (x) => x)).toHaveLength(3);
  });
});
