/** A search query read once: which identifiers it could be, and its words. */
import { normalizeTrackingCode } from '../tracking-code.ts';
import type { LookupKey } from './document.ts';
import { normalizeEmail, normalizeNik, normalizePhone, normalizeReference } from './normalize.ts';
import { stem, words } from './text.ts';

/** More words than this add cost and no precision: the rest are ignored. */
export const MAX_QUERY_WORDS = 8;

export interface ParsedQuery {
  /** The tracking code it could be. */
  readonly trackingCode: string | undefined;
  /** The identifiers it could be (central only: NIK, phone and e-mail are identity). */
  readonly lookups: readonly LookupKey[];
  /** It is shaped like an identifier only (an e-mail, a phone, a NIK, a tracking code): no word search. */
  readonly identifierOnly: boolean;
  /** Its stemmed words, distinct. */
  readonly words: readonly string[];
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
  return {
    trackingCode,
    lookups,
    identifierOnly: Boolean(email || phone || nik || codeShaped),
    words: [...new Set(words(q).map(stem))].slice(0, MAX_QUERY_WORDS),
  };
}
