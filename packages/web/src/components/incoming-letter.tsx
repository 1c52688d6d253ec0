/**
 * The incoming letter (issue 15): its fields on the register form, and its line on the case
 * page. Optional as a whole: left empty, no `letter` is sent (a half-filled one is an error).
 */
import type { z } from 'zod';
import type { Schemas } from '../api/client';
import { formatDate } from '../format';
import type { Form, Values } from '../forms/use-form';
import { useI18n } from '../i18n/i18n';
import { TextField } from './field';

export function IncomingLetterFields<S extends z.ZodType>({ form }: { form: Form<S> }) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend>{t('letterIn.legend')}</legend>
      <p className="hint">{t('letterIn.hint')}</p>
      <TextField form={form} name="letter.number" label={t('letterIn.number')} maxLength={100} />
      <TextField form={form} name="letter.date" type="date" label={t('letterIn.date')} />
      <TextField form={form} name="letter.sender" label={t('letterIn.sender')} maxLength={200} />
    </fieldset>
  );
}

/** The body without an incoming letter the user left empty (compact leaves it `{}`). */
export function withoutEmptyLetter(body: Values): Values {
  const letter = body.letter;
  if (letter && typeof letter === 'object' && Object.keys(letter).length === 0) {
    const { letter: _, ...rest } = body;
    return rest;
  }
  return body;
}

export function IncomingLetter({ letter }: { letter: Schemas['IncomingLetter'] | null }) {
  const { t, lang } = useI18n();
  if (!letter) return null;
  return (
    <>
      <dt>{t('letterIn.legend')}</dt>
      <dd>
        {t('letterIn.summary', {
          number: letter.number,
          date: formatDate(letter.date, lang),
          sender: letter.sender,
        })}
      </dd>
    </>
  );
}
