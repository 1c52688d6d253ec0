/**
 * The fields an activity's forms share (clarification, mediation, case conference): planning it
 * (plan-form.tsx) and scheduling it again (activity-actions.tsx): the agencies taking part, the
 * participants one a line, the local time in the reader's zone, and the note on a hidden identity.
 */
import { useId } from 'react';
import type { z } from 'zod';
import type { Schemas } from '../api/client';
import { useSignedIn } from '../auth/session-context';
import { formatInstant, toInstant, toLocalInput } from '../format';
import { compact, type Form, getPath, type Values } from '../forms/use-form';
import { useI18n } from '../i18n/i18n';
import { AgencyPicker, CENTRAL, useAgencies } from './agencies';
import { DateWords, dateWordsRef } from './date-words';
import { ChangedUnderneath, underneathId } from './field';

/**
 * On a case whose complainant's identity is hidden: the agencies taking part read the
 * activity's participants, plan and report, so none of them may name the complainant.
 */
export function HiddenIdentityNote({ kase }: { kase: Pick<Schemas['Case'], 'identityHidden'> }) {
  const { t } = useI18n();
  return kase.identityHidden ? (
    <p className="alert" role="note">
      {t('caseActions.activityHiddenIdentity')}
    </p>
  ) : null;
}

/** The participants' text area, one a line, as their list (blank lines left out). */
export const participantLines = (text: unknown): string[] =>
  String(text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * The schedule form's values as the body. The participants are always sent: the form started
 * from the activity's, so a list emptied is none left (the API keeps those it is not sent).
 */
export function scheduleBody(values: Values): unknown {
  const { participants, ...rest } = compact(values) as Values;
  return { ...rest, participants: participantLines(participants) };
}

/**
 * The agencies taking part in an activity, found by name with the picker and listed by name:
 * they see the activity and its events (an activity with none is central's alone).
 */
export function ActivityAgencies<S extends z.ZodType>({
  form,
  onCase,
}: {
  form: Form<S>;
  /**
   * The case's agencies whose part has not ended, offered first: an agency taking part must be
   * able to read the case's activities.
   */
  onCase: ReadonlySet<string>;
}) {
  const { t } = useI18n();
  const { nameOf } = useAgencies();
  const pickerId = useId();
  const label = t('caseActions.activityAgencies');
  const chosen = (getPath(form.values, 'agencyIds') ?? []) as string[];
  form.describe('agencyIds', { label, id: pickerId });
  // An agency the API does not know is named at its place in the list.
  chosen.forEach((agencyId, i) =>
    form.describe(`agencyIds.${i}`, { label: nameOf(agencyId), id: pickerId }),
  );
  const error =
    form.errors.agencyIds ??
    chosen.map((_, i) => form.errors[`agencyIds.${i}`]).find((e) => e !== undefined);
  return (
    <fieldset>
      <legend>{label}</legend>
      {chosen.length > 0 ? (
        <ul className="plain chosen-agencies" aria-label={label}>
          {chosen.map((agencyId) => (
            <li key={agencyId}>
              <p className="chosen">
                <strong>{nameOf(agencyId)}</strong>{' '}
                <button
                  type="button"
                  onClick={() => {
                    form.set(
                      'agencyIds',
                      chosen.filter((id) => id !== agencyId),
                    );
                    // The button goes with the agency: focus back to the picker, not <body>.
                    document.getElementById(pickerId)?.focus();
                  }}
                >
                  {t('picker.remove', { agency: nameOf(agencyId) })}
                </button>
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('caseActions.activityAgenciesNone')}</p>
      )}
      {/* More than the API takes (18) is said at the picker when saving. */}
      <AgencyPicker
        inputId={pickerId}
        label={t('caseActions.activityAddAgency')}
        hint={t('caseActions.activityAgenciesHint')}
        error={error}
        exclude={new Set([...chosen, CENTRAL])}
        suggested={onCase}
        suggestedBadge={t('caseActions.activityOnCase')}
        hold={(message) => form.hold('agencyIds', message)}
        onPick={(agency) => form.set('agencyIds', [...chosen, agency.id])}
      />
    </fieldset>
  );
}

/**
 * Who takes part (names and roles), one a line. Each line's error names it by its place
 * ("Peserta ke-2") and links to the text area, where the errors are said too.
 */
export function Participants<S extends z.ZodType>({ form }: { form: Form<S> }) {
  const { t } = useI18n();
  const id = useId();
  const label = t('caseActions.participants');
  const lines = participantLines(getPath(form.values, 'participants'));
  form.describe('participants', { label, id });
  lines.forEach((_, i) =>
    form.describe(`participants.${i}`, {
      label: t('caseActions.participantN', { n: i + 1 }),
      id,
    }),
  );
  const errors = Object.entries(form.errors)
    .filter(([path]) => path === 'participants' || path.startsWith('participants.'))
    .map(([, message]) => message);
  const describedBy = [
    `${id}-hint`,
    'participants' in form.underneath ? underneathId(id) : '',
    errors.length > 0 ? `${id}-error` : '',
  ].filter(Boolean);
  return (
    <div className={`field${errors.length > 0 ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        name="participants"
        rows={4}
        value={(getPath(form.values, 'participants') as string | undefined) ?? ''}
        aria-invalid={errors.length > 0 ? true : undefined}
        aria-describedby={describedBy.join(' ')}
        onChange={(e) => form.set('participants', e.target.value)}
      />
      <ChangedUnderneath form={form} name="participants" id={id} label={label} />
      <p className="hint" id={`${id}-hint`}>
        {t('caseActions.participantsHint')}
      </p>
      {errors.length > 0 ? (
        <p className="error" id={`${id}-error`} role="alert">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A date and time typed in the user's zone, handed over as an instant. Registered with the form
 * as the other fields are: its error names it, and the summary links to it.
 */
export function LocalTimeField<S extends z.ZodType>({
  form,
  name,
  label,
  required,
}: {
  form: Form<S>;
  name: string;
  label: string;
  required?: boolean;
}) {
  const { zone } = useSignedIn();
  const { t, lang } = useI18n();
  // Unique per field: a case with several open activities has a time field in each form.
  const inputId = useId();
  form.describe(name, { label, id: inputId });
  const value = getPath(form.values, name) as string | undefined;
  const local = value ? toLocalInput(value, zone) : '';
  const error = form.errors[name];
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={inputId}>
        {label} ({t(`zone.${zone}`)}){required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <input
        id={inputId}
        type="datetime-local"
        // Shows the form's value: a form started afresh after a save shows no time either. (A
        // time half typed is '' to the browser as to the form, so it is left as it is.)
        value={local}
        aria-invalid={error ? true : undefined}
        aria-describedby={
          [
            // The day and hour in words, with the zone they are read in: the field's own order
            // of day and month is the browser's language's.
            dateWordsRef(inputId, local),
            name in form.underneath ? underneathId(inputId) : '',
            error ? `${inputId}-error` : '',
          ]
            .filter(Boolean)
            .join(' ') || undefined
        }
        onChange={(e) =>
          form.set(name, e.target.value ? toInstant(e.target.value, zone) : undefined)
        }
      />
      <DateWords id={inputId} value={local} zone={zone} />
      {/* A colleague's time, in the reader's zone as the field shows it. */}
      <ChangedUnderneath
        form={form}
        name={name}
        id={inputId}
        label={label}
        show={(v) => (typeof v === 'string' && v ? formatInstant(v, zone, lang) : '')}
      />
      {error ? (
        <p className="error" id={`${inputId}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
