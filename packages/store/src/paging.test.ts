import { randomBytes } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it, vi } from 'vitest';
import { encodeCursor, PAGE_BYTES, responseBytes, withinPageBytes } from './paging.ts';

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

describe('a cursor too long to keep', () => {
  it('is refused past 400 KB deflated (limit_exceeded), before anything is written', async () => {
    // 200 streams' positions of four 1,024-byte key values, as random as deflating gets them.
    const value = () => randomBytes(768).toString('base64url');
    const positions = Array.from({ length: 200 }, () => ({
      pk: value(),
      sk: value(),
      gsi1pk: value(),
      gsi1sk: value(),
    }));
    const send = vi.fn();
    const client = { send } as unknown as DynamoDBDocumentClient;
    await expect(encodeCursor(client, 'table', positions)).rejects.toMatchObject({
      code: 'limit_exceeded',
      message: expect.stringContaining('merges 200 queues'),
    });
    expect(send).not.toHaveBeenCalled();
  });
});
