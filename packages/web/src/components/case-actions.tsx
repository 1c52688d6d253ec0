/** Central's actions on a case: verify and classify, forward (and re-forward), activities, close. */
import { useId, useMemo } from 'react';
import type { z } from 'zod';
import {
  ActivityKindSchema,
  CancelActivityBody,
  CloseBody,
  ForwardBody,
  PlanActivityBody,
  ReportActivityBody,
  ScheduleActivityBody,
  VerificationBody,
  WithdrawBody,
} from '@pantau/core/schemas';
import { api, type Schemas, unwrap } from '../api/client';
import { useSignedIn } from '../auth/session-context';
import { toInstant, toLocalInput } from '../format';
import { compact, type Form, getPath, maxLengthAt, type Values } from '../forms/use-form';
import { labelOf, useI18n } from '../i18n/i18n';
import { ActionForm } from './action-form';
import { AgencyPicker, useAgencies } from './agencies';
import { CheckboxField, SelectField, TextField } from './field';

/** A monitoring activity still to be held: proposed (by the ladder) or planned. */
const isOpen = (a: Schemas['Activity']) => a.status === 'proposed' || a.status === 'planned';

/** The central unit's own tenant: never a forwarding target. */
const CENTRAL = 'setneg';

export function CaseActions({ kase, onChange }: { kase: Schemas['Case']; onChange: () => void }) {
  const { t } = useI18n();
  const { nameOf } = useAgencies();
  const id = kase.id;
  // The API takes needs_info without saying what is missing (older clients); the console
  // always asks, since the complainant is shown it on the tracking page.
  const verification = useMemo(
    () =>
      VerificationBody.refine((b) => b.decision !== 'needs_info' || b.missing !== undefined, {
        path: ['missing'],
        message: t('caseActions.missingRequired'),
      }),
    [t],
  );
  // The agencies still working on the case: those an activity is planned with by default.
  const working = openAgencies(kase).join(',');
  const planInitial = useMemo(() => ({ agencyIds: working ? working.split(',') : [] }), [working]);
  const canVerify = kase.status === 'received' || kase.status === 'needs_info';
  const canForward = ['verified', 'forwarded', 'in_follow_up', 'reopened'].includes(kase.status);
  const closed = kase.status === 'closed' || kase.status === 'rejected';
  // A closed case keeps an activity already held to be reported (the close called off the rest).
  if (closed && !kase.activities.some(isOpen)) return null;
  return (
    <section className="card" aria-labelledby="case-actions">
      <h2 id="case-actions">{t('caseActions.title')}</h2>
      {canVerify ? (
        <ActionForm
          // Started afresh from a subject restated meanwhile (needs_info keeps the form).
          key={`verify-${kase.subject}`}
          open
          title={t('caseActions.verify')}
          schema={verification}
          initial={{ subject: kase.subject }}
          submitLabel={t('actions.save')}
          onDone={onChange}
          send={(body) =>
            unwrap(api.POST('/v1/cases/{id}/verification', { params: { path: { id } }, body }))
          }
          toBody={(values) => verificationBody(values, kase.subject)}
        >
          {(form) => (
            <>
              <SelectField
                form={form}
                name="decision"
                label={t('caseActions.decision')}
                required
                empty=""
                options={(['accept', 'needs_info', 'reject'] as const).map((d) => ({
                  value: d,
                  label: labelOf(t, 'decision', d),
                }))}
              />
              <SelectField
                form={form}
                name="type"
                label={t('case.type')}
                hint={t('caseActions.typeHint')}
                empty=""
                options={(['light', 'normative', 'examination'] as const).map((x) => ({
                  value: x,
                  label: labelOf(t, 'type', x),
                }))}
              />
              <TextField form={form} name="category" label={t('caseActions.category')} />
              <TextField
                form={form}
                name="subject"
                label={t('caseActions.subject')}
                hint={t('caseActions.subjectHint')}
              />
              {getPath(form.values, 'decision') === 'needs_info' ? (
                <TextField
                  form={form}
                  name="missing"
                  label={t('caseActions.missing')}
                  hint={t('caseActions.missingHint')}
                  required
                  multiline
                />
              ) : null}
              {/* One way: an identity already hidden stays hidden (the API refuses false). */}
              {kase.identityHidden ? null : (
                <CheckboxField
                  form={form}
                  name="identityHidden"
                  label={t('caseActions.identityHidden')}
                  hint={t('caseActions.identityHiddenHint')}
                />
              )}
              <TextField form={form} name="note" label={t('actions.note')} multiline />
            </>
          )}
        </ActionForm>
      ) : null}
      {canForward ? <Forward kase={kase} onChange={onChange} /> : null}
      {(closed ? [] : awaitingReforward(kase)).map((a) =>
        // Settling the only agency's redirect would leave nobody to answer the complainant (the
        // API refuses it, 409): the case needs a forward.
        !othersHold(kase, a.agencyId) ? (
          <p className="hint" key={a.agencyId}>
            {t('caseActions.settleRedirectAlone', { agency: nameOf(a.agencyId) })}
          </p>
        ) : (
          <ActionForm
            key={a.agencyId}
            title={t('caseActions.settleRedirect', { agency: nameOf(a.agencyId) })}
            schema={WithdrawBody}
            submitLabel={t('caseActions.settleRedirectSubmit')}
            onDone={onChange}
            send={(body, key) =>
              unwrap(
                api.POST('/v1/cases/{id}/assignments/{agencyId}/withdraw', {
                  params: { path: { id, agencyId: a.agencyId } },
                  body,
                  headers: { 'idempotency-key': key },
                }),
              )
            }
          >
            {(form) => (
              <>
                <p className="hint">{t('caseActions.settleRedirectHint')}</p>
                <TextField
                  form={form}
                  name="reason"
                  label={t('caseActions.settleRedirectReason')}
                  multiline
                  required
                />
              </>
            )}
          </ActionForm>
        ),
      )}
      {!closed && kase.status !== 'received' ? (
        <ActionForm
          // Started afresh when the agencies working on the case change (its default).
          key={`plan-${working}`}
          title={t('caseActions.plan')}
          schema={PlanActivityBody}
          initial={planInitial}
          toBody={planBody}
          submitLabel={t('actions.save')}
          onDone={onChange}
          send={(body, key) =>
            unwrap(
              api.POST('/v1/cases/{id}/activities', {
                params: { path: { id } },
                body,
                headers: { 'idempotency-key': key },
              }),
            )
          }
        >
          {(form) => (
            <>
              <SelectField
                form={form}
                name="kind"
                label={t('caseActions.activityKind')}
                required
                empty=""
                options={ActivityKindSchema.options.map((k) => ({
                  value: k,
                  label: labelOf(t, 'activity', k),
                }))}
              />
              <LocalTimeField form={form} name="scheduledAt" label={t('caseActions.scheduledAt')} />
              <ActivityAgencies form={form} />
              <Participants form={form} />
              <TextField form={form} name="plan" label={t('caseActions.planText')} multiline />
            </>
          )}
        </ActionForm>
      ) : null}
      {/* Still to report (or to call off): proposed or planned, as the case lists them. */}
      {kase.activities.filter(isOpen).map((activity) => {
        // "Klarifikasi dengan Polri": a case may have one proposal per silent agency.
        const kind = activity.agencyIds.length
          ? t('caseActions.activityWith', {
              kind: labelOf(t, 'activity', activity.kind),
              agency: activity.agencyIds.map(nameOf).join(', '),
            })
          : labelOf(t, 'activity', activity.kind);
        return [
          // A closed case's activity was held already (the close called off the rest): its
          // report, or calling it off if it did not take place; never a new date.
          closed ? null : (
            <ActionForm
              key={`schedule-${activity.id}`}
              title={t(activity.scheduledAt ? 'caseActions.reschedule' : 'caseActions.schedule', {
                kind,
              })}
              schema={ScheduleActivityBody}
              submitLabel={t('actions.save')}
              onDone={onChange}
              send={(body) =>
                unwrap(
                  api.POST('/v1/cases/{id}/activities/{activityId}/schedule', {
                    params: { path: { id, activityId: activity.id } },
                    body,
                  }),
                )
              }
            >
              {(form) => (
                <>
                  <LocalTimeField
                    form={form}
                    name="scheduledAt"
                    label={t('caseActions.scheduledAt')}
                    required
                  />
                  <TextField form={form} name="plan" label={t('caseActions.planText')} multiline />
                </>
              )}
            </ActionForm>
          ),
          <ActionForm
            key={`report-${activity.id}`}
            title={t('caseActions.report', { kind })}
            schema={ReportActivityBody}
            submitLabel={t('actions.save')}
            onDone={onChange}
            send={(body) =>
              unwrap(
                api.POST('/v1/cases/{id}/activities/{activityId}/report', {
                  params: { path: { id, activityId: activity.id } },
                  body,
                }),
              )
            }
          >
            {(form) => (
              <>
                <LocalTimeField
                  form={form}
                  name="heldAt"
                  label={t('caseActions.heldAt')}
                  required
                />
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
          </ActionForm>,
          <ActionForm
            key={`cancel-${activity.id}`}
            title={t('caseActions.cancelActivity', { kind })}
            schema={CancelActivityBody}
            submitLabel={t('caseActions.cancelSubmit')}
            onDone={onChange}
            send={(body) =>
              unwrap(
                api.POST('/v1/cases/{id}/activities/{activityId}/cancel', {
                  params: { path: { id, activityId: activity.id } },
                  body,
                }),
              )
            }
          >
            {(form) => (
              <TextField
                form={form}
                name="reason"
                label={t('caseActions.cancelReason')}
                hint={t('caseActions.cancelReasonHint')}
                multiline
                required
              />
            )}
          </ActionForm>,
        ];
      })}
      {!closed ? (
        <ActionForm
          title={t('caseActions.close')}
          schema={CloseBody}
          submitLabel={t('caseActions.close')}
          onDone={onChange}
          send={(body) =>
            unwrap(api.POST('/v1/cases/{id}/close', { params: { path: { id } }, body }))
          }
        >
          {(form) => (
            <>
              <SelectField
                form={form}
                name="outcome"
                label={t('caseActions.outcomeSelect')}
                required
                empty=""
                options={(['resolved', 'unresolved', 'withdrawn'] as const).map((o) => ({
                  value: o,
                  label: labelOf(t, 'outcome', o),
                }))}
              />
              <TextField form={form} name="note" label={t('actions.note')} multiline />
            </>
          )}
        </ActionForm>
      ) : null}
    </section>
  );
}

/**
 * Forward to several agencies at once, each with its own instructions, found by name with the
 * picker (an agency's suggestion listed first). Agencies with an open assignment are not
 * offered; a redirected or completed one can be chosen again (a re-forward).
 */
function Forward({ kase, onChange }: { kase: Schemas['Case']; onChange: () => void }) {
  const { t } = useI18n();
  const { nameOf } = useAgencies();
  // Only an assignment still open keeps its agency off the list (as the API says): one that
  // completed can be forwarded again, as a reopened case is, also once it left `reopened`.
  const busy = new Set(
    kase.assignments.filter((a) => !ENDED.includes(a.state)).map((a) => a.agencyId),
  );
  const suggested = new Set(
    kase.assignments.flatMap((a) =>
      a.redirect?.suggestedAgencyId ? [a.redirect.suggestedAgencyId] : [],
    ),
  );
  return (
    <ActionForm
      open={kase.status === 'verified' || kase.status === 'reopened' || suggested.size > 0}
      title={kase.assignments.length > 0 ? t('caseActions.reforward') : t('caseActions.forward')}
      schema={ForwardBody}
      initial={{ picked: {} }}
      submitLabel={t('caseActions.forwardButton')}
      onDone={onChange}
      send={(body, key) =>
        unwrap(
          api.POST('/v1/cases/{id}/assignments', {
            params: { path: { id: kase.id } },
            body,
            headers: { 'idempotency-key': key },
          }),
        )
      }
      toBody={(values) => forwardBody(values)}
    >
      {(form) => {
        const picked = Object.entries(
          (getPath(form.values, 'picked') ?? {}) as Record<string, { on?: boolean }>,
        )
          .filter(([, v]) => v.on)
          .map(([agencyId]) => agencyId);
        const pickerId = `forward-${kase.id}`;
        form.describe('assignments', { label: t('caseActions.agencies'), id: pickerId });
        return (
          <fieldset>
            <legend>{t('caseActions.agencies')}</legend>
            <AgencyPicker
              inputId={pickerId}
              label={t('caseActions.addAgency')}
              hint={t('caseActions.agenciesHint')}
              error={form.errors.assignments}
              exclude={new Set([...busy, ...picked, CENTRAL])}
              suggested={suggested}
              onPick={(agency) => form.set(`picked.${agency.id}.on`, true)}
            />
            {picked.length > 0 ? (
              <ul className="plain chosen-agencies" aria-label={t('picker.chosen')}>
                {picked.map((agencyId) => (
                  <li key={agencyId}>
                    <p className="chosen">
                      <strong>{nameOf(agencyId)}</strong>
                      {suggested.has(agencyId) ? (
                        <span className="badge">{t('caseActions.suggested')}</span>
                      ) : null}{' '}
                      <button type="button" onClick={() => form.set(`picked.${agencyId}`, {})}>
                        {t('picker.remove', { agency: nameOf(agencyId) })}
                      </button>
                    </p>
                    <TextField
                      form={form}
                      name={`picked.${agencyId}.instructions`}
                      label={t('caseActions.instructionsFor', { agency: nameOf(agencyId) })}
                      maxLength={maxLengthAt(ForwardBody, 'assignments.0.instructions')}
                      multiline
                    />
                  </li>
                ))}
              </ul>
            ) : null}
          </fieldset>
        );
      }}
    </ActionForm>
  );
}

/**
 * The redirects ("not ours") still waiting for central: neither settled nor answered by a later
 * forwarding (the API decides; a form for one it no longer waits for is answered 409).
 */
function awaitingReforward(kase: Schemas['Case']): Schemas['Assignment'][] {
  return kase.assignments.filter(
    (a) =>
      a.state === 'redirected' &&
      a.redirect !== null &&
      a.redirect.settled === null &&
      !kase.assignments.some((b) => b.forwardedAt > a.redirect!.at),
  );
}

/**
 * Whether an agency other than `agencyId` still has the case: an assignment open or completed,
 * or another redirect awaiting its re-forward (as the API's `noAgencyLeft` counts them).
 */
export function othersHold(kase: Schemas['Case'], agencyId: string): boolean {
  const awaiting = awaitingReforward(kase);
  return kase.assignments.some(
    (b) =>
      b.agencyId !== agencyId &&
      ((b.state !== 'redirected' && b.state !== 'withdrawn') || awaiting.includes(b)),
  );
}

/** Assignments that ended: their agency no longer works on the case. */
const ENDED = ['redirected', 'withdrawn', 'completed'];

/** The agencies with an assignment still open, as the case lists them (never central). */
function openAgencies(kase: Schemas['Case']): string[] {
  return [
    ...new Set(kase.assignments.filter((a) => !ENDED.includes(a.state)).map((a) => a.agencyId)),
  ].filter((id) => id !== CENTRAL);
}

/** The participants' text area, one a line, as their list (blank lines left out). */
const participantLines = (text: unknown): string[] =>
  String(text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** The plan form's values as the body: the participants typed one a line, as a list. */
export function planBody(values: Values): unknown {
  const { participants, agencyIds, ...rest } = compact(values) as Values;
  const people = participantLines(participants);
  const agencies = Array.isArray(agencyIds) ? agencyIds : [];
  return {
    ...rest,
    ...(agencies.length > 0 ? { agencyIds: agencies } : {}),
    ...(people.length > 0 ? { participants: people } : {}),
  };
}

/**
 * The verification form's values as the body: what is missing goes only with needs_info, the
 * identity's box only when ticked, and the subject only when central restated it.
 */
export function verificationBody(values: Values, current?: string): unknown {
  const { identityHidden, subject, ...body } = compact(values) as Values;
  // Sent only to hide: an unticked box leaves the identity as it is.
  const hide = identityHidden === true ? { identityHidden: true } : {};
  // Left as it was (or emptied): the subject stays as it is.
  const restated =
    typeof subject === 'string' && subject.trim() !== (current ?? '').trim() ? { subject } : {};
  if (body.decision === 'needs_info') return { ...body, ...restated, ...hide };
  const { missing: _missing, ...rest } = body;
  return { ...rest, ...restated, ...hide };
}

/** The forward form's checkboxes and texts as the API's body (validated by its schema after). */
export function forwardBody(values: Record<string, unknown>): unknown {
  const picked = (values.picked ?? {}) as Record<string, { on?: boolean; instructions?: string }>;
  return {
    assignments: Object.entries(picked)
      .filter(([, v]) => v.on)
      .map(([agencyId, v]) => ({
        agencyId,
        ...(v.instructions?.trim() ? { instructions: v.instructions } : {}),
      })),
  };
}

/**
 * The agencies taking part in an activity, found by name with the picker and listed by name:
 * they see the activity and its events (an activity with none is central's alone).
 */
function ActivityAgencies<S extends z.ZodType>({ form }: { form: Form<S> }) {
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
                  onClick={() =>
                    form.set(
                      'agencyIds',
                      chosen.filter((id) => id !== agencyId),
                    )
                  }
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
        onPick={(agency) => form.set('agencyIds', [...chosen, agency.id])}
      />
    </fieldset>
  );
}

/**
 * Who takes part (names and roles), one a line. Each line's error names it by its place
 * ("Peserta ke-2") and links to the text area, where the errors are said too.
 */
function Participants<S extends z.ZodType>({ form }: { form: Form<S> }) {
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
  const describedBy = [`${id}-hint`, errors.length > 0 ? `${id}-error` : ''].filter(Boolean);
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
function LocalTimeField<S extends z.ZodType>({
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
  const { t } = useI18n();
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
        aria-describedby={error ? `${inputId}-error` : undefined}
        onChange={(e) =>
          form.set(name, e.target.value ? toInstant(e.target.value, zone) : undefined)
        }
      />
      {error ? (
        <p className="error" id={`${inputId}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
