/**
 * The size DynamoDB counts for an item, by the rules it publishes ("Item sizes and formats"),
 * measured on the values the document client marshals:
 *
 * - an attribute: the UTF-8 bytes of its name plus its value's size;
 * - a string: its UTF-8 bytes; a binary: its bytes; a boolean or null: 1 byte;
 * - a number: 1 byte per two significant digits, plus 1 (at most 21);
 * - a list or map: 3 bytes, plus 1 byte per element and each element's size (a map's element
 *   counts its key's bytes too); a set: the sum of its elements.
 *
 * The store refuses a write this measures at more than `MAX_ITEM_BYTES` before it reaches
 * DynamoDB, so that an item which would pass the limit is a clear 4xx and writes nothing.
 */
import { limitExceeded } from '@pantau/core';

/** DynamoDB's item limit: 400 KB, attribute names included. */
export const MAX_ITEM_BYTES = 400 * 1024;

const utf8 = (s: string): number => Buffer.byteLength(s, 'utf8');

function numberSize(n: number | bigint): number {
  const digits = String(n)
    .replace(/^-/, '')
    .replace(/e.*$/i, '')
    .replace('.', '')
    .replace(/^0+/, '')
    .replace(/0+$/, '');
  return Math.min(21, Math.ceil(Math.max(digits.length, 1) / 2) + 1);
}

function valueSize(value: unknown): number {
  if (value === null || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return utf8(value);
  if (typeof value === 'number' || typeof value === 'bigint') return numberSize(value);
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Set)
    return [...(value as Set<unknown>)].reduce<number>((s, v) => s + valueSize(v), 0);
  if (Array.isArray(value)) {
    return value
      .filter((v) => v !== undefined)
      .reduce<number>((sum, v) => sum + 1 + valueSize(v), 3);
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .reduce((sum, [k, v]) => sum + 1 + utf8(k) + valueSize(v), 3);
  }
  return 0;
}

/** The bytes DynamoDB counts for this item (undefined attributes are not stored). */
export function itemSize(item: Record<string, unknown>): number {
  return Object.entries(item)
    .filter(([, v]) => v !== undefined)
    .reduce((sum, [name, v]) => sum + utf8(name) + valueSize(v), 0);
}

/** Refuses an item past the limit: `limit_exceeded`, naming the entity, its size and the limit. */
export function assertItemFits(item: Record<string, unknown>): void {
  const size = itemSize(item);
  if (size <= MAX_ITEM_BYTES) return;
  const what = typeof item.entity === 'string' ? item.entity.replace(/_/g, ' ') : 'record';
  throw limitExceeded(
    `this change would make the ${what} ${kb(size)} KB, past DynamoDB's limit of 400 KB per ` +
      'item: nothing was written',
  );
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
