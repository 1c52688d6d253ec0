/**
 * The search index's items, and what a change of a case writes to it: written in the case's
 * own transaction (so search is never stale), keyed by an HMAC of each value under the
 * deployment's search key (so no key holds an identifier or a word in clear: keys show up in
 * logs and traces where attribute values do not).
 *
 * - lookup: `setneg#LOOKUP#<hmac(kind, value)>` / `<receivedAt>#<caseId>`, with the field.
 * - posting: `setneg#WORD#<hmac(head)>` / `<receivedAt>#<caseId>`, with the case's whole token
 *   set (`w` words, `n` the complainant's name), so a query filters by its other words on
 *   the postings it reads, without reading the cases.
 */
import { createHmac } from 'node:crypto';
import {
  type CaseRecord,
  type LookupKey,
  type SearchDocument,
  searchDocumentOf,
} from '@pantau/core';
import type { TransactItem } from './dynamo-table.ts';
import type { Item } from './items.ts';
import { keys } from './keys.ts';

export class SearchKeys {
  readonly #key: string | Uint8Array;
  constructor(key: string | Uint8Array) {
    this.#key = key;
  }
  /** 132 bits of HMAC-SHA256, base64url: collisions are out of reach, keys stay short. */
  #mac(namespace: string, value: string): string {
    return createHmac('sha256', this.#key)
      .update(`${namespace}\u0000${value}`)
      .digest('base64url')
      .slice(0, 22);
  }
  lookupPk = (k: Pick<LookupKey, 'kind' | 'value'>) => keys.lookup(this.#mac(k.kind, k.value));
  postingsPk = (head: string) => keys.postings(this.#mac('word', head));
}

/** The fields the index reads: when none changed, a change writes nothing to the index. */
const indexedSource = (c: CaseRecord): string => {
  const x = c as CaseRecord & Record<'agendaNumber' | 'letter' | 'externalRef', unknown>;
  return JSON.stringify([
    c.receivedAt,
    c.subject,
    c.description,
    c.agencyDescription ?? null,
    // What the agencies read of an e-mail's text depends on them (`descriptionForAgencies`).
    c.identityHidden,
    c.channel,
    c.respondent,
    c.location,
    c.complainant,
    x.agendaNumber ?? null,
    x.letter ?? null,
    x.externalRef ?? null,
  ]);
};

const postingItem = (pk: string, c: CaseRecord, doc: SearchDocument): Item => ({
  pk,
  sk: keys.caseOrder(c.receivedAt, c.id),
  entity: 'posting',
  caseId: c.id,
  w: doc.words.join(' '),
  n: doc.names.join(' '),
});

/**
 * The writes that move the index from `before` (null: a new case) to `after`: every posting
 * of the new token set (each carries the whole set), deletes for the heads and lookups gone,
 * puts for the lookups new. At most 2 × MAX_HEADS postings and 2 × 6 lookups.
 */
export function indexWrites(
  tableName: string,
  searchKeys: SearchKeys | undefined,
  before: CaseRecord | null,
  after: CaseRecord,
): TransactItem[] {
  if (before && indexedSource(before) === indexedSource(after)) return [];
  if (!searchKeys) throw new Error('the store has no search key: it cannot write the search index');
  const next = searchDocumentOf(after);
  const prev = before ? searchDocumentOf(before) : null;
  const sk = keys.caseOrder(after.receivedAt, after.id);
  const prevSk = before ? keys.caseOrder(before.receivedAt, before.id) : sk;
  const out: TransactItem[] = [];
  const del = (pk: string) =>
    out.push({ Delete: { TableName: tableName, Key: { pk, sk: prevSk } } });
  const put = (item: Item) => out.push({ Put: { TableName: tableName, Item: item } });

  const sameTokens =
    prev !== null &&
    prevSk === sk &&
    prev.words.join(' ') === next.words.join(' ') &&
    prev.names.join(' ') === next.names.join(' ');
  if (!sameTokens) {
    const heads = new Set(next.heads.map(searchKeys.postingsPk));
    for (const pk of heads) put(postingItem(pk, after, next));
    for (const pk of new Set((prev?.heads ?? []).map(searchKeys.postingsPk)))
      if (!heads.has(pk) || prevSk !== sk) del(pk);
  }

  // Two fields with one value (an agenda number equal to the letter's) share one lookup item.
  const lookups = (doc: SearchDocument | null) =>
    new Map((doc?.lookups ?? []).map((k) => [searchKeys.lookupPk(k), k] as const).reverse());
  const now = lookups(next);
  const was = lookups(prev);
  for (const [pk, k] of now)
    if (!was.has(pk) || prevSk !== sk)
      put({
        pk,
        sk,
        entity: 'lookup',
        caseId: after.id,
        field: k.field,
        receivedAt: after.receivedAt,
      });
  for (const pk of was.keys()) if (!now.has(pk) || prevSk !== sk) del(pk);
  return out;
}
