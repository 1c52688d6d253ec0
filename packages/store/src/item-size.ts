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

/**
 * Refuses an item past the limit: `limit_exceeded`, naming the entity, its size and the limit.
 * Its size otherwise.
 */
export function assertItemFits(item: Record<string, unknown>): number {
  const size = itemSize(item);
  if (size <= MAX_ITEM_BYTES) return size;
  const what = typeof item.entity === 'string' ? item.entity.replace(/_/g, ' ') : 'record';
  throw limitExceeded(
    `this change would make the ${what} ${kb(size)} KB, past DynamoDB's limit of 400 KB per ` +
      'item: nothing was written',
  );
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** DynamoDB's limit on one TransactWriteItems: 4 MB of its items together (tried on Local too). */
export const MAX_TRANSACTION_BYTES = 4 * 1024 * 1024;

/** One write of a transaction, as far as its size goes. */
interface SizedWrite {
  readonly Put?: { readonly Item?: Record<string, unknown> };
  readonly Update?: Keyed;
  readonly Delete?: Keyed;
  readonly ConditionCheck?: Keyed;
}
interface Keyed {
  readonly Key?: Record<string, unknown>;
  readonly ExpressionAttributeValues?: Record<string, unknown>;
}

/**
 * The bytes a transaction sends: each put's item, each other write's key and values (DynamoDB
 * counts the items; a counter's update or a check is a few hundred bytes, its own item aside).
 */
function transactionSize(
  writes: readonly SizedWrite[],
  measure: (item: Record<string, unknown>) => number = itemSize,
): number {
  return writes.reduce((sum, w) => {
    if (w.Put?.Item) return sum + measure(w.Put.Item);
    const keyed = w.Update ?? w.Delete ?? w.ConditionCheck;
    return sum + itemSize(keyed?.Key ?? {}) + itemSize(keyed?.ExpressionAttributeValues ?? {});
  }, 0);
}

/**
 * Refuses a transaction with an item past 400 KB (`assertItemFits`), or past 4 MB together
 * (eleven items near their largest): `limit_exceeded` before it is sent, instead of DynamoDB's
 * own refusal as a 500. Each item is measured once, on the write path of every change.
 */
export function assertTransactionFits(writes: readonly SizedWrite[]): void {
  const size = transactionSize(writes, assertItemFits);
  if (size <= MAX_TRANSACTION_BYTES) return;
  throw limitExceeded(
    `this change writes ${Math.round(size / 1024).toLocaleString('en-US')} KB together, past ` +
      "DynamoDB's 4 MB per transaction: nothing was written",
  );
}
