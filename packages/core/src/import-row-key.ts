/**
 * Which letter an imported row is: its row key (the letter's number with the day it was received
 * and its sender, or, for a letter without a number, the day, sender and subject), compared as a
 * register means it, so that a second import of the same row is a no-op (import-row.ts reads
 * the row; use-cases/import.ts looks its key up).
 */
import type { Registration } from './case.ts';

/** A letter number compared as the register means it: case, spaces and repeats do not matter. */
export const normalizeLetterNumber = (n: string): string =>
  n.trim().toUpperCase().replace(/\s+/g, '');

/**
 * What registers write for a letter that has no number: `-`, `tanpa nomor`, `tnp`, `t.n.`, `nihil`…
 * Compared without case, spaces or punctuation; a cell of punctuation alone is one too.
 */
const PLACEHOLDER_NUMBERS = new Set([
  '',
  'tanpa',
  'tanpanomor',
  'tanpano',
  'tanpanmr',
  'tnp',
  'tnpno',
  'tnpnomor',
  'tn',
  'tidakada',
  'tdkada',
  'belumada',
  'nihil',
  'kosong',
  'na',
  'nil',
  'none',
]);
export const isPlaceholderLetterNumber = (n: string): boolean =>
  PLACEHOLDER_NUMBERS.has(
    n
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ''),
  );

/** A sender's name compared as the register means it: case, spaces and punctuation do not matter. */
export const normalizeSenderName = (name: string): string =>
  name
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The day an instant falls on in WIB, `YYYY-MM-DD`. */
export const wibDay = (at: Date): string =>
  new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/**
 * A letter's row key: its number with the day it was received and its sender's name, so a
 * number citizens give their own letters (`01/2026`) is another letter's when another citizen
 * sent it, while the same row imported again finds its case. (The name is the case's own
 * complainant: an imported case never hides the identity, so the key shows nothing more.)
 */
export const letterRowKey = (number: string, receivedAt: Date | undefined, sender?: string) =>
  [
    `letter:${normalizeLetterNumber(number)}`,
    ...(receivedAt ? [wibDay(receivedAt)] : []),
    ...(sender && normalizeSenderName(sender) ? [normalizeSenderName(sender)] : []),
  ].join(' · ');

/**
 * The row key of a letter without a number (most citizens' letters): the day it was received,
 * its sender (`ANONIM` for none) and its subject, as the register wrote them. The same row
 * imported again finds its case; two letters alike in all three are one letter.
 */
export const unnumberedRowKey = (receivedAt: Date, subject: string, sender?: string) =>
  [
    `unnumbered:${wibDay(receivedAt)}`,
    (sender && normalizeSenderName(sender)) || 'ANONIM',
    normalizeSenderName(subject),
  ].join(' · ');

/** The row key imports gave a letter before its date and sender were in it. */
export const legacyLetterRowKey = (number: string) => `letter:${normalizeLetterNumber(number)}`;

/**
 * Whether a case imported under a letter's legacy key (its bare number) is this row's letter:
 * received the same day, from the same complainant (or both anonymous).
 */
export function sameImportedLetter(
  c: { readonly receivedAt: string; readonly complainant: { readonly name: string } | null },
  registration: Pick<Registration, 'receivedAt' | 'complainant'>,
): boolean {
  const name = (x: { readonly name: string } | null | undefined) =>
    x ? normalizeSenderName(x.name) : '';
  return (
    registration.receivedAt !== undefined &&
    wibDay(new Date(c.receivedAt)) === wibDay(new Date(registration.receivedAt)) &&
    name(c.complainant) === name(registration.complainant)
  );
}
