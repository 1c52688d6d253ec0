/**
 * A whole-number field given a number that is not whole ("2.5" extra working days) is told so,
 * not that it is empty: zod's `int` reports it as a type issue, as it does an empty field.
 */
import { ExtensionRequestBody } from '@pantau/core/schemas';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { translator } from '../i18n/i18n';
import { fieldSentence, issueOf } from './field-errors';

const sentence = (schema: z.ZodType, value: unknown, lang: 'id' | 'en' = 'id') => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected an issue');
  return fieldSentence(translator(lang), issueOf(parsed.error.issues[0]!), 'Tambahan hari kerja');
};

describe('a whole-number field', () => {
  it('a number that is not whole: must be whole (id and en)', () => {
    const days = ExtensionRequestBody.shape.workingDays;
    expect(sentence(days, 2.5)).toBe('Tambahan hari kerja harus bilangan bulat.');
    expect(sentence(days, 2.5, 'en')).toBe('Tambahan hari kerja must be a whole number.');
    expect(sentence(z.int(), 0.1)).toBe('Tambahan hari kerja harus bilangan bulat.');
    expect(sentence(z.coerce.number().int(), '1.5')).toBe(
      'Tambahan hari kerja harus bilangan bulat.',
    );
  });

  it('empty is still required', () => {
    expect(sentence(ExtensionRequestBody.shape.workingDays, undefined)).toBe(
      'Tambahan hari kerja wajib diisi.',
    );
    expect(sentence(z.int(), undefined, 'en')).toBe('Tambahan hari kerja is required.');
  });
});
