import { describe, expect, it } from 'vitest';
import { cutText, isWellFormed } from '../text.ts';
import { recordedInstant, text } from './fields.ts';

describe('text as people write it', () => {
  it('refuses half of a UTF-16 pair, alone or misplaced, and takes whole ones', () => {
    for (const s of ['Pungli 😀', 'Ibu Sari', '']) expect(isWellFormed(s), s).toBe(true);
    for (const s of ['\uD800', 'a\uD800b', '\uDC00a', 'a\uDE00\uD83D'])
      expect(isWellFormed(s), s).toBe(false);
    expect(text(200).safeParse('Pungli \uD800').success).toBe(false);
  });

  it('cuts text without splitting a pair, as mail intake cuts a subject to 200', () => {
    const subject = `${'a'.repeat(199)}😀`;
    expect(cutText(subject, 200)).toBe('a'.repeat(199));
    expect(cutText('Pungli 😀', 200)).toBe('Pungli 😀');
    expect(isWellFormed(cutText(`${'😀'.repeat(150)}`, 201))).toBe(true);
  });

  it('a recorded instant falls in 2000–2100; a query bound may be 1970 ("since ever")', () => {
    expect(recordedInstant.safeParse('0000-01-01T00:00:00+08:00').success).toBe(false);
    expect(recordedInstant.safeParse('2026-03-16T10:00:00+07:00').success).toBe(true);
    expect(recordedInstant.safeParse('not a date').success).toBe(false); // and no throw
  });
});
