/**
 * Text as people write it, without zod: a letter cuts a long subject with these, and the functions
 * that write letters load no schema (schemas/fields.ts checks input with the same test).
 */

/**
 * Whether every UTF-16 surrogate is half of a pair: JSON can carry a lone one (`\ud800`), no
 * person types one. (A loop, not a lookbehind regex: the console runs this in older Safari.)
 */
export function isWellFormed(s: string): boolean {
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) return false;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i += 1;
    }
  }
  return true;
}

/** `s` cut to at most `max` UTF-16 units, never through the middle of a surrogate pair. */
export function cutText(s: string, max: number): string {
  const cut = s.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}
