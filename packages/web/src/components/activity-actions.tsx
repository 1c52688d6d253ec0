/**
 * Central's monitoring activities on a case: for each still to be held, a new date, its report,
 * or calling it off (a closed case's is one held already: its report, or calling it off, never a
 * new date); and the fields the plan's form (plan-form.tsx) shares with them.
 */
import { useId, useState } from 'react';
import type { z } from 'zod';
import { CancelActivityBody, ReportActivityBody, ScheduleActivityBody } from '@pantau/core/schemas';
import { api, type Schemas, unwrap } from '../api/client';
import { useSession, useSignedIn } from '../auth/session-context';
import { formatInstant, toInstant, toLocalInput } from '../format';
import { compact, type Form, getPath, type Values } from '../forms/use-form';
import { labelOf, type Translate, useI18n } from '../i18n/i18n';
import { ActionForm } from './action-form';
import { AgencyPicker, useAgencies } from './agencies';
import { ChangedUnderneath, TextField, underneathId } from './field';
import { saying, useSavedSince } from './ui';

/** A monitoring activity still to be held: proposed (by the ladder) or planned. */
export const isActivityOpen = (a: Schemas['Activity']) =>
  a.status === 'proposed' || a.status === 'planned';

/**
 * Whether closing the case calls the activity off, as the API's close does: a proposal, or a plan
 * not yet held (no date, or a date still to come). One whose date has passed was held: it stays,
 * to be reported. "Passed" as the API said when it sent the case (`overdueToReport`): a date
 * that passes while the page is open is then kept by the close, never the other way round.
 */
export const calledOffByClose = (a: Schemas['Activity']) =>
  a.status === 'proposed' || (a.status === 'planned' && !a.overdueToReport);

/** "Klarifikasi dengan Polri": a case may have one proposal per silent agency. */
export function activityTitle(
  t: Translate,
  nameOf: (id: string) => string,
  activity: Pick<Schemas['Activity'], 'kind' | 'agencyIds'>,
): string {
  const kind = labelOf(t, 'activity', activity.kind);
  return activity.agencyIds.length
    ? t('caseActions.activityWith', { kind, agency: activity.agencyIds.map(nameOf).join(', ') })
    : kind;
}

/** The central unit's own tenant: never a forwarding target. */
export const CENTRAL = 'setneg';

/**
 * The activities still to be held, each with its forms: a new date, its report, calling it off.
 * One a colleague reported or cancelled meanwhile (or the case's close called off) keeps its
 * forms that hold text not yet sent, saying what happened, until discarded (`unsent`, `holds`:
 * the page's record of its forms holding text).
 */
export function ActivityActions({
  kase,
  closed,
  unsent,
  holds,
  onChange,
}: {
  kase: Schemas['Case'];
  closed: boolean;
  /** The page's forms holding text not yet sent (an activity's: `activity:<id>:<form>`). */
  unsent: ReadonlySet<string>;
  holds: (form: string) => (dirty: boolean) => void;
  onChange: () => void;
}) {
  // What central writes here (a report, why it was called off) is kept until sent, per officer,
  // case and activity: an expired session's trip to sign-in gives it back.
  const sub = useSession().session?.sub;
  const draft = (action: string) => (sub ? `${sub}:${kase.id}:${action}` : undefined);
  const holding = (activity: Schemas['Activity']) =>
    [...unsent].some((form) => form.startsWith(activityForm(activity.id, '')));
  return (
    <>
      {/* Still to report (or to call off): proposed or planned, as the case lists them. */}
      {kase.activities
        .filter((activity) => isActivityOpen(activity) || holding(activity))
        .map((activity) => (
          <OpenActivity
            key={activity.id}
            kase={kase}
            activity={activity}
            closed={closed}
            draft={draft}
            unsent={unsent}
            holds={holds}
            onChange={onChange}
          />
        ))}
    </>
  );
}

/** An activity's form as the page's record of forms holding text names it. */
const activityForm = (activityId: string, form: string) => `activity:${activityId}:${form}`;

/**
 * An activity still to be held: a new date, its report, or calling it off. Each is sent on the
 * activity's `version` the page shows: a colleague's change since (a new date, a report, a
 * cancellation) is a 409, said here with the latest to load, the text kept; one the activity
 * can no longer take (reported or cancelled by a colleague, the case closed) is said of the
 * activity, not of the complaint's status. Read again meanwhile, the forms stay as they are:
 * the new date's fields left as they were follow the activity, and one reported or cancelled
 * keeps a form holding text, saying so, locked, until discarded.
 */
function OpenActivity({
  kase,
  activity,
  closed,
  draft,
  unsent,
  holds,
  onChange,
}: {
  kase: Schemas['Case'];
  activity: Schemas['Activity'];
  closed: boolean;
  draft: (action: string) => string | undefined;
  unsent: ReadonlySet<string>;
  holds: (form: string) => (dirty: boolean) => void;
  onChange: () => void;
}) {
  const { t } = useI18n();
  const { nameOf } = useAgencies();
  const id = kase.id;
  const kind = activityTitle(t, nameOf, activity);
  const scheduledSince = useSavedSince(t('caseActions.activitySavedSince'), onChange);
  const reportedSince = useSavedSince(t('caseActions.activitySavedSince'), onChange);
  const cancelledSince = useSavedSince(t('caseActions.activitySavedSince'), onChange);
  // Reported or cancelled from this page (its own report's or cancellation's form): the other
  // forms still holding text say it was the officer, not a colleague.
  const [endedHere, setEndedHere] = useState(false);
  const refused = (since: { refused: (e: unknown) => unknown }) => (e: unknown) => {
    throw since.refused(saying('invalid_transition', t('caseActions.activityNoLongerOpen'))(e));
  };
  const onVersion = (body: unknown) => ({ ...(body as Values), version: activity.version });
  const form = (name: string) => activityForm(activity.id, name);
  const stillOpen = isActivityOpen(activity);
  const ended = stillOpen ? undefined : activityEnded(t, activity, endedHere);
  const shows = (name: string, possible: boolean) => possible || unsent.has(form(name));
  return (
    <>
      {/* A closed case's activity was held already (the close called off the rest): its report,
      or calling it off if it did not take place; never a new date. */}
      {shows('schedule', stillOpen && !closed) ? (
        <ActionForm
          key={`schedule-${activity.id}`}
          // The activity as read again (a colleague's new date): fields left as they were follow
          // it, and one changed on both sides is said at its field.
          follow
          gone={
            ended ??
            (closed
              ? t('caseActions.formGone', { status: labelOf(t, 'status', kase.status) })
              : undefined)
          }
          onDirty={holds(form('schedule'))}
          title={t(activity.scheduledAt ? 'caseActions.reschedule' : 'caseActions.schedule', {
            kind,
          })}
          schema={ScheduleActivityBody}
          initial={scheduleInitial(activity)}
          toBody={(values) => onVersion(scheduleBody(values))}
          // Given back rebased on the activity as it is then (a draft made before it was moved
          // does not move it back unseen).
          draftKey={draft(`${activity.id}:schedule`)}
          submitLabel={t('actions.save')}
          onDone={onChange}
          send={(body) =>
            unwrap(
              api.POST('/v1/cases/{id}/activities/{activityId}/schedule', {
                params: { path: { id, activityId: activity.id } },
                body,
              }),
            ).catch(refused(scheduledSince))
          }
        >
          {(form) => (
            <>
              {scheduledSince.reloadButton}
              <HiddenIdentityNote kase={kase} />
              <LocalTimeField
                form={form}
                name="scheduledAt"
                label={t('caseActions.scheduledAt')}
                required
              />
              <Participants form={form} />
              <TextField
                form={form}
                name="plan"
                label={t('caseActions.planText')}
                // The API keeps a plan it is not sent: an emptied field leaves it as it is.
                hint={activity.plan ? t('caseActions.schedulePlanHint') : undefined}
                multiline
              />
            </>
          )}
        </ActionForm>
      ) : null}
      {shows('report', stillOpen) ? (
        <ActionForm
          key={`report-${activity.id}`}
          gone={ended}
          onDirty={holds(form('report'))}
          title={t('caseActions.report', { kind })}
          schema={ReportActivityBody}
          toBody={(values) => onVersion(compact(values))}
          draftKey={draft(`${activity.id}:report`)}
          submitLabel={t('actions.save')}
          onDone={() => {
            setEndedHere(true);
            onChange();
          }}
          send={(body) =>
            unwrap(
              api.POST('/v1/cases/{id}/activities/{activityId}/report', {
                params: { path: { id, activityId: activity.id } },
                body,
              }),
            ).catch(refused(reportedSince))
          }
        >
          {(form) => (
            <>
              {reportedSince.reloadButton}
              <HiddenIdentityNote kase={kase} />
              <LocalTimeField form={form} name="heldAt" label={t('caseActions.heldAt')} required />
              <TextField form={form} name="outcome" label={t('caseActions.outcome')} required />
              <TextField
                form={form}
                name="summary"
                label={t('caseActions.summary')}
                multiline
                required
              />
            </>
          )}
        </ActionForm>
      ) : null}
      {shows('cancel', stillOpen) ? (
        <ActionForm
          key={`cancel-${activity.id}`}
          gone={ended}
          onDirty={holds(form('cancel'))}
          title={t('caseActions.cancelActivity', { kind })}
          schema={CancelActivityBody}
          toBody={(values) => onVersion(compact(values))}
          draftKey={draft(`${activity.id}:cancel`)}
          submitLabel={t('caseActions.cancelSubmit')}
          onDone={() => {
            setEndedHere(true);
            onChange();
          }}
          send={(body) =>
            unwrap(
              api.POST('/v1/cases/{id}/activities/{activityId}/cancel', {
                params: { path: { id, activityId: activity.id } },
                body,
              }),
            ).catch(refused(cancelledSince))
          }
        >
          {(form) => (
            <>
              {cancelledSince.reloadButton}
              <TextField
                form={form}
                name="reason"
                label={t('caseActions.cancelReason')}
                hint={t('caseActions.cancelReasonHint')}
                multiline
                required
              />
            </>
          )}
        </ActionForm>
      ) : null}
    </>
  );
}

/**
 * What became of an activity no longer open, said over a form still holding text: reported (by
 * a colleague, or from this page), or cancelled (and why: a colleague's reason, or the case's
 * close).
 */
function activityEnded(t: Translate, activity: Schemas['Activity'], here: boolean): string {
  if (activity.status === 'done')
    return t(here ? 'caseActions.activityGoneReportedHere' : 'caseActions.activityGoneReported');
  if (here) return t('caseActions.activityGoneCancelledHere');
  return activity.cancellation
    ? t('caseActions.activityGoneCancelled', { reason: activity.cancellation.reason })
    : t('caseActions.activityGoneCancelledNoReason');
}

/**
 * The redirects ("not ours") still waiting for central: neither settled nor answered by a later
 * forwarding (the API decides; a form for one it no longer waits for is answered 409).
 */
export function awaitingReforward(kase: Schemas['Case']): Schemas['Assignment'][] {
  return kase.assignments.filter(
    (a) =>
      a.state === 'redirected' &&
      a.redirect !== null &&
      a.redirect.settled === null &&
      !kase.assignments.some((b) => b.forwardedAt > a.redirect!.at),
  );
}

/**
 * The agencies whose part in the case has not ended: an assignment open or completed, or a
 * redirect awaiting its re-forward (the API's `partEndedAt`). One withdrawn, or redirected and
 * settled, reads none of the case's activities: the API refuses it in a new one.
 */
export function partHeld(kase: Schemas['Case']): Set<string> {
  const awaiting = awaitingReforward(kase);
  return new Set(
    kase.assignments
      .filter((a) => (a.state !== 'redirected' && a.state !== 'withdrawn') || awaiting.includes(a))
      .map((a) => a.agencyId),
  );
}

/** Assignments that ended: their agency no longer works on the case. */
const ENDED = ['redirected', 'withdrawn', 'completed'];

/** The agencies with an assignment still open, as the case lists them (never central). */
export function openAgencies(kase: Schemas['Case']): string[] {
  return [
    ...new Set(kase.assignments.filter((a) => !ENDED.includes(a.state)).map((a) => a.agencyId)),
  ].filter((id) => id !== CENTRAL);
}
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
 * The schedule form's values to start from: the activity's time (an instant, which the time
 * field shows in the reader's zone), its participants one a line, and its plan.
 */
function scheduleInitial(activity: Schemas['Activity']): Values {
  return {
    ...(activity.scheduledAt ? { scheduledAt: activity.scheduledAt } : {}),
    participants: activity.participants.join('\n'),
    plan: activity.plan ?? '',
  };
}

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
        value={value ? toLocalInput(value, zone) : ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={
          [name in form.underneath ? underneathId(inputId) : '', error ? `${inputId}-error` : '']
            .filter(Boolean)
            .join(' ') || undefined
        }
        onChange={(e) =>
          form.set(name, e.target.value ? toInstant(e.target.value, zone) : undefined)
        }
      />
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
