/**
 * Indonesian by default, English on request (kept in localStorage: a preference, not a secret).
 * Every text a person reads comes from `messages.ts`; the English table must have every key of
 * the Indonesian one (the compiler checks). Validation messages follow through zod's locales.
 */
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { z } from 'zod';
import en from 'zod/v4/locales/en.js';
import idLocale from 'zod/v4/locales/id.js';
import type { Lang } from '../format';
import { type MessageKey, messages } from './messages';

const KEY = 'pantau.lang';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/**
 * `{name}` is a variable; `{name|one|other}` picks a word by the number `name` holds, as the
 * language counts ("1 letter", "2 letters"; Indonesian writes no plural and needs none).
 */
export function translator(lang: Lang): Translate {
  const table = messages[lang];
  const plural = new Intl.PluralRules(lang === 'id' ? 'id-ID' : 'en-GB');
  return (key, vars) =>
    table[key]
      .replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (_, name: string, one: string, other: string) =>
        plural.select(Number(vars?.[name])) === 'one' ? one : other,
      )
      .replace(/\{(\w+)\}/g, (_, name: string) => String(vars?.[name] ?? `{${name}}`));
}

/** A label for an enum value (`status.forwarded`), or the value itself if none is written. */
export function labelOf(t: Translate, prefix: string, value: string): string {
  const key = `${prefix}.${value}` as MessageKey;
  return key in messages.id ? t(key) : value;
}

/** As the letters number their reminders (core `reminderNumeral`): I to X, digits beyond. */
const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** The number a reminder letter's title gives it ("Surat Pengingat III atas …"), if it does. */
function reminderNumeralOf(letterSubject: string | undefined): string | undefined {
  return /^Surat Pengingat ([IVXLC]+|\d+)\b/.exec(letterSubject ?? '')?.[1];
}

/**
 * A ladder step as people read it: its label; for a step an admin named as the ladder names its
 * own, numbered or not (`formal_warning_2`, `reminder_3`), that step's or that action's label
 * and the number ("Surat penegasan 2"), a reminder in Roman numerals as the ladder's own and the
 * letters number them ("Surat pengingat III"), in the console's language; for a name of its own
 * (`surat_penegasan_2`, which has none) that name in words, as the admin wrote it ("Surat
 * penegasan 2"). Given the letter's subject, such a reminder takes the number its letter's title
 * gives it (its place among the ladder's reminders), so the list says what the letter says.
 */
export function stepLabel(t: Translate, name: string, letterSubject?: string): string {
  const key = `step.${name}` as MessageKey;
  if (key in messages.id) return t(key);
  const [, base, n] = /^([a-z][a-z_]*?)(?:_(\d+))?$/.exec(name) ?? [];
  if (base === 'reminder') {
    const numeral =
      reminderNumeralOf(letterSubject) ?? (n === undefined ? undefined : (ROMAN[Number(n)] ?? n));
    if (numeral) return t('step.reminderNumbered', { n: numeral });
  }
  const known = [`step.${base}`, `action.${base}`].find((k) => k in messages.id) as
    MessageKey | undefined;
  if (known) return n === undefined ? t(known) : `${t(known)} ${n}`;
  const words = name.replace(/_+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** An escalation level: the default ladder's rung names, "Tingkat 5" beyond them. */
export function levelLabel(t: Translate, level: number): string {
  const key = `level.${level}` as MessageKey;
  return key in messages.id ? t(key) : t('level.other', { n: level });
}

function applyZodLocale(lang: Lang): void {
  z.config(lang === 'id' ? idLocale() : en());
}

interface I18n {
  readonly lang: Lang;
  readonly t: Translate;
  setLang(lang: Lang): void;
}

const Context = createContext<I18n>({
  lang: 'id',
  t: translator('id'),
  setLang: () => {},
});

export function initialLang(): Lang {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY);
  return stored === 'en' ? 'en' : 'id';
}

export function I18nProvider({ children, lang: fixed }: { children: ReactNode; lang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(fixed ?? initialLang());
  const value = useMemo<I18n>(() => {
    applyZodLocale(lang);
    document.documentElement.lang = lang;
    return {
      lang,
      t: translator(lang),
      setLang: (next) => {
        localStorage.setItem(KEY, next);
        setLangState(next);
      },
    };
  }, [lang]);
  return <Context value={value}>{children}</Context>;
}

export const useI18n = (): I18n => useContext(Context);
