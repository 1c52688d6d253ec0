/**
 * Words as search sees them: case and diacritics folded, Indonesian affixes stripped by the
 * Snowball Indonesian stemmer (`@orama/stemmers`, Tala's algorithm: `pertanahan` → `tanah`,
 * `dilaporkan` → `lapor`), the commonest function words left out. Pure: the same function
 * builds the index and reads the query, so both always agree.
 */
import { stemmer } from '@orama/stemmers/indonesian';

/**
 * Function words too common to find anything with (Indonesian, plus the particles a complaint
 * letter repeats). Left out of the index and of queries alike.
 */
const STOPWORDS = new Set(
  (
    'yang dan di ke dari untuk dengan ini itu pada dalam atas oleh atau juga akan sudah telah ' +
    'belum tidak tak bukan ada adalah ialah sebagai karena sehingga agar supaya bahwa namun ' +
    'tetapi tapi serta saat ketika hingga sampai kepada bagi para pun lah kah nya saya kami ' +
    'kita anda mereka ia dia beliau se per tersebut hal bapak ibu sdr yth mohon dapat bisa ' +
    'masih hanya lebih sangat tentang terhadap antara sejak secara tanpa'
  ).split(' '),
);

/** Whole numbers this long or longer look like identity (a NIK, a phone): never indexed. */
const MAX_NUMBER_DIGITS = 7;

/** Lower case, diacritics removed (`José` → `jose`), apostrophes joined (`Ma'ruf` → `maruf`). */
export const fold = (text: string): string =>
  text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’`]/g, '');

/** The folded words of a text, in order, without function words or identity-like numbers. */
export function words(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(
      (w) =>
        w.length > 1 && !STOPWORDS.has(w) && !(/^\p{N}+$/u.test(w) && w.length > MAX_NUMBER_DIGITS),
    );
}

/** A folded word's stem; a number or a word the stemmer would empty stays as it is. */
export const stem = (word: string): string => {
  if (/\p{N}/u.test(word)) return word;
  const s = stemmer(word);
  return s.length >= 2 ? s : word;
};

/**
 * The stems a query word may meet in the index: its own, and where the stemmer stems the same
 * root apart in a derived form, that form's. Tala's algorithm recodes a peN- prefix's nasal
 * (`penduduk` → `duduk`, `pemilik` → `pilik`) but, after ke-…-an, strips only `pe` and keeps it
 * (`kependudukan` → `nduduk`, `kepemilikan` → `milik`): a peN- word also tries its ke-…-an
 * form's stem; a kepeN- word its own without ke-, and, typed in part (the stemmer took ke-
 * only: `kependud` → `pendud`), what follows `pe` (`ndud`, from four letters). The index is
 * left as it is (a query-side bridge: cases already indexed are found at once). A word typed in
 * part whose stem is too short to read as a prefix (`perusa` → `usa`) also tries itself, as
 * written, against the words the index holds unstemmed. At most `MAX_VARIANTS` a word, each on
 * another head one more postings partition the search reads.
 */
export function variantsOf(word: string): string[] {
  const own = stem(word);
  // A word the stemmer leaves whole (too short to strip: `pend`, `kepend`, typed in part) has
  // none: its remainder would match far more than was typed (`kepend` → `pend…`: `pendapat`).
  if (own === word) return [own];
  // Typed in part just past a prefix, a word may stem to fewer than four letters, matched whole
  // (`perusa` → `usa`): it also tries itself, a prefix of the words indexed unstemmed
  // (`perusahaan`). Only when the stemmer took a prefix alone (the word ends in its stem): a
  // word typed whole (`pengaduan` → `adu`) is found by its stem, and its own head (`peng`,
  // `meny`) would be among the largest partitions to read.
  const typed = own.length < HEAD_LENGTH && word.endsWith(own) ? [word] : [];
  const others: string[] = [];
  if (/^pe[mn]/.test(word)) others.push(stem(word.endsWith('an') ? `ke${word}` : `ke${word}an`));
  if (/^kepe[mn]/.test(word)) {
    others.push(stem(word.slice(2)));
    if (/^pe[mn]/.test(own) && own.length >= 2 + HEAD_LENGTH) others.push(own.slice(2));
  }
  return [...new Set([own, ...typed, ...others.filter((o) => o.length >= 3)])].slice(
    0,
    MAX_VARIANTS,
  );
}

/** At most this many stems a query word (`variantsOf`). */
export const MAX_VARIANTS = 3;

/** How many leading characters of a token name its postings partition (its bucket). */
export const HEAD_LENGTH = 4;

/**
 * The bucket a token's postings live in: its first four characters, so that a word typed in
 * part (`sertif`) reads the same bucket as the whole (`sertifikat`). Shorter tokens (`bpn`,
 * `ktp`) are their own bucket and match whole.
 */
export const headOf = (token: string): string => token.slice(0, HEAD_LENGTH);

/**
 * Whether an indexed token satisfies a query token: from four characters on, as a prefix;
 * shorter, exactly (a two-letter prefix would read every bucket it begins).
 */
export const tokenMatches = (indexed: string, query: string): boolean =>
  query.length >= HEAD_LENGTH ? indexed.startsWith(query) : indexed === query;
