/** A search query read once: which identifiers it could be, and its words. */
import type { CaseRecord } from '../case.ts';
import { normalizeTrackingCode } from '../tracking-code.ts';
import { type LookupKey, lookupKeysOf, searchDocumentOf } from './document.ts';
import { normalizeEmail, normalizeNik, normalizePhone, normalizeReference } from './normalize.ts';
import { MAX_VARIANTS, tokenMatches, variantsOf, words } from './text.ts';

/** More words than this add cost and no precision: the rest are ignored. */
export const MAX_QUERY_WORDS = 8;

export interface ParsedQuery {
  /** The tracking code it could be. */
  readonly trackingCode: string | undefined;
  /** The identifiers it could be (central only: NIK, phone and e-mail are identity). */
  readonly lookups: readonly LookupKey[];
  /**
   * It is shaped like an identifier only (an e-mail, a phone, a NIK, a tracking code), or holds
   * a NIK, phone or e-mail beside words (`together`): no word search.
   */
  readonly identifierOnly: boolean;
  /**
   * A NIK, phone or e-mail typed beside words or beside each other (`Siti Aminah 0812-3456-7890`):
   * `lookups` are those identifiers and a case must hold every one of them and every word
   * (`holdsAll`), where a query that is one identifier matches any of its `lookups`.
   */
  readonly together: boolean;
  /** Its stemmed words, distinct. */
  readonly words: readonly string[];
  /**
   * For each of `words`, the stems it may meet (`variantsOf`, its own first): a case matches
   * the word when one of them matches.
   */
  readonly variants: readonly (readonly string[])[];
}

export function parseQuery(q: string): ParsedQuery {
  const trackingCode = normalizeTrackingCode(q);
  const email = normalizeEmail(q);
  const phone = normalizePhone(q);
  const nik = normalizeNik(q);
  const ref = /\d/.test(q) && !email ? normalizeReference(q) : undefined;
  const lookups: LookupKey[] = [];
  if (email) lookups.push({ kind: 'email', field: 'email', value: email });
  if (phone) lookups.push({ kind: 'phone', field: 'phone', value: phone });
  if (nik) lookups.push({ kind: 'nik', field: 'idNumber', value: nik });
  // One read answers agenda, letter and external numbers (their shared namespace).
  if (ref) lookups.push({ kind: 'ref', field: 'agendaNumber', value: ref });
  // A 13-letter word can read as a tracking code; a real code nearly always has a digit.
  const codeShaped = trackingCode !== undefined && /\d/.test(q);
  const beside = email || phone || nik ? undefined : identityBesideWords(q);
  const stems = new Map<string, Set<string>>();
  const typed = beside ? words(beside.rest).filter((w) => !LABELS.has(w)) : words(q);
  for (const w of typed) {
    const [own, ...others] = variantsOf(w) as [string, ...string[]];
    const seen = stems.get(own) ?? new Set([own]);
    for (const o of others) if (seen.size < MAX_VARIANTS) seen.add(o);
    stems.set(own, seen);
  }
  const kept = [...stems].slice(0, MAX_QUERY_WORDS);
  return {
    trackingCode,
    lookups: beside ? beside.keys : lookups,
    identifierOnly: Boolean(email || phone || nik || codeShaped || beside),
    together: beside !== undefined,
    words: kept.map(([own]) => own),
    variants: kept.map(([, seen]) => [...seen]),
  };
}

/** Digits with spaces, dots, dashes or brackets between them: one number as people write it. */
const DIGIT_RUN = /\d(?:[\s().-]*\d)*/g;
/** From this many digits a number may be a person's (a phone has 10 to 14, a NIK 16). */
const IDENTITY_DIGITS = 8;
/**
 * Numbers of 8 digits or more that are neither a phone nor a NIK by the way they are written: a
 * date (`12-03-2026`, `2026.03.12`), two years (`2025-2026`), an amount in rupiah
 * (`15.000.000`).
 */
const NOT_IDENTITY = [
  /^\d{1,2}([-.])\d{1,2}\1(?:19|20)\d\d$/,
  /^(?:19|20)\d\d([-.])\d{1,2}\1\d{1,2}$/,
  /^(?:19|20)\d\d[\s-]+(?:19|20)\d\d$/,
  /^[1-9]\d{0,2}(?:\.\d{3})+$/,
];

/**
 * Words that name an identifier typed beside it (`NIK 3201…`, `HP 0812…`, `e-mail budi@…`):
 * left out of the words a case must hold beside that identifier.
 */
const LABELS = new Set(
  'nik ktp hp telp tlp telepon telpon no nomor nomer wa whatsapp email mail surel'.split(' '),
);

/** A token's punctuation at either end (`budi@x.id,`, `(budi@x.id)`). */
const EDGES = /^[^\p{L}\p{N}@]+|[^\p{L}\p{N}@]+$/gu;

/**
 * The NIKs, phones and e-mails typed within a query beside words or each other, and the text
 * left around them; undefined when it holds none. A number counts when it stands apart (not
 * joined to a document number's letters or slashes: `LAP-2026-00417`), has 8 digits or more,
 * is neither a date, two years nor an amount, and reads as a phone (`+62 812…`, `0812-…`,
 * `(0812) …`) or has a NIK's 16 digits: what `holdsIdentifier` refuses in a URL, and no more.
 */
function identityBesideWords(q: string): { keys: LookupKey[]; rest: string } | undefined {
  const keys: LookupKey[] = [];
  const add = (key: LookupKey) => {
    if (!keys.some((k) => k.kind === key.kind && k.value === key.value)) keys.push(key);
  };
  const rest = q
    .replace(/\S*@\S*/g, (token) => {
      const email = normalizeEmail(token.replace(EDGES, ''));
      if (!email) return token;
      add({ kind: 'email', field: 'email', value: email });
      return ' ';
    })
    .replace(/\+?\d(?:[\s().-]*\d)*/g, (run: string, at: number, text: string) => {
      const digits = run.replace(/\D/g, '');
      const bare = run.replace(/^\+/, '');
      const joined =
        /[\p{L}\p{N}]$|[\p{L}/][-./]$/u.test(text.slice(0, at)) ||
        /^[\p{L}\p{N}/]|^[-./][\p{L}\p{N}/]/u.test(text.slice(at + run.length));
      if (joined || digits.length < IDENTITY_DIGITS || NOT_IDENTITY.some((r) => r.test(bare)))
        return run;
      const phone = normalizePhone(run);
      if (phone) add({ kind: 'phone', field: 'phone', value: phone });
      else if (digits.length === 16) add({ kind: 'nik', field: 'idNumber', value: digits });
      else return run;
      return ' ';
    });
  return keys.length > 0 ? { keys, rest } : undefined;
}

/**
 * Whether a case holds every identifier and every word of a query typed `together` (central:
 * the complainant's name and own text count), read from the case as the index reads it.
 */
export function holdsAll(c: CaseRecord, query: ParsedQuery): boolean {
  const held = new Set(lookupKeysOf(c).map((k) => `${k.kind}\u0000${k.value}`));
  if (!query.lookups.every((k) => held.has(`${k.kind}\u0000${k.value}`))) return false;
  const doc = searchDocumentOf(c);
  const tokens = [...doc.words, ...doc.names];
  return query.variants.every((stems) => tokens.some((t) => stems.some((s) => tokenMatches(t, s))));
}

/** A tracking code: what the normaliser accepts, with a digit (as `parseQuery` reads one). */
const codeShaped = (text: string) => /\d/.test(text) && normalizeTrackingCode(text) !== undefined;

/**
 * Whether the tokens from `i` on spell a tracking code in its groups of 4, 4 and 5 typed apart
 * (`HJ2M NPQR STVWX`, `HJ2M-NPQR STVWX`). Only at the code's own group lengths: any words and
 * numbers adding up to 13 symbols (`lahan RT 05 RW 12`, `12-03-2026 lahan`) would do otherwise.
 */
function codeInGroups(tokens: readonly string[], i: number): boolean {
  let joined = '';
  for (const token of tokens.slice(i)) {
    for (const group of token.split('-')) {
      joined += group;
      if (![4, 8, 13].includes(joined.length)) return false;
    }
    if (joined.length === 13) return codeShaped(joined);
  }
  return false;
}

/**
 * Whether `q` holds, anywhere in it, what reads as a tracking code or a person's NIK, phone or
 * e-mail: the whole query as `parseQuery` reads it (`identifierOnly`), and beside words a token
 * with `@`, a tracking code (one token, or several typed apart: `HJ2M NPQR STVWX`), or a number
 * of 8 digits or more once the spaces, dots, dashes and brackets between its digits are left
 * out. Such a query must not travel in a URL (`GET /v1/search`). Not counted: a date, two years,
 * an amount, and a number joined to a document number's letters (`LAP-2026-00417`) unless it
 * reads as a phone or a NIK on its own (`NIK-3201…`, `HP.0812…`).
 */
export function holdsIdentifier(q: string): boolean {
  if (parseQuery(q).identifierOnly) return true;
  const tokens = q
    .split(/\s+/)
    .map((t) => t.replace(/^[^\p{L}\p{N}@]+|[^\p{L}\p{N}@]+$/gu, ''))
    .filter((t) => t !== '');
  if (tokens.some((t) => t.includes('@'))) return true;
  if (tokens.some((t, i) => codeShaped(t) || codeInGroups(tokens, i))) return true;
  for (const run of q.matchAll(DIGIT_RUN)) {
    const digits = run[0].replace(/\D/g, '');
    if (digits.length < IDENTITY_DIGITS || NOT_IDENTITY.some((r) => r.test(run[0]))) continue;
    const before = q.slice(0, run.index);
    const after = q.slice(run.index + run[0].length);
    // Joined to letters or a slash without a space (`LAP-2026-00417`, `B-12345678/DUMAS`); a
    // run with a space in it runs on past the document number (`LAP-2026-00417 0812…`).
    const inDocumentNumber =
      !/\s/.test(run[0]) && (/[\p{L}/][-./]?$/u.test(before) || /^[-./]?[\p{L}/]/u.test(after));
    if (!inDocumentNumber || normalizePhone(run[0]) || digits.length === 16) return true;
  }
  return false;
}
