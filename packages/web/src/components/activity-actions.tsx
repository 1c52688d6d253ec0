/**
 * Central's monitoring activities on a case: for each still to be held, a new date, its report,
 * or calling it off (a closed case's is one held already: its report, or calling it off, never a
 * new date). The fields the plan's form shares with them are in activity-fields.tsx.
 */
import { useState } from 'react';
import { CancelActivityBody, ReportActivityBody, ScheduleActivityBody } from '@pantau/core/schemas';
import { api, type Schemas, unwrap } from '../api/client';
import { useSession } from '../auth/session-context';
import { compact, type Values } from '../forms/use-form';
import { labelOf, type Translate, useI18n } from '../i18n/i18n';
import { ActionForm } from './action-form';
import { CENTRAL, useAgencies } from './agencies';
import { TextField } from './field';
import { saying, useSavedSince } from './ui';
import { HiddenIdentityNote, LocalTimeField, Participants, scheduleBody } from './activity-fields';

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

/** "Klarifikasi dengan Polri, PLN": the ladder's one proposal a case names each silent agency. */
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
              <TextField
                form={form}
                name="venue"
                label={t('caseActions.venue')}
                hint={t('caseActions.venueHint')}
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
 * The schedule form's values to start from: the activity's time (an instant, which the time
 * field shows in the reader's zone), its participants one a line, and its plan.
 */
function scheduleInitial(activity: Schemas['Activity']): Values {
  return {
    ...(activity.scheduledAt ? { scheduledAt: activity.scheduledAt } : {}),
    participants: activity.participants.join('\n'),
    plan: activity.plan ?? '',
    venue: activity.venue ?? '',
  };
}
