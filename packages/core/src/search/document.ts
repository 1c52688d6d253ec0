/**
 * What the search index holds of a case: its lookup keys (identifiers, normalised) and its
 * tokens (words, stemmed, and as written when the stemmer changed them). The store writes both
 * in the same transaction as the case, keyed by an HMAC of each value, and diffs a case's
 * document before and after a change, so an edit rewrites only what moved and a change that
 * touches no indexed field costs nothing.
 */
import type { CaseRecord } from '../case.ts';
import { DESCRIPTION_WITHHELD, descriptionForAgencies } from '../case-view.ts';
import { headOf, stem, words } from './text.ts';
import { normalizeEmail, normalizeNik, normalizePhone, normalizeReference } from './normalize.ts';

/** The identifier a lookup matched, as the API names it (`matchedBy`). */
export const LOOKUP_FIELDS = [
  'trackingCode',
  'agendaNumber',
  'letterNumber',
  'externalRef',
  'idNumber',
  'phone',
  'email',
] as const;
export type LookupField = (typeof LOOKUP_FIELDS)[number];

/**
 * The namespace a value is hashed in. Document numbers share one (`ref`): whoever types
 * `B-12/DUMAS/2026` does not say whether it is an agenda or a letter number, and one read
 * answers both; the lookup item says which field it came from.
 */
export type LookupKind = 'ref' | 'nik' | 'phone' | 'email';

export interface LookupKey {
  readonly kind: LookupKind;
  readonly field: LookupField;
  /** The normalised value (hashed by the store: never a key in clear). */
  readonly value: string;
}

/**
 * Fields of a case that other parts of issue 15/16 add (agenda number, incoming letter,
 * external reference). Read through this view so that the lookups below work as soon as the
 * fields exist, and are simply absent until then.
 */
interface IdentifiedCase {
  readonly agendaNumber?: string | null;
  readonly letter?: { readonly number?: string | null } | null;
  readonly externalRef?: { readonly system: string; readonly id: string } | null;
}

const key = (
  kind: LookupKind,
  field: LookupField,
  value: string | undefined,
): LookupKey | undefined => (value === undefined ? undefined : { kind, field, value });

/**
 * Every lookup key of a case: one line per identifier. (The tracking code has its own unique
 * item, `findCaseIdByTrackingCode`, which search reads too.)
 */
export function lookupKeysOf(c: CaseRecord): LookupKey[] {
  const x = c as CaseRecord & IdentifiedCase;
  const who = c.complainant;
  const all = [
    x.agendaNumber ? key('ref', 'agendaNumber', normalizeReference(x.agendaNumber)) : undefined,
    x.letter?.number ? key('ref', 'letterNumber', normalizeReference(x.letter.number)) : undefined,
    x.externalRef ? key('ref', 'externalRef', normalizeReference(x.externalRef.id)) : undefined,
    // An anonymous complaint (the public form) has no complainant, so no identity to look up.
    who?.idNumber ? key('nik', 'idNumber', normalizeNik(who.idNumber)) : undefined,
    who?.phone ? key('phone', 'phone', normalizePhone(who.phone)) : undefined,
    who?.email ? key('email', 'email', normalizeEmail(who.email)) : undefined,
  ];
  return all.filter((k): k is LookupKey => k !== undefined);
}

/**
 * At most this many postings partitions (token heads) per case: each is one item in the
 * case's transaction, and an edit may delete as many as it writes, so 2 × 40 postings plus
 * the case, its event and its changed lookups stay under DynamoDB's 100 items per transaction.
 * Words beyond the 40th head are not searchable (the subject, respondent, location and name
 * come first, then the description in order; every stem before any word unstemmed).
 */
export const MAX_HEADS = 40;
/**
 * And at most this many bytes of tokens (UTF-8: Javanese script takes three a character), so a
 * posting item stays within 1 KB (one write unit, two in a transaction).
 */
export const MAX_TOKEN_BYTES = 700;

const utf8 = new TextEncoder();

export interface SearchDocument {
  readonly lookups: readonly LookupKey[];
  /**
   * Tokens (stems, then words unstemmed) of the fields every reader may search: subject,
   * respondent, location, the complaint as the agencies read it.
   */
  readonly words: readonly string[];
  /**
   * Tokens central only searches: the complainant's name, and their own text when central
   * restated it for the agencies (`agencyDescription`).
   */
  readonly names: readonly string[];
  /** The distinct heads of words and names: one posting each. */
  readonly heads: readonly string[];
}

/**
 * The search document of a case (bounded: see MAX_HEADS). Two passes over its texts: every
 * word's stem first, as before unstemmed words were indexed (so a stem is never left out for
 * them, and a case re-indexed keeps every head it had); then, in the room the bounds leave, each
 * word the stemmer changed as it is written (`pelayanan` beside `layan`, `pecatu` beside
 * `catu`), which a word typed in part before the stem's fourth letter meets (`pelay`, `Pecat`).
 */
export function searchDocumentOf(c: CaseRecord): SearchDocument {
  const heads = new Set<string>();
  const taken = { words: new Set<string>(), names: new Set<string>() };
  let bytes = 0;
  /** Takes a token into `list`; false when it would pass MAX_TOKEN_BYTES. */
  const add = (list: 'words' | 'names', token: string): boolean => {
    if (taken.words.has(token) || taken.names.has(token)) {
      // The same token in the other list still counts there (a name that is also a word).
      taken[list].add(token);
      return true;
    }
    const head = headOf(token);
    if (!heads.has(head) && heads.size >= MAX_HEADS) return true;
    const size = utf8.encode(token).length + 1;
    if (bytes + size > MAX_TOKEN_BYTES) return false;
    heads.add(head);
    taken[list].add(token);
    bytes += size;
    return true;
  };
  // Agencies search the complaint as they read it; the complainant's own text, when central
  // restated it for them (an e-mail's signature taken out) or withholds it, is central's to search.
  const read = descriptionForAgencies(c);
  const texts: ['words' | 'names', string | null | undefined][] = [
    ['words', c.subject],
    ['words', c.respondent],
    ['words', [c.location?.regency, c.location?.province].filter(Boolean).join(' ')],
    ['names', c.complainant?.name],
    ['words', read],
    ...(read !== c.description ? [['names', c.description] as ['names', string]] : []),
  ];
  for (const [list, text] of texts)
    for (const w of words(text ?? '')) if (!add(list, stem(w))) break;
  for (const [list, text] of texts)
    for (const w of words(text ?? '')) if (stem(w) !== w) add(list, w);
  return {
    lookups: lookupKeysOf(c),
    words: [...taken.words],
    names: [...taken.names],
    heads: [...heads],
  };
}

/**
 * How many items the store's index writes (`indexWrites`) when a case goes from `before` (null:
 * a new case) to `after`, counted as it counts them, its HMAC keys aside. When the case's
 * tokens changed, a posting for each head it has and a delete for each head it lost (up to
 * 2 × MAX_HEADS); a put for each identifier new and a delete for each one gone; every one of
 * them when the case's place in the index (received at, id) moved. None when its document stays
 * as it was. Never fewer than the store writes (it also skips a change of no field it reads),
 * so a use case that splits a change by `MAX_COMMIT_ITEMS` counts the index honestly.
 */
export function indexWriteCount(before: CaseRecord | null, after: CaseRecord): number {
  const next = searchDocumentOf(after);
  const prev = before && searchDocumentOf(before);
  const moved = !!before && (before.receivedAt !== after.receivedAt || before.id !== after.id);
  const sameTokens =
    !!prev &&
    !moved &&
    prev.words.join(' ') === next.words.join(' ') &&
    prev.names.join(' ') === next.names.join(' ');
  const heads = new Set(next.heads);
  const postings = sameTokens
    ? 0
    : heads.size + (prev?.heads ?? []).filter((h) => moved || !heads.has(h)).length;
  // Two fields with one value (an agenda number equal to the letter's) share one lookup item.
  const lookups = (doc: SearchDocument | null) =>
    new Set((doc?.lookups ?? []).map((k) => `${k.kind}\u0000${k.value}`));
  const now = lookups(next);
  const was = lookups(prev);
  const gone = (a: ReadonlySet<string>, b: ReadonlySet<string>) =>
    [...a].filter((k) => moved || !b.has(k)).length;
  return postings + gone(now, was) + gone(was, now);
}

/**
 * The token heads a case's postings may stand under that its document does not give: every
 * head of every text the index has read of it (uncapped, in any list: the subject, respondent,
 * location, name, its own text, the restatement, the withheld notice) but its document's. A
 * case indexed under an earlier release's rules (an e-mail's whole text as words, its
 * signature included, before restatements were required) keeps postings its document, diffed
 * now, never deletes: past the 40 heads, the signature at the mail's end. A restatement drops
 * them (`Store.dropPostings`).
 */
export function stalePostingHeads(c: CaseRecord): string[] {
  const kept = new Set(searchDocumentOf(c).heads);
  const texts = [
    c.subject,
    c.respondent,
    c.location?.regency,
    c.location?.province,
    c.complainant?.name,
    c.description,
    c.agencyDescription,
    DESCRIPTION_WITHHELD,
  ];
  const heads = new Set<string>();
  for (const text of texts)
    for (const w of words(text ?? '')) {
      // Its stem's head and, indexed unstemmed too, its own.
      for (const head of [headOf(stem(w)), headOf(w)]) if (!kept.has(head)) heads.add(head);
    }
  return [...heads];
}
