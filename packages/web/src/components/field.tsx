/**
 * Labelled controls bound to a form: every control has a visible label, its error is tied to it
 * with aria-describedby / aria-invalid, so a screen reader says what is wrong where. A value a
 * colleague saved meanwhile under the one typed (`form.underneath`) is said at the field too,
 * with theirs to take.
 */
import { type ReactNode, useId } from 'react';
import type { z } from 'zod';
import type { TimeZone } from '../format';
import { type Form, getPath, maxLengthAt } from '../forms/use-form';
import { useI18n } from '../i18n/i18n';
import { DateWords, dateWordsRef } from './date-words';

interface Base<S extends z.ZodType> {
  form: Form<S>;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
}

function Wrap({
  id,
  label,
  hint,
  error,
  required,
  underneath,
  children,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean | undefined;
  /** The notice of a value saved meanwhile (`ChangedUnderneath`), under the control. */
  underneath?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {children}
      {underneath}
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The id of the notice said at a field a colleague changed meanwhile (read with the control). */
export const underneathId = (id: string) => `${id}-underneath`;

/**
 * At a field the user changed and a colleague changed too meanwhile (the record read again):
 * says so, shows the colleague's value (`show` words it: an option's label, a time in the
 * reader's zone), and offers to take it or to keep the user's. The user's text stays as typed
 * until they choose; the form will not send it before.
 */
export function ChangedUnderneath<S extends z.ZodType>({
  form,
  name,
  id,
  label,
  show = (value) => (value === undefined || value === null ? '' : String(value)),
}: {
  form: Form<S>;
  name: string;
  /** The control's id: focus goes back to it once the user chose. */
  id: string;
  label: string;
  show?: (value: unknown) => string;
}) {
  const { t } = useI18n();
  if (!(name in form.underneath)) return null;
  const theirs = show(form.underneath[name]);
  const decide = (take: boolean) => {
    if (take) form.take(name);
    else form.keep(name);
    // The buttons go with the notice: focus back to the field, not <body>.
    document.getElementById(id)?.focus();
  };
  return (
    <div className="alert underneath" id={underneathId(id)}>
      <p role="alert">{t('field.changedUnderneath')}</p>
      <p className="prose">{theirs.trim() === '' ? <em>{t('field.theirsEmpty')}</em> : theirs}</p>
      <button
        type="button"
        aria-label={t('field.takeTheirsFor', { label })}
        onClick={() => decide(true)}
      >
        {t('field.takeTheirs')}
      </button>{' '}
      <button
        type="button"
        aria-label={t('field.keepMineFor', { label })}
        onClick={() => decide(false)}
      >
        {t('field.keepMine')}
      </button>
    </div>
  );
}

function useControl<S extends z.ZodType>(
  props: Base<S>,
  counter = false,
  /** A date field's value, said in words under it (`DateWords`). */
  date?: string,
) {
  const id = useId();
  props.form.describe(props.name, { label: props.label, id });
  const error = props.form.errors[props.name];
  const changed = props.name in props.form.underneath;
  const describedBy =
    [
      props.hint ? `${id}-hint` : '',
      dateWordsRef(id, date),
      counter ? `${id}-count` : '',
      changed ? underneathId(id) : '',
      error ? `${id}-error` : '',
    ]
      .filter(Boolean)
      .join(' ') || undefined;
  return {
    id,
    error,
    /**
     * `Wrap`'s props: the label, hint and error around the control, and the notice of a value a
     * colleague saved meanwhile (`show` words that value).
     */
    wrap: (show?: (value: unknown) => string) => ({
      id,
      label: props.label,
      hint: props.hint,
      error,
      required: props.required,
      underneath: (
        <ChangedUnderneath
          form={props.form}
          name={props.name}
          id={id}
          label={props.label}
          {...(show ? { show } : {})}
        />
      ),
    }),
    aria: {
      id,
      name: props.name,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy,
      required: props.required,
    },
  };
}

export function TextField<S extends z.ZodType>(
  props: Base<S> & {
    type?: 'text' | 'email' | 'tel' | 'date' | 'datetime-local' | 'search';
    multiline?: boolean;
    /** The limit when the schema does not say it (it usually does: `text(2_000)`). */
    maxLength?: number;
    /** The keyboard a phone opens: `numeric` for a NIK's 16 digits (kept as text: no spinner). */
    inputMode?: 'numeric';
    /** The zone a `datetime-local` value is read in, named with its words. */
    zone?: TimeZone;
  },
) {
  const { t, lang } = useI18n();
  const max = props.maxLength ?? maxLengthAt(props.form.schema, props.name);
  const value = (getPath(props.form.values, props.name) as string | undefined) ?? '';
  // A long text shows how much room is left; a short one only as it nears its limit. Nothing is
  // cut: a text over the limit stays as typed and the error says so.
  const counter = max !== undefined && (props.multiline === true || value.length > max * 0.8);
  const dated = props.type === 'date' || props.type === 'datetime-local';
  const { id, aria, wrap } = useControl(props, counter, dated ? value : undefined);
  const onChange = (e: { target: { value: string } }) => props.form.set(props.name, e.target.value);
  const number = (n: number) => n.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB');
  return (
    <Wrap {...wrap()}>
      {props.multiline ? (
        <textarea {...aria} value={value} onChange={onChange} rows={5} />
      ) : (
        <input
          {...aria}
          type={props.type ?? 'text'}
          inputMode={props.inputMode}
          value={value}
          onChange={onChange}
        />
      )}
      {dated ? <DateWords id={id} value={value} zone={props.zone} /> : null}
      {counter && max !== undefined ? (
        <p className={`hint counter${value.length > max ? ' over' : ''}`} id={`${id}-count`}>
          {t('field.counter', { n: number(value.length), max: number(max) })}
        </p>
      ) : null}
    </Wrap>
  );
}

export function NumberField<S extends z.ZodType>(props: Base<S> & { min?: number; max?: number }) {
  const { aria, wrap } = useControl(props);
  const value = getPath(props.form.values, props.name) as number | undefined;
  return (
    <Wrap {...wrap()}>
      <input
        {...aria}
        type="number"
        inputMode="numeric"
        min={props.min}
        max={props.max}
        value={value ?? ''}
        onChange={(e) =>
          props.form.set(props.name, e.target.value === '' ? undefined : Number(e.target.value))
        }
      />
    </Wrap>
  );
}

export function SelectField<S extends z.ZodType>(
  props: Base<S> & {
    options: readonly { value: string; label: string }[];
    empty?: string;
    /** From the option's text to the value the schema wants (a boolean, say). */
    parse?: (value: string) => unknown;
    /** Shown, not changed (its hint says why and what to do instead). */
    disabled?: boolean;
  },
) {
  const { aria, wrap } = useControl(props);
  const current = getPath(props.form.values, props.name);
  const value = current === undefined || current === null ? '' : String(current);
  // Theirs by its option's words, as the list shows it.
  const show = (v: unknown) =>
    v === undefined || v === null || v === ''
      ? ''
      : (props.options.find((o) => o.value === String(v))?.label ?? String(v));
  return (
    <Wrap {...wrap(show)}>
      <select
        {...aria}
        disabled={props.disabled}
        value={value}
        onChange={(e) =>
          props.form.set(props.name, props.parse ? props.parse(e.target.value) : e.target.value)
        }
      >
        {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Wrap>
  );
}

export function CheckboxField<S extends z.ZodType>(props: Base<S>) {
  const { t } = useI18n();
  const id = useId();
  props.form.describe(props.name, { label: props.label, id });
  const checked = getPath(props.form.values, props.name) === true;
  const changed = props.name in props.form.underneath;
  const describedBy =
    [props.hint ? `${id}-hint` : '', changed ? underneathId(id) : ''].filter(Boolean).join(' ') ||
    undefined;
  return (
    <div className="field field-check">
      <input
        id={id}
        type="checkbox"
        name={props.name}
        checked={checked}
        onChange={(e) => props.form.set(props.name, e.target.checked)}
        // Read with the box, as a text field's hint is (what ticking it does).
        aria-describedby={describedBy}
      />
      <label htmlFor={id}>{props.label}</label>
      <ChangedUnderneath
        form={props.form}
        name={props.name}
        id={id}
        label={props.label}
        show={(v) => t(v === true ? 'field.ticked' : 'field.unticked')}
      />
      {props.hint ? (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}
