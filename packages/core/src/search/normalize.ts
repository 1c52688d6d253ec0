/**
 * Identifiers as people type them, in one canonical form each, so that `0812-3456-7890` and
 * `+62 812 3456 7890` are the same number. The index keys hash these forms (never the raw
 * value), and a query is normalised the same way before it is hashed.
 */

/** Indonesia's country calling code: a number written nationally (0…) is Indonesian. */
const COUNTRY_CODE = '62';

/**
 * A phone number in E.164 (`+6281234567890`), or undefined when it cannot be one. National
 * numbers (`0812…`) and numbers written with the country code but without `+` (`62812…`) are
 * Indonesian; a number with another country's `+` code is kept as written. Separators (spaces,
 * dashes, dots, brackets) do not matter.
 */
export function normalizePhone(input: string): string | undefined {
  const trimmed = input.trim();
  if (!/^\+?[\d\s().-]+$/.test(trimmed)) return undefined;
  const digits = trimmed.replace(/\D/g, '');
  let e164: string;
  if (trimmed.startsWith('+')) e164 = digits;
  else if (digits.startsWith('0')) e164 = COUNTRY_CODE + digits.slice(1);
  else if (digits.startsWith(COUNTRY_CODE)) e164 = digits;
  else return undefined;
  // E.164 allows 15 digits after the +; Indonesian numbers have 9 to 13 after the 62.
  if (e164.length < 8 || e164.length > 15 || e164.startsWith('0')) return undefined;
  return `+${e164}`;
}

/** An e-mail address in lower case (the domain is case-blind, and nobody relies on the rest). */
export function normalizeEmail(input: string): string | undefined {
  const value = input.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? value : undefined;
}

/** A NIK (Nomor Induk Kependudukan): its 16 digits, whatever separated them. */
export function normalizeNik(input: string): string | undefined {
  const trimmed = input.trim();
  if (!/^[\d\s.-]+$/.test(trimmed)) return undefined;
  const digits = trimmed.replace(/\D/g, '');
  return digits.length === 16 ? digits : undefined;
}

/**
 * A document number (agenda number, incoming letter number, an external system's id): upper
 * case, without spaces, so `b-12 / dumas/2026` and `B-12/DUMAS/2026` meet. Undefined when empty.
 */
export function normalizeReference(input: string): string | undefined {
  const value = input.replace(/\s+/g, '').toUpperCase();
  return value.length > 0 && value.length <= 200 ? value : undefined;
}
